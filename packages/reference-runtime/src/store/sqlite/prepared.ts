import type BetterSqlite3 from 'better-sqlite3';

/** A connection as the transitions see it. */
export type Connection = BetterSqlite3.Database;

const cache = new WeakMap<Connection, Map<string, BetterSqlite3.Statement>>();

/**
 * The prepared statement for `sql` on `db`, prepared once per connection: preparing costs more
 * than running the small statements of a transition.
 */
export function prepared(db: Connection, sql: string): BetterSqlite3.Statement {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
