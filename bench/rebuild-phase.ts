import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runJejak } from './processes.ts';
import { say } from './progress.ts';

export interface RebuildFigures {
  workspaces: number;
  customers: number;
  events: number;
  transitions: number;
  /** As `jejak rebuild` reports it: the rebuild itself, without starting the process. */
  ms: number;
  eventsPerSecond: number;
  /** The whole command, process start and database open included. */
  commandMs: number;
}

export interface ScanFigures {
  events: number;
  ms: number;
  eventsPerSecond: number;
}

/**
 * The storage floor for a rebuild: SQLite reading the columns a replay needs from every event, inside
 * SQLite (nothing crosses into JavaScript). No rebuild that reads its events from this table can be faster.
 */
export function scanFloor(dataDir: string): ScanFigures {
  const db = new BetterSqlite3(join(dataDir, 'jejak.sqlite'), { readonly: true });
  try {
    db.pragma('cache_size = -262144');
    db.pragma('mmap_size = 536870912');
    const started = performance.now();
    const events = db
      .prepare(
        `select count(*) from events
         where length(customer_id) + length(message_id) + length(type) + length(name) + length(channel) + at >= 0`,
      )
      .pluck()
      .get() as number;
    const ms = performance.now() - started;
    return { events, ms: Math.round(ms), eventsPerSecond: (events * 1000) / ms };
  } finally {
    db.close();
  }
}

/** `jejak rebuild --json` on the data folder, as its own process, the way an operator runs it. */
export async function rebuildWithCli(dataDir: string): Promise<RebuildFigures> {
  say('rebuild: jejak rebuild --json ...');
  const started = performance.now();
  const out = await runJejak(['rebuild', '--json'], { JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' });
  const commandMs = Math.round(performance.now() - started);
  const result = JSON.parse(out) as Omit<RebuildFigures, 'eventsPerSecond' | 'commandMs'>;
  return { ...result, eventsPerSecond: (result.events * 1000) / result.ms, commandMs };
}
