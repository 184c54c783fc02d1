import { randomUUID } from 'node:crypto';
import { JourneySummaryRepository, WorkspaceRepository, type Store, type Workspace } from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';

export interface NewWorkspaceInput {
  name: string;
  slug?: string;
  timezone?: string;
  currency?: string;
}

export class WorkspaceService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async create(input: NewWorkspaceInput): Promise<Workspace> {
    const name = input.name.trim();
    if (name === '') throw badRequest('name must not be empty');
    const timezone = checkTimeZone(input.timezone ?? 'Asia/Jakarta');
    const currency = checkCurrency(input.currency ?? 'IDR');
    const slug = input.slug ?? slugify(name);
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) {
      throw badRequest(`slug '${slug}' must be lower-case letters, digits and dashes, at most 63 characters`);
    }
    const workspaces = new WorkspaceRepository(this.store.db);
    if (await workspaces.getBySlug(slug)) throw conflict(`A workspace with slug '${slug}' already exists`);
    const row = { id: randomUUID(), name, slug, timezone, currency, created_at: this.now() };
    return workspaces.create(row);
  }

  /** Changes the name, time zone or currency; money already recorded is not converted. */
  async update(id: string, input: Partial<Pick<NewWorkspaceInput, 'name' | 'timezone' | 'currency'>>) {
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.timezone !== undefined ? { timezone: checkTimeZone(input.timezone) } : {}),
      ...(input.currency !== undefined ? { currency: checkCurrency(input.currency) } : {}),
    };
    if (changes.name === '') throw badRequest('name must not be empty');
    if (Object.keys(changes).length === 0) return this.get(id);
    const workspace = await this.store.db.transaction().execute(async (trx) => {
      const workspaces = new WorkspaceRepository(trx);
      const before = await workspaces.get(id);
      const after = await workspaces.update(id, changes);
      // The journey's daily summaries are cut in the workspace's zone: cut them again in the new one.
      if (before && after && before.timezone !== after.timezone) {
        await new JourneySummaryRepository(trx).recompute(id);
      }
      return after;
    });
    if (!workspace) throw notFound(`Workspace ${id}`);
    return workspace;
  }

  async get(id: string): Promise<Workspace> {
    const workspace = await new WorkspaceRepository(this.store.db).get(id);
    if (!workspace) throw notFound(`Workspace ${id}`);
    return workspace;
  }

  /** By id or by slug, for the CLI where people type slugs. */
  async find(idOrSlug: string): Promise<Workspace | undefined> {
    const workspaces = new WorkspaceRepository(this.store.db);
    return (await workspaces.get(idOrSlug)) ?? (await workspaces.getBySlug(idOrSlug));
  }

  list(): Promise<Workspace[]> {
    return new WorkspaceRepository(this.store.db).list();
  }
}

export function checkTimeZone(zone: string): string {
  if (!isTimeZone(zone)) throw badRequest(`timezone '${zone}' is not an IANA time zone (e.g. Asia/Jakarta)`);
  return zone;
}

export function checkCurrency(code: string): string {
  const currency = code.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw badRequest(`currency '${code}' is not an ISO 4217 code (e.g. IDR)`);
  return currency;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return slug || 'workspace';
}
