import type { AdSpend, NewAdSpend } from '../ad-spend.schema.ts';
import { chunks, type Executor } from './executor.ts';

/** An event as attribution reads it: who, when, where, and the UTM campaign name it came with. */
export interface AttributionEventRow {
  customer_id: string;
  message_id: string;
  at: number;
  channel: string;
  /** The rest of the message as ingestion stored it: the UTM campaign is its `context.campaign`. */
  payload_json: string;
}

export interface OrderEventRow extends AttributionEventRow {
  properties_json: string;
}

const TOUCH_TYPES = ['track', 'page', 'screen'];

export class AttributionRepository {
  constructor(private readonly db: Executor) {}

  /** Every order event of the workspace (the journey rules' order event names), per customer oldest first. */
  async orders(workspaceId: string, orderEvents: readonly string[]): Promise<OrderEventRow[]> {
    const rows = await this.db
      .selectFrom('events')
      .select(['customer_id', 'message_id', 'at', 'channel', 'payload_json', 'properties_json'])
      .where('workspace_id', '=', workspaceId)
      .where('name', 'in', orderEvents)
      .orderBy('customer_id')
      .orderBy('at')
      .orderBy('message_id')
      .execute();
    return rows.map((r) => ({ ...r, at: Number(r.at) }));
  }

  /**
   * The touchpoints (track, page, screen; not the order event itself) of the given customers between
   * two times, inclusive, per customer oldest first.
   */
  async touches(
    workspaceId: string,
    customerIds: readonly string[],
    from: number,
    to: number,
    orderEvents: readonly string[],
  ): Promise<AttributionEventRow[]> {
    const out: AttributionEventRow[] = [];
    for (const part of chunks(customerIds)) {
      const rows = await this.db
        .selectFrom('events')
        .select(['customer_id', 'message_id', 'at', 'channel', 'payload_json'])
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', part)
        .where('type', 'in', TOUCH_TYPES)
        .where('name', 'not in', orderEvents)
        .where('at', '>=', from)
        .where('at', '<=', to)
        .execute();
      for (const r of rows) out.push({ ...r, at: Number(r.at) });
    }
    return out;
  }

  /**
   * What the orders of the given ids were worth in the end, in the minor unit: the total less what
   * was refunded, 0 for a voided order. Orders the sales module does not know are left out.
   */
  async orderNet(workspaceId: string, orderIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks(orderIds)) {
      const rows = await this.db
        .selectFrom('orders')
        .select(['id', 'status', 'total', 'refunded_total'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', part)
        .execute();
      for (const r of rows) {
        out.set(r.id, r.status === 'voided' ? 0 : Number(r.total) - Number(r.refunded_total));
      }
    }
    return out;
  }

  async spend(workspaceId: string): Promise<AdSpend[]> {
    const rows = await this.db
      .selectFrom('ad_spend')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('month')
      .orderBy('channel')
      .orderBy('campaign')
      .execute();
    return rows.map((r) => ({ ...r, amount: Number(r.amount), updated_at: Number(r.updated_at) }));
  }

  /** Sets the spend of a channel, month and campaign (replacing what was there); returns whether it existed. */
  async putSpend(row: NewAdSpend): Promise<boolean> {
    const existed = await this.db
      .selectFrom('ad_spend')
      .select('amount')
      .where('workspace_id', '=', row.workspace_id)
      .where('month', '=', row.month)
      .where('channel', '=', row.channel)
      .where('campaign', '=', row.campaign ?? '')
      .executeTakeFirst();
    await this.db
      .insertInto('ad_spend')
      .values({ ...row, campaign: row.campaign ?? '' })
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'month', 'channel', 'campaign'])
          .doUpdateSet({ amount: row.amount, updated_at: row.updated_at }),
      )
      .execute();
    return existed !== undefined;
  }

  async deleteSpend(workspaceId: string, month: string, channel: string, campaign: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('ad_spend')
      .where('workspace_id', '=', workspaceId)
      .where('month', '=', month)
      .where('channel', '=', channel)
      .where('campaign', '=', campaign)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
