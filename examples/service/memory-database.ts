import Database from 'better-sqlite3';

/** The application's own tables (memories), on the same SQLite file as the jobs. */
export class MemoryDatabase {
  readonly connection: Database.Database;

  constructor(path: string) {
    this.connection = new Database(path);
    this.connection.pragma('journal_mode = WAL');
    this.connection.exec(`CREATE TABLE IF NOT EXISTS memories (
      id INTEGER PRIMARY KEY, owner_id TEXT NOT NULL, text TEXT NOT NULL,
      significance INTEGER, pinned INTEGER NOT NULL DEFAULT 0, auto_pinned INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL)`);
  }

  transaction<T>(run: () => T): T {
    return this.connection.transaction(run)();
  }

  insertMemory(ownerId: string, text: string): number {
    const result = this.connection
      .prepare('INSERT INTO memories (owner_id, text, created_at) VALUES (?, ?, ?)')
      .run(ownerId, text, Date.now());
    return Number(result.lastInsertRowid);
  }

  setSignificance(memoryId: number, score: number): void {
    this.connection.prepare('UPDATE memories SET significance = ? WHERE id = ?').run(score, memoryId);
  }

  /** Pin `memoryId`; past the cap, unpin the oldest automatic pin (manual pins stay). */
  autoPinWithCap(ownerId: string, memoryId: number, cap: number): void {
    this.connection.prepare('UPDATE memories SET pinned = 1, auto_pinned = 1 WHERE id = ?').run(memoryId);
    const { count } = this.connection
      .prepare('SELECT COUNT(*) AS count FROM memories WHERE owner_id = ? AND pinned = 1')
      .get(ownerId) as { count: number };
    if (count <= cap) return;
    this.connection
      .prepare(
        `UPDATE memories SET pinned = 0, auto_pinned = 0 WHERE id = (
           SELECT id FROM memories WHERE owner_id = ? AND pinned = 1 AND auto_pinned = 1 AND id != ?
           ORDER BY created_at, id LIMIT 1)`,
      )
      .run(ownerId, memoryId);
  }

  backupTo(path: string): Promise<unknown> {
    return this.connection.backup(path);
  }
}
