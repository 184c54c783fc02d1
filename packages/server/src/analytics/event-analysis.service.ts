import {
  computeFunnel,
  computePaths,
  CONVERT_BUCKETS_MS,
  funnelCustomers,
  instantAt,
  nextDate,
  type EventColumns,
  type FunnelBreakdown,
  type FunnelOrder,
  type FunnelResult,
  type PathsResult,
  type PropertyFilter,
} from '@jejak/core';
import { CustomerRepository, WorkspaceRepository, type Store } from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import { PROPERTY_KEY, type EventColumnsService } from './event-columns.service.ts';

export interface FunnelStepInput {
  event: string;
  filters?: PropertyFilter[];
}

export interface FunnelInput {
  steps: FunnelStepInput[];
  windowMinutes: number;
  order: FunnelOrder;
  exclusions?: (FunnelStepInput & { afterStep?: number; beforeStep?: number })[];
  breakdown?: { by: 'channel' | 'branch' | 'property'; property?: string };
  /** Local dates (YYYY-MM-DD) in the workspace's zone: entries on from .. to, both included. */
  from?: string;
  to?: string;
}

export interface PathsInput {
  event: string;
  direction: 'after' | 'before';
  steps: number;
  topPerStep: number;
  from?: string;
  to?: string;
}

export interface FunnelReport {
  events: number;
  steps: { event: string; customers: number; fromPrevious: number; fromFirst: number; dropped: number }[];
  groups: {
    value: string;
    label: string;
    steps: { customers: number; fromPrevious: number; fromFirst: number }[];
  }[];
  timeToConvert: {
    customers: number;
    medianMs: number | null;
    buckets: { fromMs: number; toMs: number | null; customers: number }[];
  };
}

const OTHER_GROUPS = 20;

/**
 * Event funnels and paths over the workspace's in-memory event layout (DESIGN §4.4): a snapshot is
 * taken and scanned in @jejak/core; the events table is never read row by row here. Definitions are
 * checked here beyond their schema (property keys, exclusion steps, periods) with a 400 naming the field.
 */
export class EventAnalysisService {
  constructor(
    private readonly store: Store,
    private readonly columns: EventColumnsService,
  ) {}

  /** Event names of the workspace with how many events and customers, most frequent first; channels and branches. */
  async catalogue(workspaceId: string) {
    await this.zone(workspaceId);
    const columns = await this.columns.snapshot(workspaceId);
    const events = new Array<number>(columns.names.length).fill(0);
    for (let i = 0; i < columns.size; i++) events[columns.name[i]!]!++;
    const branchNames = await this.branchNames(workspaceId);
    return {
      events: columns.names
        .map((name, i) => ({ name, events: events[i]! }))
        .filter((e) => e.events > 0)
        .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)),
      channels: [...columns.channels].sort(),
      branches: columns.branches
        .filter((b) => b !== '')
        .map((id) => ({ id, name: branchNames.get(id) ?? id })),
    };
  }

  async funnel(workspaceId: string, input: FunnelInput): Promise<FunnelReport> {
    const { columns, result } = await this.runFunnel(workspaceId, input);
    const labels =
      input.breakdown?.by === 'branch' ? await this.branchNames(workspaceId) : new Map<string, string>();
    const steps = result.steps.map((s, j) => ({
      event: input.steps[j]!.event,
      ...s,
      dropped: s.customers - (result.steps[j + 1]?.customers ?? s.customers),
    }));
    steps.at(-1)!.dropped = 0;
    let groups = (result.groups ?? []).map((g) => ({
      value: g.value,
      label: g.value === '' ? '' : (labels.get(g.value) ?? g.value),
      steps: g.steps,
    }));
    if (groups.length > OTHER_GROUPS) groups = groups.slice(0, OTHER_GROUPS);
    return {
      events: columns.size,
      steps,
      groups,
      timeToConvert: {
        customers: result.timeToConvert.customers,
        medianMs: result.timeToConvert.medianMs,
        buckets: result.timeToConvert.buckets.map((customers, i) => ({
          fromMs: i === 0 ? 0 : CONVERT_BUCKETS_MS[i - 1]!,
          toMs: CONVERT_BUCKETS_MS[i] ?? null,
          customers,
        })),
      },
    };
  }

  /** Customers who reached a step or dropped there (of one breakdown value, or all), by name. */
  async funnelCustomers(
    workspaceId: string,
    input: FunnelInput,
    options: { step: number; outcome: 'reached' | 'dropped'; group?: string; limit: number; offset: number },
  ) {
    if (options.step > input.steps.length) {
      throw badRequest(`step: the funnel has ${input.steps.length} steps, not ${options.step}`);
    }
    const { columns, result } = await this.runFunnel(workspaceId, input);
    const chosen = funnelCustomers(result, options.step, options.outcome, options.group);
    const page = chosen.slice(options.offset, options.offset + options.limit);
    const ids = page.map((c) => columns.customerIds[c]!);
    const found = await new CustomerRepository(this.store.db).getMany(workspaceId, ids);
    const names = new Map(found.map((c) => [c.id, c.name]));
    return {
      total: chosen.length,
      items: page.map((c) => ({
        customerId: columns.customerIds[c]!,
        customerName: names.get(columns.customerIds[c]!) ?? null,
        step: result.levels[c]!,
        convertMs: result.convertMs[c]! >= 0 ? result.convertMs[c]! : null,
      })),
    };
  }

  async paths(workspaceId: string, input: PathsInput): Promise<PathsResult & { events: number }> {
    const zone = await this.zone(workspaceId);
    const period = this.period(input, zone);
    const columns = await this.columns.snapshot(workspaceId);
    return {
      events: columns.size,
      ...computePaths(columns, {
        event: input.event,
        direction: input.direction,
        steps: input.steps,
        topPerStep: input.topPerStep,
        ...period,
      }),
    };
  }

  private async runFunnel(
    workspaceId: string,
    input: FunnelInput,
  ): Promise<{ columns: EventColumns; result: FunnelResult }> {
    const zone = await this.zone(workspaceId);
    const keys = this.validateFunnel(input);
    const period = this.period(input, zone);
    const { columns, properties } = await this.columns.withProperties(workspaceId, keys);
    let breakdown: FunnelBreakdown | undefined;
    if (input.breakdown?.by === 'property')
      breakdown = { by: 'property', property: input.breakdown.property! };
    else if (input.breakdown) breakdown = { by: input.breakdown.by };
    const result = computeFunnel(
      columns,
      {
        steps: input.steps,
        windowMs: input.windowMinutes * 60_000,
        order: input.order,
        ...(input.exclusions ? { exclusions: input.exclusions } : {}),
        ...(breakdown ? { breakdown } : {}),
        ...period,
      },
      properties,
    );
    return { columns, result };
  }

  /** The property keys the definition names; throws a 400 naming what is wrong. */
  private validateFunnel(input: FunnelInput): string[] {
    const keys: string[] = [];
    const checkFilters = (filters: PropertyFilter[] | undefined, where: string) => {
      (filters ?? []).forEach((f, i) => {
        if (!PROPERTY_KEY.test(f.property)) {
          throw badRequest(
            `${where}.filters[${i}].property: "${f.property}" is not a property key (letters, digits, _ - .)`,
          );
        }
        keys.push(f.property);
      });
    };
    input.steps.forEach((s, i) => checkFilters(s.filters, `steps[${i}]`));
    (input.exclusions ?? []).forEach((e, i) => {
      checkFilters(e.filters, `exclusions[${i}]`);
      const after = e.afterStep ?? 1;
      const before = e.beforeStep ?? input.steps.length;
      if (after < 1 || before > input.steps.length || after >= before) {
        throw badRequest(
          `exclusions[${i}]: afterStep (${after}) must come before beforeStep (${before}), within steps 1..${input.steps.length}`,
        );
      }
      if (input.order === 'any' && (e.afterStep !== undefined || e.beforeStep !== undefined)) {
        throw badRequest(
          `exclusions[${i}]: in any order an exclusion applies to the whole funnel; leave out afterStep and beforeStep`,
        );
      }
    });
    if (input.breakdown?.by === 'property') {
      const key = input.breakdown.property;
      if (key === undefined || !PROPERTY_KEY.test(key)) {
        throw badRequest('breakdown.property: name the property to break down by (letters, digits, _ - .)');
      }
      keys.push(key);
    } else if (input.breakdown?.property !== undefined) {
      throw badRequest(
        `breakdown.property: only a breakdown by property names one (by is ${input.breakdown.by})`,
      );
    }
    return keys;
  }

  private period(input: { from?: string; to?: string }, zone: string): { from?: number; to?: number } {
    const out: { from?: number; to?: number } = {};
    if (input.from !== undefined) out.from = instantAt(input.from, 0, zone);
    if (input.to !== undefined) out.to = instantAt(nextDate(input.to), 0, zone);
    if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
      throw badRequest(`from (${input.from}) is after to (${input.to})`);
    }
    return out;
  }

  private async zone(workspaceId: string): Promise<string> {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    return workspace.timezone;
  }

  private async branchNames(workspaceId: string): Promise<Map<string, string>> {
    const rows = await this.store.db
      .selectFrom('branches')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
