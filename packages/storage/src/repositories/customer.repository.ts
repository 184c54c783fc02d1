import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Customer, CustomerUpdate, Database, NewCustomer } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import type { IdentityKeyRef } from './identity.repository.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

/**
 * A customer as the list shows it: the profile with its journey position, its whole journey state, and
 * the time of its newest event (the list's order).
 */
export type CustomerListItem = Customer & {
  stage: string | null;
  status: string;
  state_json: string;
  last_event_at: number;
};

export interface CustomerListOptions extends PageOptions {
  /** Case-insensitive substring of name, email, phone or id, or an exact user or anonymous id; digits also match the phone however they were typed. */
  search?: string;
  /**
   * Identity keys the search term also stands for, found exactly: the caller normalises the term as
   * each kind is stored (a phone in E.164, an email lower-cased), so any key of a customer finds him.
   */
  searchKeys?: readonly IdentityKeyRef[];
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

  /**
   * The most recently active first (the newest event of each, as the journey state keeps it), merged
   * customers left out, and those no event has reached yet (they have no journey and nothing to show).
   */
  async list(workspaceId: string, options: CustomerListOptions): Promise<Page<CustomerListItem>> {
    const rows = await this.listQuery(workspaceId, options).execute();
    return toPage(rows, options.limit, (row) => ({ at: row.last_event_at, id: row.id }));
  }

  /** The list's query, one row past the page; public so a test can pin its plan. */
  listQuery(workspaceId: string, options: CustomerListOptions) {
    const { search, searchKeys = [], stage, status, cursor } = options;
    const searching = search !== undefined && search.trim() !== '';
    // Cross joins fix the order SQLite reads the tables in (the conditions below make them inner joins).
    // A page of the list is the first rows of the recency index, customers looked up by id; left to
    // itself, with statistics, SQLite read every customer and sorted them. A search reads every customer
    // anyway: in storage order it is several times faster than in recency order, and its matches are few.
    let query = (
      searching
        ? this.db.selectFrom('customers as c').crossJoin('journey_states as js')
        : this.db.selectFrom('journey_states as js').crossJoin('customers as c')
    )
      .whereRef('c.workspace_id', '=', 'js.workspace_id')
      .whereRef('c.id', '=', 'js.customer_id')
      .selectAll('c')
      .select(['js.stage', 'js.status', 'js.state_json', 'js.last_event_at'])
      .where('js.workspace_id', '=', workspaceId)
      .where('c.workspace_id', '=', workspaceId)
      .where('c.merged_into', 'is', null);
    if (stage !== undefined) query = query.where('js.stage', '=', stage);
    if (status !== undefined) query = query.where('js.status', '=', status);
    if (searching) query = query.where((eb) => matchesSearch(eb, workspaceId, search, searchKeys));
    if (cursor) {
      const after = decodeCursor(cursor, 'string');
      query = query.where((eb) =>
        eb(eb.refTuple('js.last_event_at', 'js.customer_id'), '<', eb.tuple(after.at, after.id)),
      );
    }
    return query
      .orderBy('js.last_event_at', 'desc')
      .orderBy('js.customer_id', 'desc')
      .limit(options.limit + 1);
  }
}

function matchesSearch(
  eb: ListScope,
  workspaceId: string,
  search: string,
  searchKeys: readonly IdentityKeyRef[],
): Expression<SqlBool> {
  const term = search.trim().toLowerCase();
  // A user id or anonymous id exactly as the business's systems send it, and the caller's other keys.
  const keys = [
    { kind: 'user_id', value: search.trim() },
    { kind: 'anonymous_id', value: search.trim() },
    ...searchKeys,
  ];
  const conditions = [
    contains(eb.ref('c.name'), term),
    contains(eb.ref('c.email'), term),
    contains(eb.ref('c.phone'), term),
    contains(eb.ref('c.id'), term),
    eb(
      'c.id',
      'in',
      eb
        .selectFrom('identity_keys')
        .select('identity_keys.customer_id')
        // Not correlated with the row: the database finds the few matching keys once, not per customer.
        .where('identity_keys.workspace_id', '=', workspaceId)
        // A row-value IN list, answered from the primary key (see IdentityRepository).
        .where((k) =>
          k(
            k.refTuple('identity_keys.kind', 'identity_keys.value'),
            'in',
            keys.map((key) => k.tuple(key.kind, key.value)),
          ),
        ),
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
