import { prepared, type Connection } from './prepared.js';

const CLAIM_SLOT = `
  INSERT INTO steadfast_periodic_slots (name, slot, owner, claimed_at) VALUES (@name, @slot, @owner, @now)
  ON CONFLICT (name, slot) DO NOTHING`;
// Old slot rows only prove history; a few are kept for `explain`-style debugging.
const PRUNE = `DELETE FROM steadfast_periodic_slots WHERE name = @name AND slot < @slot - 16`;

/**
 * Transition: slot unclaimed → claimed by `owner`. The primary key makes exactly one process win
 * each (name, slot), however many share the database.
 */
export function claimPeriodicSlot(db: Connection, name: string, slot: number, owner: string, now: number): boolean {
  return db
    .transaction(() => {
      const won = prepared(db, CLAIM_SLOT).run({ name, slot, owner, now }).changes === 1;
      if (won) prepared(db, PRUNE).run({ name, slot });
      return won;
    })
    .immediate();
}
