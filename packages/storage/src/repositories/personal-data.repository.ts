import { sql } from 'kysely';
import type {
  Customer,
  IdentityKeyRow,
  JourneyStateRow,
  MergeRow,
  StoredEvent,
  TransitionRow,
} from '../schema.ts';
import type { Executor } from './executor.ts';

/** Everything held about one customer (and the profiles merged into it), for an export. */
export interface CustomerRecord {
  customers: Customer[];
  identityKeys: IdentityKeyRow[];
  events: StoredEvent[];
  journeyStates: JourneyStateRow[];
  transitions: TransitionRow[];
  merges: MergeRow[];
}

export interface ErasureCounts {
  events: number;
  identityKeys: number;
  merges: number;
  quarantined: number;
}

/**
 * The reads and deletes behind a person's data rights. Every query names the workspace, so an id
 * from another workspace finds nothing. Call `erase` inside a transaction.
 */
export class PersonalDataRepository {
  constructor(private readonly db: Executor) {}

  /** The customer and the profiles merged into it (kept so a merge can be undone): one person. */
  async profileIds(workspaceId: string, customerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('id', '=', customerId), eb('merged_into', '=', customerId)]))
      .execute();
    return rows.map((row) => row.id);
  }

  async record(workspaceId: string, ids: string[]): Promise<CustomerRecord> {
    const db = this.db;
    return {
      customers: await db
        .selectFrom('customers')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids)
        .execute(),
      identityKeys: await db
        .selectFrom('identity_keys')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', ids)
        .execute(),
      events: await db
        .selectFrom('events')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', ids)
        .orderBy('at')
        .orderBy('message_id')
        .execute(),
      journeyStates: await db
        .selectFrom('journey_states')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', ids)
        .execute(),
      transitions: await db
        .selectFrom('transitions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', ids)
        .orderBy('at')
        .orderBy('id')
        .execute(),
      merges: await this.merges(workspaceId, ids),
    };
  }

  private merges(workspaceId: string, ids: string[]): Promise<MergeRow[]> {
    return this.db
      .selectFrom('merges')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)]))
      .execute();
  }

  /**
   * Removes events, identity keys, merge records and quarantined payloads that carry any of
   * `identityValues`, and blanks the profiles' personal fields, marking them erased. The profile
   * rows, journey states and transitions stay (they hold no personal data), so counts per stage and
   * past moves stay, through a rebuild too (it keeps erased customers' journeys, having no events).
   */
  async erase(
    workspaceId: string,
    ids: string[],
    identityValues: string[],
    now: number,
  ): Promise<ErasureCounts> {
    const events = await this.db
      .deleteFrom('events')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', ids)
      .executeTakeFirst();
    const keys = await this.db
      .deleteFrom('identity_keys')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'in', ids)
      .executeTakeFirst();
    const merges = await this.db
      .deleteFrom('merges')
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)]))
      .executeTakeFirst();
    const quarantined = await this.eraseQuarantined(workspaceId, identityValues);
    await this.db
      .updateTable('customers')
      .set({ name: null, email: null, phone: null, traits_json: '{}', updated_at: now, erased_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
    return {
      events: Number(events.numDeletedRows),
      identityKeys: Number(keys.numDeletedRows),
      merges: Number(merges.numDeletedRows),
      quarantined,
    };
  }

  /** Refused events are not linked to a customer, so they are found by the values they carry. */
  private async eraseQuarantined(workspaceId: string, values: string[]): Promise<number> {
    let total = 0;
    for (const value of values) {
      if (value.length < 3) continue;
      const pattern = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const result = await this.db
        .deleteFrom('quarantine')
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`payload_json like ${pattern} escape '\\'`)
        .executeTakeFirst();
      total += Number(result.numDeletedRows);
    }
    return total;
  }
}
