import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../e2e/server-process.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'packages', 'cli', 'src', 'main.ts');
const run = promisify(execFile);

/** `jejak keys create --scope`: a secret key limited to what an integration needs. */
describe('jejak keys', () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  const jejak = (...args: string[]) =>
    run(TSX, [MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, JEJAK_DATA_DIR: data.dir, JEJAK_LOG_LEVEL: 'warn' },
    });

  it('creates a secret key with the scopes named, and refuses a scope that does not exist', async () => {
    const workspace = JSON.parse(
      (await jejak('workspaces', 'create', '--name', 'Toko Sari', '--json')).stdout,
    ) as { id: string };
    const created = JSON.parse(
      (
        await jejak(
          'keys',
          'create',
          '--workspace',
          workspace.id,
          '--scope',
          'journey.read',
          'customers.read',
          '--json',
        )
      ).stdout,
    ) as { id: string; scopes: string[]; key: string };
    expect(created.scopes).toEqual(['journey.read', 'customers.read']);
    expect(created.key).toMatch(/^jk_secret_/);
    const listed = JSON.parse(
      (await jejak('keys', 'list', '--workspace', workspace.id, '--json')).stdout,
    ) as {
      id: string;
      scopes_json: string;
    }[];
    expect(listed.find((k) => k.id === created.id)?.scopes_json).toBe('["journey.read","customers.read"]');

    await expect(
      jejak('keys', 'create', '--workspace', workspace.id, '--scope', 'journey.write'),
    ).rejects.toThrow(/journey.write.*is invalid|Allowed choices/);
    await expect(
      jejak('keys', 'create', '--kind', 'write', '--workspace', workspace.id, '--scope', 'journey.read'),
    ).rejects.toThrow(/--scope is for secret keys/);
  });
});
