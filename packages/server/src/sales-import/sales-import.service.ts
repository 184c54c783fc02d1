import { randomUUID } from 'node:crypto';
import {
  MappingError,
  checkMapping,
  minorUnitDigits,
  planSales,
  type PlannedOrder,
  type SaleMapping,
  type SalePlan,
} from '@jejak/core';
import {
  BranchRepository,
  IdentityRepository,
  OrderRepository,
  ProductRepository,
  WorkspaceRepository,
  type Branch,
  type Store,
  type Workspace,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { FileFormatError, fileText, readSaleFile } from './sale-file.ts';
import { summarize, type ImportSummary } from './import-summary.ts';
import { SalesImportWriter } from './sales-import.writer.ts';
import { priceImported } from './import-pricing.ts';

export interface SalesImportOptions {
  mapping: SaleMapping;
  /** What the orders' `source` says (`online-retail`); with each invoice number, what makes a re-run a no-op. */
  source: string;
  /** The branch the sales are booked at; by default the workspace's oldest open branch (one is made if none). */
  branchId?: string;
  dryRun: boolean;
  /** Called after every written batch with the data lines accounted for so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports historical sales from a file (issue 5 §6). The file is read and planned whole first (pure:
 * mapping, grouping, refund pairing, see `planSales`); a dry run then only counts the plan against
 * what is stored. A real run writes it in batches, oldest first, each in one transaction of the
 * ingestion path: orders priced by `priceOrder` with receipt numbers from the branch's counter, their
 * `Order Completed` and `Order Refunded` events at the sales' own times through `IngestService.emit`,
 * so customers' journeys and the analytics see the history as if it had been sold at the counter.
 * Imported sales move no stock: the stock today is counted, not replayed from years of sales.
 */
export class SalesImportService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly now: () => number,
  ) {}

  async importSales(
    workspaceId: string,
    bytes: Uint8Array,
    options: SalesImportOptions,
  ): Promise<ImportSummary> {
    const started = this.now();
    const workspace = await this.workspace(workspaceId);
    const digits = minorUnitDigits(workspace.currency);
    const { plan, total } = this.plan(bytes, options.mapping, digits, workspace.timezone);
    const source = checkSource(options.source);
    if (
      options.branchId !== undefined &&
      !(await new BranchRepository(this.store.db).get(workspaceId, options.branchId))
    )
      throw badRequest(`branchId: no branch ${options.branchId} in this workspace`);
    const orders = new OrderRepository(this.store.db);
    const stored = {
      orders: await orders.existingRefs(
        workspaceId,
        source,
        plan.orders.map((o) => o.ref),
      ),
      refunds: await orders.existingRefundRefs(
        workspaceId,
        source,
        plan.refunds.map((r) => r.ref),
      ),
    };
    const summary = summarize(source, options.dryRun, total, plan, stored);
    const fresh = plan.orders.filter((o) => !stored.orders.has(o.ref));
    summary.amounts.sales = fresh.reduce((s, o) => s + priceImported(o).total, 0);
    summary.products.created = await this.newProducts(workspaceId, fresh);
    summary.customers.created = await this.newCustomers(workspaceId, fresh);
    if (!options.dryRun) {
      const branch = await this.branch(workspace, options.branchId, source);
      const writer = new SalesImportWriter(this.store, this.ingest, {
        workspaceId,
        branch,
        source,
        channel: options.mapping.channel,
        currency: workspace.currency,
        now: this.now,
      });
      summary.amounts.refunds = await writer.write(plan, stored, (done) =>
        options.onProgress?.(summary.lines.rejected + summary.lines.alreadyImported + done, total),
      );
    }
    options.onProgress?.(total, total);
    summary.ms = this.now() - started;
    return summary;
  }

  /** Reads and plans a file; a file or mapping it cannot read is a 400 naming the problem. */
  plan(
    bytes: Uint8Array,
    mapping: SaleMapping,
    digits: number,
    zone: string,
  ): { plan: SalePlan; total: number } {
    try {
      const read = readSaleFile(fileText(bytes), checkMapping(mapping), digits, zone);
      return { plan: planSales(read.lines, mapping.cancelPrefix, read.rejected), total: read.total };
    } catch (error) {
      if (error instanceof MappingError)
        throw badRequest(`mapping: ${error.message}`, undefined, 'invalid_mapping');
      if (error instanceof FileFormatError) throw badRequest(error.message, undefined, 'invalid_csv');
      throw error;
    }
  }

  private async workspace(workspaceId: string): Promise<Workspace> {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    return workspace;
  }

  /** The named branch, else the oldest open one; a workspace without any gets one named after the import. */
  private async branch(workspace: Workspace, branchId: string | undefined, source: string): Promise<Branch> {
    const branches = new BranchRepository(this.store.db);
    if (branchId !== undefined) return (await branches.get(workspace.id, branchId))!;
    const [oldest] = await branches.list(workspace.id);
    if (oldest) return oldest;
    return branches.create({
      id: randomUUID(),
      workspace_id: workspace.id,
      name: `Import ${source}`,
      address: null,
      timezone: workspace.timezone,
      currency: workspace.currency,
      created_at: this.now(),
      archived_at: null,
    });
  }

  private async newProducts(workspaceId: string, orders: readonly PlannedOrder[]): Promise<number> {
    const skus = new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)));
    const known = await new ProductRepository(this.store.db).getBySkus(workspaceId, [...skus]);
    return skus.size - known.length;
  }

  private async newCustomers(workspaceId: string, orders: readonly PlannedOrder[]): Promise<number> {
    const refs = [...new Set(orders.flatMap((o) => (o.customer === null ? [] : [o.customer])))];
    const known = await new IdentityRepository(this.store.db).find(
      workspaceId,
      refs.map((value) => ({ kind: 'user_id', value })),
    );
    return refs.length - known.length;
  }
}

function checkSource(source: string): string {
  const trimmed = source.trim();
  if (!/^[a-z0-9][a-z0-9._-]{0,39}$/i.test(trimmed) || trimmed === 'counter')
    throw badRequest(`source "${source}" must be a short name of letters, digits, . _ - (not "counter")`);
  return trimmed;
}
