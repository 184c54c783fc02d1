import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildWebIfStale } from '../scripts/web-build.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'packages', 'cli', 'src', 'main.ts');
const run = promisify(execFile);

/** The browser tests need the built dashboard; npm start builds it too, but a test may run first. */
export function ensureDashboardBuilt(): void {
  buildWebIfStale();
}

/** Runs `jejak <args> --json` against a data folder, as a person at the terminal would, and parses the answer. */
export async function jejakJson<T>(dataDir: string, ...args: string[]): Promise<T> {
  const { stdout } = await run(TSX, [MAIN, ...args, '--json'], {
    cwd: ROOT,
    env: { ...process.env, JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

export const OWNER = { name: 'Sari Wulandari', email: 'sari@kopi.example', password: 'kopi-susu-gula-aren' };
