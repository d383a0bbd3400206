import type BetterSqlite3 from 'better-sqlite3';

/** A connection as the transitions see it. */
export type Connection = BetterSqlite3.Database;

/** A prepared statement on a {@link Connection}. */
export type Statement = BetterSqlite3.Statement;

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

/** A transaction's body: everything that differs per call comes in as arguments. */
export type TransactionBody = (...args: never[]) => unknown;

const transactions = new WeakMap<Connection, Map<TransactionBody, unknown>>();

/**
 * `db.transaction(body)`, made once per connection and body. better-sqlite3 builds five wrapper
 * functions for every `transaction()` call; a drain calls its transitions once per batch, and
 * rebuilding them each time was 1% of a drain's CPU and about 70 bytes of garbage per job. `body`
 * must take everything per call as arguments: a closure over one call's values would be reused
 * by the next.
 */
export function preparedTransaction<F extends TransactionBody>(db: Connection, body: F): BetterSqlite3.Transaction<F> {
  let bodies = transactions.get(db);
  if (bodies === undefined) {
    bodies = new Map();
    transactions.set(db, bodies);
  }
  let transaction = bodies.get(body);
  if (transaction === undefined) {
    transaction = db.transaction(body);
    bodies.set(body, transaction);
  }
  return transaction as BetterSqlite3.Transaction<F>;
}
