/*
 * Builds what the Jejak process serves to browsers, each when its output is missing or older than its
 * sources: the dashboard (apps/web -> apps/web/dist) and the website tracker (packages/tracker ->
 * packages/tracker/dist/tracker.js). `npm start` runs it first (prestart) and the browser tests call
 * it, so a fresh clone and a changed source both serve the current files, while an up-to-date build
 * costs only a few stat calls.
 * Why not postinstall: the sources change without a reinstall (git pull, editing), and a build made
 * at install time would then be served stale.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');

interface Target {
  label: string;
  dir: string;
  /** The file the build writes last, whose time says how fresh the build is. */
  built: string;
  sources: string[];
}

const DASHBOARD: Target = {
  label: 'the dashboard (apps/web)',
  dir: join(ROOT, 'apps', 'web'),
  built: join('dist', 'index.html'),
  sources: ['src', 'index.html', 'vite.config.ts', 'package.json'],
};

const TRACKER: Target = {
  label: 'the website tracker (packages/tracker)',
  dir: join(ROOT, 'packages', 'tracker'),
  built: join('dist', 'tracker.js'),
  sources: ['src', 'vite.config.ts', 'package.json'],
};

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

function isStale(target: Target): boolean {
  const built = join(target.dir, target.built);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return target.sources.some((source) => newestMtime(join(target.dir, source)) > builtAt);
}

function buildIfStale(target: Target): void {
  if (!isStale(target)) return;
  process.stderr.write(`Building ${target.label}...\n`);
  execFileSync(VITE, ['build', '--logLevel', 'warn'], { cwd: target.dir, stdio: 'inherit' });
}

/** Builds the dashboard and the tracker, each only when its sources changed since its last build. */
export function buildWebIfStale(): void {
  buildIfStale(DASHBOARD);
  buildIfStale(TRACKER);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildWebIfStale();
