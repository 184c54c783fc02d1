import { createServices, loadConfig, openStore, type Services } from '@jejak/server';
import type { Store } from '@jejak/storage';

/** Opens the configured database for a command, runs it, and closes the database whatever happens. */
export async function withServices<T>(run: (services: Services, store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig());
  try {
    return await run(createServices(store), store);
  } finally {
    await store.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function fail(message: string): never {
  process.stderr.write(`jejak: ${message}\n`);
  process.exit(2);
}

/** Finds a workspace by id or slug, or stops with a message that lists what exists. */
export async function requireWorkspace(services: Services, idOrSlug: string) {
  const workspace = await services.workspaces.find(idOrSlug);
  if (!workspace) {
    const known = (await services.workspaces.list()).map((w) => w.slug);
    fail(
      `no workspace '${idOrSlug}'${known.length ? ` (known: ${known.join(', ')})` : ' (there are none yet: try jejak demo)'}`,
    );
  }
  return workspace;
}
