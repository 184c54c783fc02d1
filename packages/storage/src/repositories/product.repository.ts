import { sql, type SqlBool } from 'kysely';
import type { NewProduct, Product } from '../sales.schema.ts';
import { chunks, type Executor } from './executor.ts';
import { InvalidCursorError, type Page } from './page.ts';

export interface ProductListOptions {
  /** Matches name, SKU, barcode or category, case-insensitively. */
  search?: string;
  /** Only active products (the cashier screen), or every one (the catalogue). */
  activeOnly?: boolean;
  limit: number;
  cursor?: string | null;
}

/** The fields a product can change after it was made; the SKU stays (imports match on it). */
export type ProductChanges = Partial<
  Pick<Product, 'barcode' | 'name' | 'category' | 'unit' | 'price' | 'cost' | 'active' | 'track_stock'>
>;

export class ProductRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewProduct): Promise<Product> {
    return this.db.insertInto('products').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(workspaceId: string, id: string): Promise<Product | undefined> {
    return this.db
      .selectFrom('products')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async getMany(workspaceId: string, ids: readonly string[]): Promise<Product[]> {
    const rows: Product[] = [];
    for (const part of chunks([...new Set(ids)])) {
      if (part.length === 0) continue;
      rows.push(
        ...(await this.db
          .selectFrom('products')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', part)
          .execute()),
      );
    }
    return rows;
  }

  /** What a scanner or a typed code finds: the barcode first, else the SKU. */
  async findByCode(workspaceId: string, code: string): Promise<Product | undefined> {
    const rows = await this.db
      .selectFrom('products')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or([eb('barcode', '=', code), eb('sku', '=', code)]))
      .execute();
    return rows.find((p) => p.barcode === code) ?? rows[0];
  }

  async getBySkus(workspaceId: string, skus: readonly string[]): Promise<Product[]> {
    const rows: Product[] = [];
    for (const part of chunks([...new Set(skus)])) {
      if (part.length === 0) continue;
      rows.push(
        ...(await this.db
          .selectFrom('products')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('sku', 'in', part)
          .execute()),
      );
    }
    return rows;
  }

  /** Products by name (then id), a page at a time. */
  async list(workspaceId: string, options: ProductListOptions): Promise<Page<Product>> {
    let query = this.db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId);
    if (options.activeOnly) query = query.where('active', '=', 1);
    const term = options.search?.trim().toLowerCase();
    if (term) {
      const pattern = `%${term.replace(/[!%_]/g, (char) => `!${char}`)}%`;
      const like = (column: string) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
      query = query.where((eb) =>
        eb.or([like('name'), like('sku'), like('category'), eb('barcode', '=', options.search!.trim())]),
      );
    }
    if (options.cursor) {
      const [name, id] = decodeNameCursor(options.cursor);
      query = query.where((eb) =>
        eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
      );
    }
    const rows = await query
      .orderBy('name')
      .orderBy('id')
      .limit(options.limit + 1)
      .execute();
    const items = rows.slice(0, options.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > options.limit && last
          ? Buffer.from(JSON.stringify([last.name, last.id])).toString('base64url')
          : null,
    };
  }

  /** Every product, by SKU: the CSV export. */
  listAll(workspaceId: string): Promise<Product[]> {
    return this.db
      .selectFrom('products')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('sku')
      .execute();
  }

  update(workspaceId: string, id: string, changes: ProductChanges & { updated_at: number }) {
    return this.db
      .updateTable('products')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Inserts products whose SKU the workspace does not have yet; known SKUs are left as they are. */
  async insertMissing(rows: readonly NewProduct[]): Promise<void> {
    for (const part of chunks(rows, 200)) {
      await this.db
        .insertInto('products')
        .values(part)
        .onConflict((oc) => oc.columns(['workspace_id', 'sku']).doNothing())
        .execute();
    }
  }

  /**
   * Inserts new SKUs and updates known ones (everything but id and created_at): the CSV import.
   * One statement per chunk of rows.
   */
  async upsertMany(rows: readonly NewProduct[]): Promise<void> {
    // 13 bound values a row.
    for (const part of chunks(rows, 200)) {
      await this.db
        .insertInto('products')
        .values(part)
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'sku']).doUpdateSet((eb) => ({
            barcode: eb.ref('excluded.barcode'),
            name: eb.ref('excluded.name'),
            category: eb.ref('excluded.category'),
            unit: eb.ref('excluded.unit'),
            price: eb.ref('excluded.price'),
            cost: eb.ref('excluded.cost'),
            active: eb.ref('excluded.active'),
            track_stock: eb.ref('excluded.track_stock'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }
}

function decodeNameCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
      return parsed as [string, string];
    }
  } catch {
    // falls through to the refusal
  }
  throw new InvalidCursorError(cursor);
}
