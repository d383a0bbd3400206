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

/** Builds the SQL of one member of a family of statements that differ only by a count. */
export type SqlForCount = (count: number) => string;

const byCount = new WeakMap<Connection, Map<SqlForCount, BetterSqlite3.Statement[]>>();

/**
 * The prepared statement `sqlFor(count)` on `db`, built and prepared once per connection and
 * count. For statements with one `?` per row of a batch: building their text on every call and
 * hashing it to find the statement cost 2–3% of a drain (a profile of `runtime-drain-c1`).
 */
export function preparedForCount(db: Connection, sqlFor: SqlForCount, count: number): BetterSqlite3.Statement {
  let families = byCount.get(db);
  if (families === undefined) {
    families = new Map();
    byCount.set(db, families);
  }
  let statements = families.get(sqlFor);
  if (statements === undefined) {
    statements = [];
    families.set(sqlFor, statements);
  }
  let statement = statements[count];
  if (statement === undefined) {
    statement = prepared(db, sqlFor(count));
    statements[count] = statement;
  }
  return statement;
}
