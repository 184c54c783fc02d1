import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDataDir } from '../../../e2e/server-process.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'packages', 'cli', 'src', 'main.ts');
const run = promisify(execFile);

/** `jejak users`: the first owner from the command line, and a reset link when there is no mail to send it. */
describe('jejak users', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  const jejak = (...args: string[]) =>
    run(TSX, [MAIN, 'users', ...args], {
      cwd: ROOT,
      env: { ...process.env, JEJAK_DATA_DIR: data.dir, JEJAK_LOG_LEVEL: 'warn' },
    });

  const login = (url: string, email: string, password: string) =>
    fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('creates the first owner once, and prints a reset link that sets a new password', async () => {
    const created = await jejak(
      'create-owner',
      '--email',
      'Sari@Kopi.id',
      '--workspace-name',
      'Kopi Sari',
      '--json',
    );
    const owner = JSON.parse(created.stdout) as { password: string };
    expect(owner.password.length).toBeGreaterThanOrEqual(10);

    await expect(
      jejak('create-owner', '--email', 'lain@kopi.id', '--workspace-name', 'Lain'),
    ).rejects.toThrow(/an owner already exists/);
    await expect(jejak('reset-password', 'siapa@kopi.id')).rejects.toThrow(/siapa@kopi.id was not found/);

    const reset = JSON.parse((await jejak('reset-password', 'sari@kopi.id', '--json')).stdout) as {
      link: string;
      token: string;
    };
    expect(reset.link).toContain(`#token=${reset.token}`);

    const server = await startServerProcess(data.dir);
    try {
      expect((await login(server.url, 'sari@kopi.id', owner.password)).status).toBe(200);
      const set = await fetch(`${server.url}/api/v1/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: reset.token, newPassword: 'kopi-susu-gula-aren' }),
      });
      expect(set.status).toBe(204);
      expect((await login(server.url, 'sari@kopi.id', owner.password)).status).toBe(401);
      expect((await login(server.url, 'sari@kopi.id', 'kopi-susu-gula-aren')).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
