import {
  attributeFirstPurchase,
  channelReturn,
  orderAmount,
  toMinorUnits,
  type AttributionModel,
  type AttributionOrder,
  type AttributionTouch,
  type ChannelReturn,
  type CustomerAttribution,
  type EventMatch,
} from '@jejak/core';
import {
  AttributionRepository,
  WorkspaceRepository,
  dayText,
  localDayOf,
  writeTransaction,
  type AdSpend,
  type AttributionEventRow,
  type Store,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import type { JourneyService } from '../journey/journey.service.ts';
import { SpendCsvFormatError, parseSpendCsv, type SpendRowProblem } from './ad-spend-csv.ts';

const DAY_MS = 86_400_000;

export interface AttributionQuery {
  model: AttributionModel;
  /** Touches at most this many days before the first purchase count (default 30). */
  lookbackDays: number;
  /** 0: revenue of the first purchase; N: of every purchase up to N days after the first. */
  revenueDays: number;
  /** Months of the first purchase (and of the spend), `2026-01` .. `2026-12`, both included. */
  from?: string;
  to?: string;
}

export interface AttributionReport extends ChannelReturn {
  currency: string;
  model: AttributionModel;
  lookbackDays: number;
  revenueDays: number;
  /** New customers in the period, and how many of them had no touch before buying. */
  customers: number;
  withoutTouch: number;
}

export interface SpendInput {
  channel: string;
  month: string;
  amount: number;
  campaign?: string;
}

export interface SpendImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  rejected: SpendRowProblem[];
}

/**
 * First- and last-touch attribution of every customer's first purchase, the ad spend entered per
 * channel and month, and what it bought (CAC, ROAS). Computed from the stored events when asked:
 * the order events the workspace's journey rules name, and the touchpoints before them.
 */
export class AttributionService {
  constructor(
    private readonly store: Store,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

  async report(workspaceId: string, query: AttributionQuery): Promise<AttributionReport> {
    const { workspace, attributions } = await this.attributions(workspaceId, query);
    const monthOf = (at: number) => dayText(localDayOf(at, workspace.timezone)).slice(0, 7);
    const inRange = (month: string) =>
      (query.from === undefined || month >= query.from) && (query.to === undefined || month <= query.to);
    const chosen = attributions.filter((a) => inRange(monthOf(a.firstPurchaseAt)));
    const spend = (await new AttributionRepository(this.store.db).spend(workspaceId)).filter((s) =>
      inRange(s.month),
    );
    return {
      currency: workspace.currency,
      model: query.model,
      lookbackDays: query.lookbackDays,
      revenueDays: query.revenueDays,
      customers: chosen.length,
      withoutTouch: chosen.filter((a) => a.touches === 0).length,
      ...channelReturn(chosen, spend, query.model, monthOf),
    };
  }

  /** Every customer who bought, with his first and last touch, oldest first purchase first. */
  async customers(
    workspaceId: string,
    query: Omit<AttributionQuery, 'model'>,
  ): Promise<{ timezone: string; items: CustomerAttribution[] }> {
    const { workspace, attributions } = await this.attributions(workspaceId, { ...query, model: 'first' });
    const monthOf = (at: number) => dayText(localDayOf(at, workspace.timezone)).slice(0, 7);
    const items = attributions
      .filter((a) => {
        const month = monthOf(a.firstPurchaseAt);
        return (
          (query.from === undefined || month >= query.from) && (query.to === undefined || month <= query.to)
        );
      })
      .sort((x, y) => x.firstPurchaseAt - y.firstPurchaseAt || (x.customerId < y.customerId ? -1 : 1));
    return { timezone: workspace.timezone, items };
  }

  async listSpend(workspaceId: string): Promise<AdSpend[]> {
    await this.workspace(workspaceId);
    return new AttributionRepository(this.store.db).spend(workspaceId);
  }

  /** Sets the spend of one channel and month (and campaign); returns whether it replaced an earlier one. */
  async putSpend(workspaceId: string, input: SpendInput): Promise<{ replaced: boolean; spend: AdSpend }> {
    await this.workspace(workspaceId);
    const row = {
      workspace_id: workspaceId,
      channel: input.channel,
      month: input.month,
      campaign: input.campaign?.trim() ?? '',
      amount: input.amount,
      updated_at: this.now(),
    };
    const replaced = await new AttributionRepository(this.store.db).putSpend(row);
    return { replaced, spend: row };
  }

  async deleteSpend(workspaceId: string, key: { channel: string; month: string; campaign?: string }) {
    await this.workspace(workspaceId);
    const deleted = await new AttributionRepository(this.store.db).deleteSpend(
      workspaceId,
      key.month,
      key.channel,
      key.campaign ?? '',
    );
    if (!deleted) throw notFound(`Spend for ${key.channel} in ${key.month}`);
  }

  /**
   * Imports spend rows from CSV: each valid row sets its channel, month and campaign (replacing an
   * earlier amount), refused rows are reported by line; with `dryRun` nothing is written.
   */
  async importSpendCsv(workspaceId: string, csv: string, dryRun: boolean): Promise<SpendImportReport> {
    const workspace = await this.workspace(workspaceId);
    let parsed;
    try {
      parsed = parseSpendCsv(csv, workspace.currency);
    } catch (error) {
      if (error instanceof SpendCsvFormatError) throw badRequest(error.message, undefined, 'invalid_csv');
      throw error;
    }
    const rejected = parsed.flatMap(({ ok: _ok, ...r }) => ('reason' in r ? [r] : []));
    const rows = parsed.flatMap((r) => (r.ok ? [r.row] : []));
    const existing = new Set(
      (await new AttributionRepository(this.store.db).spend(workspaceId)).map(
        (s) => `${s.month}|${s.channel}|${s.campaign}`,
      ),
    );
    const updated = rows.filter((r) => existing.has(`${r.month}|${r.channel}|${r.campaign}`)).length;
    if (!dryRun) {
      const at = this.now();
      await writeTransaction(this.store, async (trx) => {
        const repository = new AttributionRepository(trx);
        for (const r of rows) {
          await repository.putSpend({
            workspace_id: workspaceId,
            channel: r.channel,
            month: r.month,
            campaign: r.campaign,
            amount: r.amount,
            updated_at: at,
          });
        }
      });
    }
    return { dryRun, created: rows.length - updated, updated, rejected };
  }

  private async workspace(workspaceId: string) {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    return workspace;
  }

  private async attributions(workspaceId: string, query: AttributionQuery) {
    const workspace = await this.workspace(workspaceId);
    const rules = await this.journey.rulesFor(this.store.db, workspaceId);
    const orderEvents = eventNames(rules.rules.orders);
    const repository = new AttributionRepository(this.store.db);
    const orders = await repository.orders(workspaceId, orderEvents);
    // An order of the sales module is worth what its row says (minor unit, net of refunds); another
    // source's order event what its properties say (major unit, as Segment clients send it).
    const properties = orders.map((o) => JSON.parse(o.properties_json) as Record<string, unknown>);
    const orderIds = properties.flatMap((p) => (typeof p.order_id === 'string' ? [p.order_id] : []));
    const net = await repository.orderNet(workspaceId, orderIds);
    const byCustomer = new Map<string, AttributionOrder[]>();
    for (const [i, o] of orders.entries()) {
      const p = properties[i]!;
      const known = typeof p.order_id === 'string' ? net.get(p.order_id) : undefined;
      const amount = known ?? toMinorUnits(orderAmount(p), workspace.currency);
      const list = byCustomer.get(o.customer_id) ?? [];
      list.push({ ...touchOf(o), amount });
      byCustomer.set(o.customer_id, list);
    }
    const firsts = [...byCustomer.values()].map((list) => list[0]!.at);
    const touches = new Map<string, AttributionTouch[]>();
    if (firsts.length > 0) {
      const from = Math.min(...firsts) - query.lookbackDays * DAY_MS;
      const to = Math.max(...firsts);
      for (const t of await repository.touches(workspaceId, [...byCustomer.keys()], from, to, orderEvents)) {
        const list = touches.get(t.customer_id) ?? [];
        list.push(touchOf(t));
        touches.set(t.customer_id, list);
      }
    }
    const attributions: CustomerAttribution[] = [];
    for (const [customerId, list] of byCustomer) {
      const a = attributeFirstPurchase(
        { customerId, orders: list, touches: touches.get(customerId) ?? [] },
        { lookbackDays: query.lookbackDays, revenueDays: query.revenueDays },
      );
      if (a) attributions.push(a);
    }
    return { workspace, attributions };
  }
}

/** The event names an order match names ('*' would make every event an order: read as the default). */
function eventNames(match: EventMatch): string[] {
  const names = typeof match.event === 'string' ? [match.event] : [...match.event];
  return names.includes('*') ? ['Order Completed'] : names;
}

function touchOf(row: AttributionEventRow): AttributionTouch {
  return {
    at: row.at,
    messageId: row.message_id,
    channel: row.channel,
    campaign: campaignName(row.payload_json),
  };
}

/** The UTM campaign's name as Segment's context carries it (`context.campaign.name`), or null. */
export function campaignName(payloadJson: string): string | null {
  const payload = JSON.parse(payloadJson) as { context?: { campaign?: Record<string, unknown> } };
  const campaign = payload.context?.campaign;
  if (typeof campaign !== 'object' || campaign === null) return null;
  const name = campaign.name ?? campaign.utm_campaign;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 200) : null;
}
