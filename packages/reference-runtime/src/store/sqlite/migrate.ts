import { SteadfastError } from '../../errors/steadfast-error.js';
import type { MigrationResult } from '../store.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import type { Connection } from './prepared.js';

function userVersion(db: Connection): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Apply pending migrations under `BEGIN IMMEDIATE`, so two processes starting at once apply each
 * migration exactly once (the second re-reads the version after the first commits). A database
 * written by a newer runtime is refused: running old code on a new schema corrupts silently.
 */
export function migrate(db: Connection): MigrationResult {
  const apply = db.transaction((): MigrationResult => {
    const from = userVersion(db);
    if (from > SCHEMA_VERSION) {
      throw new SteadfastError(
        'SCHEMA_TOO_NEW',
        `The database schema is version ${String(from)} but this @steadfast/runtime understands up to ${String(SCHEMA_VERSION)}: upgrade the runtime in every process that opens this database.`,
      );
    }
    for (let version = from; version < SCHEMA_VERSION; version += 1) {
      db.exec(MIGRATIONS[version] ?? '');
    }
    if (from !== SCHEMA_VERSION) db.pragma(`user_version = ${String(SCHEMA_VERSION)}`);
    return { from, to: SCHEMA_VERSION };
  });
  return apply.immediate();
}
