import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Customer, CustomerUpdate, Database, NewCustomer } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

/** A customer as the list shows it: the profile with its journey position (null before any event was applied). */
export type CustomerListItem = Customer & { stage: string | null; status: string | null };

export interface CustomerListOptions extends PageOptions {
  /** Case-insensitive substring of name, email, phone or id, or an exact user or anonymous id; digits also match the phone however they were typed. */
  search?: string;
  stage?: string;
  status?: string;
}

type ListScope = ExpressionBuilder<
  Database & { c: Database['customers']; js: Database['journey_states'] },
  'c' | 'js'
>;

export class CustomerRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewCustomer): Promise<Customer> {
    return this.db.insertInto('customers').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Creates many customers in one statement per chunk (ingestion's new customers). 11 bound values a row. */
  async insertMany(rows: readonly NewCustomer[]): Promise<void> {
    for (const part of chunks(rows, 400)) await this.db.insertInto('customers').values(part).execute();
  }

  /** The customers among these ids, in no particular order; unknown ids are simply absent. */
  async getMany(workspaceId: string, ids: readonly string[]): Promise<Customer[]> {
    const rows: Customer[] = [];
    for (const part of chunks([...new Set(ids)])) {
      rows.push(
        ...(await this.db
          .selectFrom('customers')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', part)
          .execute()),
      );
    }
    return rows;
  }

  /**
   * Writes the profile columns (traits, name, email, phone, last seen, updated) of many stored customers
   * at once. A multi-row insert that turns into an update on the id is the one portable way to update
   * many rows with different values in a single statement; the other columns of a stored row stay as
   * they are. Ingestion folds a batch's identify traits into one row per customer and writes them here.
   */
  async updateProfiles(rows: readonly NewCustomer[]): Promise<void> {
    for (const part of chunks(rows, 400)) {
      await this.db
        .insertInto('customers')
        .values(part)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              traits_json: eb.ref('excluded.traits_json'),
              name: eb.ref('excluded.name'),
              email: eb.ref('excluded.email'),
              phone: eb.ref('excluded.phone'),
              last_seen_at: eb.ref('excluded.last_seen_at'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
            // Never another workspace's customer, whatever id the caller hands in.
            .whereRef('customers.workspace_id', '=', 'excluded.workspace_id'),
        )
        .execute();
    }
  }

  get(workspaceId: string, id: string): Promise<Customer | undefined> {
    return this.db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  update(
    workspaceId: string,
    id: string,
    patch: Omit<CustomerUpdate, 'id' | 'workspace_id'>,
  ): Promise<Customer | undefined> {
    return this.db
      .updateTable('customers')
      .set(patch)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Marks a customer as merged into the survivor (null to undo); merged customers leave the list. */
  async setMergedInto(workspaceId: string, id: string, survivorId: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('customers')
      .set({ merged_into: survivorId })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Newest `last_seen_at` first, merged customers left out. */
  async list(workspaceId: string, options: CustomerListOptions): Promise<Page<CustomerListItem>> {
    let query = this.db
      .selectFrom('customers as c')
      .leftJoin('journey_states as js', (join) =>
        join.onRef('js.workspace_id', '=', 'c.workspace_id').onRef('js.customer_id', '=', 'c.id'),
      )
      .selectAll('c')
      .select(['js.stage', 'js.status'])
      .where('c.workspace_id', '=', workspaceId)
      .where('c.merged_into', 'is', null);
    const { search, stage, status, cursor } = options;
    if (stage !== undefined) query = query.where('js.stage', '=', stage);
    if (status !== undefined) query = query.where('js.status', '=', status);
    if (search !== undefined && search.trim() !== '') query = query.where((eb) => matchesSearch(eb, search));
    if (cursor) {
      const after = decodeCursor(cursor, 'string');
      query = query.where((eb) =>
        eb(eb.refTuple('c.last_seen_at', 'c.id'), '<', eb.tuple(after.at, after.id)),
      );
    }
    const rows = await query
      .orderBy('c.last_seen_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(options.limit + 1)
      .execute();
    return toPage(rows, options.limit, (row) => ({ at: row.last_seen_at, id: row.id }));
  }
}

function matchesSearch(eb: ListScope, search: string): Expression<SqlBool> {
  const term = search.trim().toLowerCase();
  const conditions = [
    contains(eb.ref('c.name'), term),
    contains(eb.ref('c.email'), term),
    contains(eb.ref('c.phone'), term),
    contains(eb.ref('c.id'), term),
    // A user id or anonymous id exactly as the business's systems send it.
    eb(
      'c.id',
      'in',
      eb
        .selectFrom('identity_keys')
        .select('identity_keys.customer_id')
        .whereRef('identity_keys.workspace_id', '=', 'c.workspace_id')
        .where('identity_keys.kind', 'in', ['user_id', 'anonymous_id'])
        .where('identity_keys.value', '=', search.trim()),
    ),
  ];
  // Phones are stored in E.164 (+62812...), people type 0812-3456 or 62 812 3456.
  const digits = term.replace(/\D/g, '');
  if (digits.length >= 3) {
    if (digits !== term) conditions.push(contains(eb.ref('c.phone'), digits));
    if (digits.startsWith('0')) conditions.push(contains(eb.ref('c.phone'), `62${digits.slice(1)}`));
  }
  return eb.or(conditions);
}

// PostgreSQL's LIKE is case-sensitive, so the column goes through lower() (the term comes lower-cased).
// SQLite's lower() folds ASCII only: there 'É' finds only 'É'.
function contains(column: Expression<string | null>, term: string): Expression<SqlBool> {
  const pattern = `%${term.replace(/[!%_]/g, (char) => `!${char}`)}%`;
  return sql<SqlBool>`lower(${column}) like ${pattern} escape '!'`;
}
