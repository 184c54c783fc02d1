import { randomUUID } from 'node:crypto';
import { BranchRepository, type Branch, type Store } from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import { checkCurrency, checkTimeZone } from '../workspaces/workspace.service.ts';

export interface BranchInput {
  name: string;
  address?: string | null;
  timezone?: string;
  currency?: string;
}

/** Outlets of a workspace. Every call names the workspace, so another's branch id is not found. */
export class BranchService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  create(workspaceId: string, input: BranchInput): Promise<Branch> {
    const name = input.name.trim();
    if (name === '') throw badRequest('name must not be empty');
    return new BranchRepository(this.store.db).create({
      id: randomUUID(),
      workspace_id: workspaceId,
      name,
      address: input.address ?? null,
      timezone: checkTimeZone(input.timezone ?? 'Asia/Jakarta'),
      currency: checkCurrency(input.currency ?? 'IDR'),
      created_at: this.now(),
    });
  }

  async get(workspaceId: string, id: string): Promise<Branch> {
    const branch = await new BranchRepository(this.store.db).get(workspaceId, id);
    if (!branch) throw notFound(`Branch ${id}`);
    return branch;
  }

  /** All open branches (archived ones too when asked), or only `visible` ones for a manager or cashier. */
  async list(
    workspaceId: string,
    visible: readonly string[] | 'all',
    options: { includeArchived?: boolean } = {},
  ): Promise<Branch[]> {
    const all = await new BranchRepository(this.store.db).list(workspaceId, options);
    return visible === 'all' ? all : all.filter((b) => visible.includes(b.id));
  }

  /** Closes an outlet: it leaves the lists but stays, with its history; `restore` reopens it. */
  async archive(workspaceId: string, id: string): Promise<Branch> {
    const branch = await new BranchRepository(this.store.db).setArchived(workspaceId, id, this.now());
    if (!branch) throw notFound(`Branch ${id}`);
    return branch;
  }

  async restore(workspaceId: string, id: string): Promise<Branch> {
    const branch = await new BranchRepository(this.store.db).setArchived(workspaceId, id, null);
    if (!branch) throw notFound(`Branch ${id}`);
    return branch;
  }

  async update(workspaceId: string, id: string, input: Partial<BranchInput>): Promise<Branch> {
    const changes = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.timezone !== undefined ? { timezone: checkTimeZone(input.timezone) } : {}),
      ...(input.currency !== undefined ? { currency: checkCurrency(input.currency) } : {}),
    };
    if (changes.name === '') throw badRequest('name must not be empty');
    if (Object.keys(changes).length === 0) return this.get(workspaceId, id);
    const branch = await new BranchRepository(this.store.db).update(workspaceId, id, changes);
    if (!branch) throw notFound(`Branch ${id}`);
    return branch;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    let deleted: boolean;
    try {
      deleted = await new BranchRepository(this.store.db).delete(workspaceId, id);
    } catch (error) {
      // Its sales and stock keep pointing at it: those records stay, so the branch is archived instead.
      if (isForeignKeyViolation(error)) throw conflict(`Branch ${id} has sales or stock; archive it instead`);
      throw error;
    }
    if (!deleted) throw notFound(`Branch ${id}`);
  }

  /** Refuses branch ids that are not this workspace's open outlets (a manager's list must name real ones). */
  async checkIds(workspaceId: string, ids: readonly string[]): Promise<void> {
    const all = await new BranchRepository(this.store.db).list(workspaceId, { includeArchived: true });
    const unknown = ids.filter((id) => !all.some((b) => b.id === id));
    if (unknown.length > 0) throw badRequest(`Unknown branch ids: ${unknown.join(', ')}`);
    const archived = all.filter((b) => b.archived_at !== null && ids.includes(b.id));
    if (archived.length > 0) {
      throw badRequest(`Branch ${archived.map((b) => b.name).join(', ')} is archived; restore it first`);
    }
  }
}

/** SQLite's and PostgreSQL's way of saying a row is still referenced. */
function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}
