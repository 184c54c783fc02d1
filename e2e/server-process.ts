import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const MAIN = join(ROOT, 'packages', 'cli', 'src', 'main.ts');

export interface ServerProcess {
  url: string;
  adminKey: string | undefined;
  dataDir: string;
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A temporary data folder for one test's server, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `jejak serve` as a real child process on a free port and waits until it listens. */
export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // Node itself with tsx as a loader, not the tsx wrapper: a signal must reach the server process,
  // or a SIGKILL would kill only the wrapper and leave the server running on the same data.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 60_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  const adminKey = /(jk_secret_[A-Za-z0-9_-]+)/.exec(out)?.[1];
  return {
    url,
    adminKey,
    dataDir,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill(signal);
      }),
  };
}

/** Small JSON client for the admin API. */
export function apiClient(baseUrl: string, secretKey: string) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secretKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  };
}

/** Creates a workspace and a write key for it through the API. */
export async function createWorkspaceWithWriteKey(baseUrl: string, adminKey: string, name = 'Kopi E2E') {
  const api = apiClient(baseUrl, adminKey);
  const workspace = await api.post<{ id: string }>('/api/v1/workspaces', { name });
  const write = await api.post<{ key: string }>(`/api/v1/workspaces/${workspace.id}/keys`, {
    kind: 'write',
    name: 'web',
  });
  return { api, workspaceId: workspace.id, writeKey: write.key };
}
