import { randomUUID } from 'node:crypto';
import { ProductRepository, type NewProduct, type Product, type Store } from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import {
  CsvFormatError,
  parseProductCsv,
  productsToCsv,
  type ProductCsvRow,
  type RowProblem,
} from './product-csv.ts';
import type { ProductBody, ProductPatch } from './sales.schemas.ts';

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  rejected: RowProblem[];
}

/** The catalogue: what a workspace sells, at what price and cost. */
export class ProductService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  list(
    workspaceId: string,
    options: { search?: string; activeOnly?: boolean; limit: number; cursor?: string },
  ) {
    return new ProductRepository(this.store.db).list(workspaceId, options);
  }

  async get(workspaceId: string, id: string): Promise<Product> {
    const product = await new ProductRepository(this.store.db).get(workspaceId, id);
    if (!product) throw notFound(`Product ${id}`);
    return product;
  }

  /** What a scanner typed (a barcode) or a cashier typed (a SKU). */
  async byCode(workspaceId: string, code: string): Promise<Product> {
    const product = await new ProductRepository(this.store.db).findByCode(workspaceId, code.trim());
    if (!product) throw notFound(`A product with barcode or SKU ${code}`);
    return product;
  }

  async create(workspaceId: string, input: ProductBody): Promise<Product> {
    const repository = new ProductRepository(this.store.db);
    const sku = input.sku.trim();
    const barcode = input.barcode?.trim() || null;
    await this.checkCodesFree(workspaceId, sku, barcode, undefined);
    const now = this.now();
    return repository.create({
      id: randomUUID(),
      workspace_id: workspaceId,
      sku,
      barcode,
      name: nonEmpty(input.name, 'name'),
      category: input.category?.trim() || null,
      unit: input.unit?.trim() || 'pcs',
      price: input.price,
      cost: input.cost ?? 0,
      active: input.active === false ? 0 : 1,
      track_stock: input.trackStock === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    });
  }

  async update(workspaceId: string, id: string, input: ProductPatch): Promise<Product> {
    const existing = await this.get(workspaceId, id);
    const barcode = input.barcode === undefined ? existing.barcode : input.barcode?.trim() || null;
    if (barcode !== existing.barcode) await this.checkCodesFree(workspaceId, undefined, barcode, id);
    const updated = await new ProductRepository(this.store.db).update(workspaceId, id, {
      barcode,
      ...(input.name !== undefined ? { name: nonEmpty(input.name, 'name') } : {}),
      ...(input.category !== undefined ? { category: input.category?.trim() || null } : {}),
      ...(input.unit !== undefined ? { unit: nonEmpty(input.unit, 'unit') } : {}),
      ...(input.price !== undefined ? { price: input.price } : {}),
      ...(input.cost !== undefined ? { cost: input.cost } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...(input.trackStock !== undefined ? { track_stock: input.trackStock ? 1 : 0 } : {}),
      updated_at: this.now(),
    });
    if (!updated) throw notFound(`Product ${id}`);
    return updated;
  }

  /**
   * Imports a product CSV: new SKUs are created, known ones updated in place (ids, and so stock and
   * past sales, stay). Every refused row is reported with its line; the good rows are written in one
   * transaction, or only counted with `dryRun`.
   */
  async importCsv(workspaceId: string, csv: string, dryRun: boolean): Promise<ImportReport> {
    let parsed;
    try {
      parsed = parseProductCsv(csv);
    } catch (error) {
      if (error instanceof CsvFormatError) throw badRequest(error.message, undefined, 'invalid_csv');
      throw error;
    }
    const rejected: RowProblem[] = parsed.flatMap(({ ok: _ok, ...r }) => ('reason' in r ? [r] : []));
    const rows = parsed.flatMap((r) => (r.ok ? [r.row] : []));
    return this.store.db.transaction().execute(async (trx) => {
      const repository = new ProductRepository(trx);
      const known = new Map(
        (
          await repository.getBySkus(
            workspaceId,
            rows.map((r) => r.sku),
          )
        ).map((p) => [p.sku, p]),
      );
      const accepted = acceptRows(rows, await this.barcodeOwners(repository, workspaceId, rows), rejected);
      const now = this.now();
      if (!dryRun) {
        await repository.upsertMany(
          accepted.map((row) => productRow(workspaceId, row, known.get(row.sku), now)),
        );
      }
      const updated = accepted.filter((r) => known.has(r.sku)).length;
      rejected.sort((a, b) => a.line - b.line);
      return { dryRun, created: accepted.length - updated, updated, rejected };
    });
  }

  async exportCsv(workspaceId: string): Promise<string> {
    return productsToCsv(await new ProductRepository(this.store.db).listAll(workspaceId));
  }

  private async barcodeOwners(
    repository: ProductRepository,
    workspaceId: string,
    rows: readonly ProductCsvRow[],
  ) {
    const owners = new Map<string, string>();
    for (const row of rows) {
      if (row.barcode === null || owners.has(row.barcode)) continue;
      const owner = await repository.findByCode(workspaceId, row.barcode);
      if (owner?.barcode === row.barcode) owners.set(row.barcode, owner.sku);
    }
    return owners;
  }

  private async checkCodesFree(
    workspaceId: string,
    sku: string | undefined,
    barcode: string | null,
    self?: string,
  ) {
    const repository = new ProductRepository(this.store.db);
    if (sku !== undefined && (await repository.getBySkus(workspaceId, [sku])).length > 0) {
      throw conflict(`A product with SKU ${sku} already exists`);
    }
    if (barcode !== null) {
      const owner = await repository.findByCode(workspaceId, barcode);
      if (owner && owner.id !== self && owner.barcode === barcode) {
        throw conflict(`Barcode ${barcode} already belongs to ${owner.name} (${owner.sku})`);
      }
    }
  }
}

/** Keeps the first row of each SKU and barcode; later repeats and barcodes of other products are refused. */
function acceptRows(
  rows: readonly ProductCsvRow[],
  barcodeOwner: Map<string, string>,
  rejected: RowProblem[],
): ProductCsvRow[] {
  const skuLine = new Map<string, number>();
  const accepted: ProductCsvRow[] = [];
  for (const row of rows) {
    const earlier = skuLine.get(row.sku);
    if (earlier !== undefined) {
      rejected.push({
        line: row.line,
        code: 'duplicate_sku',
        values: { sku: row.sku, earlier },
        reason: `sku ${row.sku} is already on line ${earlier}`,
      });
      continue;
    }
    const owner = row.barcode === null ? undefined : barcodeOwner.get(row.barcode);
    if (owner !== undefined && owner !== row.sku) {
      rejected.push({
        line: row.line,
        code: 'barcode_taken',
        values: { barcode: row.barcode!, sku: owner },
        reason: `barcode ${row.barcode} already belongs to sku ${owner}`,
      });
      continue;
    }
    skuLine.set(row.sku, row.line);
    if (row.barcode !== null) barcodeOwner.set(row.barcode, row.sku);
    accepted.push(row);
  }
  return accepted;
}

function productRow(
  workspaceId: string,
  row: ProductCsvRow,
  known: Product | undefined,
  now: number,
): NewProduct {
  return {
    id: known?.id ?? randomUUID(),
    workspace_id: workspaceId,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    category: row.category,
    unit: row.unit,
    price: row.price,
    cost: row.cost,
    active: row.active ? 1 : 0,
    track_stock: row.trackStock ? 1 : 0,
    created_at: known?.created_at ?? now,
    updated_at: now,
  };
}

function nonEmpty(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw badRequest(`${field} must not be empty`);
  return trimmed;
}
