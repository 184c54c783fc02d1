import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
export const JEJAK_MAIN = join(ROOT, 'packages', 'cli', 'src', 'main.ts');

export interface ChildServer {
  url: string;
  /** The admin secret key a first start prints, when it did. */
  adminKey: string | undefined;
  pid: number;
  /** Resident memory of the process now, from /proc (Linux), in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

/** `jejak serve` on a free port, as its own process, on the data folder given. */
export function startJejak(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return startChild([JEJAK_MAIN, 'serve', '--port', '0'], {
    JEJAK_DATA_DIR: dataDir,
    JEJAK_LOG_LEVEL: 'warn',
    ...env,
  });
}

/** The parse-only baseline server (bench/parse-only.server.ts), as its own process. */
export function startParseOnly(): Promise<ChildServer> {
  return startChild([join(import.meta.dirname, 'parse-only.server.ts')], {});
}

/** Runs a `jejak` command to its end; resolves with what it printed on stdout. */
export function runJejak(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, [JEJAK_MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise(out) : reject(new Error(`jejak ${args.join(' ')} exited ${code}:\n${err}`)),
    );
  });
}

async function startChild(args: string[], env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(TSX, args, { cwd: ROOT, env: { ...process.env, ...env } });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await listeningUrl(child, () => out);
  return {
    url,
    adminKey: /(jk_secret_[A-Za-z0-9_-]+)/.exec(out)?.[1],
    pid: child.pid!,
    rss: () => residentBytes(child.pid!),
    stop: () => stopChild(child),
  };
}

function listeningUrl(child: ChildProcessWithoutNullStreams, output: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no 'listening on' in time:\n${output()}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1].replace(/\/$/, ''));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output()}`));
    });
  });
}

function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

/**
 * tsx runs the program in a child of its own; the server is the deepest process of that chain, so this
 * sums the resident memory of the whole chain and reports the largest member.
 */
function residentBytes(pid: number): number {
  let largest = 0;
  for (let current: number | undefined = pid; current !== undefined; current = childOf(current)) {
    const status = readFileSync(`/proc/${current}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    largest = Math.max(largest, kib * 1024);
  }
  return largest;
}

function childOf(pid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children === '' ? undefined : Number(children.split(' ')[0]);
  } catch {
    return undefined;
  }
}
