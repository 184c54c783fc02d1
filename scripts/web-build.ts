/*
 * Builds the dashboard (apps/web -> apps/web/dist) when dist is missing or older than its sources.
 * `npm start` runs it first (prestart) and the browser tests call it, so a fresh clone and a changed
 * source both serve the current dashboard, while an up-to-date build costs only a few stat calls.
 * Why not postinstall: the sources change without a reinstall (git pull, editing), and a build made
 * at install time would then be served stale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'apps', 'web');
const BUILT = join(WEB, 'dist', 'index.html');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(WEB, source)) > built);
}

export function buildWebIfStale(): void {
  if (!webBuildIsStale()) return;
  process.stderr.write('Building the dashboard (apps/web)...\n');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: WEB,
    stdio: 'inherit',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildWebIfStale();
