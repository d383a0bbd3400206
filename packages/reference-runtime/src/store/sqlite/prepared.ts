import type BetterSqlite3 from 'better-sqlite3';

/** A connection as the transitions see it. */
export type Connection = BetterSqlite3.Database;

/** A prepared statement on a {@link Connection}. */
export type Statement = BetterSqlite3.Statement;

/** The part of `Map` and `WeakMap` that {@link remembered} needs. */
interface Memo<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * `memo`'s value for `key`, made by `make(key)` and kept on first use. `make` is one function for
 * all calls (never a closure made per call): these lookups run once per statement of a drain.
 */
function remembered<K, V>(memo: Memo<K, V>, key: K, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make(key);
    memo.set(key, value);
  }
  return value;
}

const newMap = <K, V>(): Map<K, V> => new Map();

const statementsOf = new WeakMap<Connection, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on `db`, prepared once per connection: preparing costs more
 * than running the small statements of a transition.
 */
export function prepared(db: Connection, sql: string): Statement {
  const statements = remembered(statementsOf, db, newMap<string, Statement>);
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

/** Builds the SQL of one member of a family of statements that differ only by a count. */
export type SqlForCount = (count: number) => string;

const familiesOf = new WeakMap<Connection, Map<SqlForCount, Statement[]>>();
const newFamily = (): Statement[] => [];

/**
 * The prepared statement `sqlFor(count)` on `db`, built and prepared once per connection and
 * count. For statements with one `?` per row of a batch: building their text on every call and
 * hashing it to find the statement cost 2–3% of a drain (a profile of `runtime-drain-c1`).
 */
export function preparedForCount(db: Connection, sqlFor: SqlForCount, count: number): Statement {
  const statements = remembered(remembered(familiesOf, db, newMap<SqlForCount, Statement[]>), sqlFor, newFamily);
  let statement = statements[count];
  if (statement === undefined) {
    statement = prepared(db, sqlFor(count));
    statements[count] = statement;
  }
  return statement;
}

/** A transaction's body: everything that differs per call comes in as arguments. */
export type TransactionBody = (...args: never[]) => unknown;

const transactionsOf = new WeakMap<Connection, Map<TransactionBody, unknown>>();

/**
 * `db.transaction(body)`, made once per connection and body. better-sqlite3 builds five wrapper
 * functions for every `transaction()` call; a drain calls its transitions once per batch, and
 * rebuilding them each time was 1% of a drain's CPU and about 70 bytes of garbage per job. `body`
 * must take everything per call as arguments: a closure over one call's values would be reused
 * by the next.
 */
export function preparedTransaction<F extends TransactionBody>(db: Connection, body: F): BetterSqlite3.Transaction<F> {
  const transactions = remembered(transactionsOf, db, newMap<TransactionBody, unknown>);
  let transaction = transactions.get(body);
  if (transaction === undefined) {
    transaction = db.transaction(body);
    transactions.set(body, transaction);
  }
  return transaction as BetterSqlite3.Transaction<F>;
}
