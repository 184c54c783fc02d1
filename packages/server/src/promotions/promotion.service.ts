import { randomBytes, randomUUID } from 'node:crypto';
import {
  eligibilityRefusal,
  generateCode,
  isValidCode,
  normalizeCode,
  refusalMessage,
  type MessageLanguage,
} from '@jejak/core';
import {
  BranchRepository,
  ProductRepository,
  PromotionRepository,
  writeTransaction,
  type Executor,
  type Product,
  type PromotionCode,
  type PromotionRow,
  type Store,
} from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import { resolveCustomer } from '../sales/counter-customer.service.ts';
import { lineNets } from '../sales/order.service.ts';
import type { PromotionCheckout } from './promotion-checkout.ts';
import { promotionOf, promotionView, rulesOf } from './promotion.mapping.ts';
import type {
  BatchBody,
  CodeBody,
  PromotionBody,
  PromotionPatch,
  PromotionView,
  QuoteBody,
  QuoteView,
} from './promotion.schemas.ts';
import { withNames } from './refusal-names.ts';
import type { Static } from 'typebox';

/**
 * Campaigns of vouchers and promotions: their rules, their codes (one by one or generated in batches),
 * what the cashier may quote before checkout, and the results (redemptions, discount, revenue).
 */
export class PromotionService {
  constructor(
    private readonly store: Store,
    private readonly checkout: PromotionCheckout,
    private readonly now: () => number,
  ) {}

  async list(workspaceId: string): Promise<PromotionView[]> {
    const repo = new PromotionRepository(this.store.db);
    const rows = await repo.list(workspaceId);
    const counts = await repo.codeCounts(workspaceId);
    return rows.map((row) => promotionView(row, counts.get(row.id) ?? 0));
  }

  async get(workspaceId: string, id: string): Promise<PromotionView> {
    const repo = new PromotionRepository(this.store.db);
    const row = await this.row(this.store.db, workspaceId, id);
    return promotionView(row, (await repo.codeCounts(workspaceId)).get(id) ?? 0);
  }

  async create(workspaceId: string, body: PromotionBody): Promise<PromotionView> {
    await this.check(this.store.db, workspaceId, body);
    const at = this.now();
    const row = await new PromotionRepository(this.store.db).create({
      id: randomUUID(),
      workspace_id: workspaceId,
      name: body.name.trim(),
      trigger: body.trigger,
      rules_json: JSON.stringify(rulesOf(body)),
      active: body.active === false ? 0 : 1,
      total_limit: body.totalLimit ?? null,
      uses: 0,
      created_at: at,
      updated_at: at,
      archived_at: null,
    });
    return promotionView(row, 0);
  }

  async update(workspaceId: string, id: string, patch: PromotionPatch): Promise<PromotionView> {
    return writeTransaction(this.store, async (trx) => {
      const repo = new PromotionRepository(trx);
      const row = await this.row(trx, workspaceId, id);
      const current = promotionView(row, 0);
      const merged: PromotionBody = {
        ...current,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        trigger: current.trigger,
      };
      await this.check(trx, workspaceId, merged);
      if (merged.totalLimit != null && merged.totalLimit < row.uses)
        throw badRequest(`body/totalLimit: it has been used ${row.uses} times already`);
      const updated = await repo.update(workspaceId, id, {
        name: merged.name.trim(),
        rules_json: JSON.stringify(rulesOf(merged)),
        active: merged.active === false ? 0 : 1,
        total_limit: merged.totalLimit ?? null,
        updated_at: this.now(),
      });
      return promotionView(updated!, (await repo.codeCounts(workspaceId)).get(id) ?? 0);
    });
  }

  async archive(workspaceId: string, id: string, archived: boolean): Promise<PromotionView> {
    const repo = new PromotionRepository(this.store.db);
    await this.row(this.store.db, workspaceId, id);
    const row = await repo.update(workspaceId, id, {
      archived_at: archived ? this.now() : null,
      updated_at: this.now(),
    });
    return promotionView(row!, (await repo.codeCounts(workspaceId)).get(id) ?? 0);
  }

  async addCode(
    workspaceId: string,
    promotionId: string,
    body: Static<typeof CodeBody>,
  ): Promise<PromotionCode> {
    const promotion = await this.codePromotion(workspaceId, promotionId);
    const code = normalizeCode(body.code);
    if (!isValidCode(code)) throw badRequest('body/code: use 3 to 32 letters, digits or hyphens');
    let customerId: string | null = null;
    if (body.customerId) {
      const customer = await resolveCustomer(this.store.db, workspaceId, body.customerId);
      if (!customer) throw badRequest(`body/customerId: no customer ${body.customerId}`);
      customerId = customer.id;
    }
    const row = {
      id: randomUUID(),
      workspace_id: workspaceId,
      promotion_id: promotion.id,
      code,
      customer_id: customerId,
      max_uses: body.maxUses ?? null,
      uses: 0,
      batch_id: null,
      created_at: this.now(),
    };
    if ((await new PromotionRepository(this.store.db).insertCodes([row])) === 0)
      throw conflict(`The code ${code} is taken in this workspace`, { code }, 'code_taken');
    return row;
  }

  /** Generates `count` new codes; a code the workspace already has is drawn again. */
  async generate(workspaceId: string, promotionId: string, body: Static<typeof BatchBody>) {
    const promotion = await this.codePromotion(workspaceId, promotionId);
    const prefix = normalizeCode(body.prefix ?? '');
    const length = body.length ?? 8;
    const batchId = randomUUID();
    const at = this.now();
    const repo = new PromotionRepository(this.store.db);
    let stored = 0;
    for (let round = 0; stored < body.count && round < 5; round += 1) {
      const fresh = new Set<string>();
      while (fresh.size < body.count - stored) fresh.add(generateCode(prefix, length, (n) => randomBytes(n)));
      stored += await repo.insertCodes(
        [...fresh].map((code) => ({
          id: randomUUID(),
          workspace_id: workspaceId,
          promotion_id: promotion.id,
          code,
          customer_id: null,
          max_uses: body.maxUses === undefined ? 1 : body.maxUses,
          uses: 0,
          batch_id: batchId,
          created_at: at,
        })),
      );
    }
    if (stored < body.count)
      throw conflict('Could not find enough free codes; use a longer length or another prefix');
    return (await repo.codesOf(workspaceId, promotion.id)).filter((c) => c.batch_id === batchId);
  }

  async codes(workspaceId: string, promotionId: string): Promise<PromotionCode[]> {
    await this.row(this.store.db, workspaceId, promotionId);
    return new PromotionRepository(this.store.db).codesOf(workspaceId, promotionId);
  }

  /** The codes as CSV: code, uses, max uses, customer, batch. */
  async codesCsv(workspaceId: string, promotionId: string): Promise<string> {
    const codes = await this.codes(workspaceId, promotionId);
    const rows = codes.map((c) =>
      [c.code, c.uses, c.max_uses ?? '', c.customer_id ?? '', c.batch_id ?? ''].join(','),
    );
    return ['code,uses,max_uses,customer_id,batch_id', ...rows].join('\n') + '\n';
  }

  async results(workspaceId: string, from?: number, to?: number) {
    const repo = new PromotionRepository(this.store.db);
    const [rows, results] = await Promise.all([repo.list(workspaceId), repo.results(workspaceId, from, to)]);
    const byId = new Map(results.map((r) => [r.promotion_id, r]));
    return rows.map((p) => {
      const r = byId.get(p.id);
      return {
        promotionId: p.id,
        name: p.name,
        redemptions: r?.redemptions ?? 0,
        reversed: r?.reversed ?? 0,
        discount: r?.discount ?? 0,
        revenue: r?.revenue ?? 0,
        customers: r?.customers ?? 0,
      };
    });
  }

  /**
   * What the cart would get, before checkout: the promotions that apply with their discount, and every
   * entered code that does not, with its reason in the customer's language. Nothing is taken.
   */
  async quote(workspaceId: string, branchId: string, body: QuoteBody): Promise<QuoteView> {
    const db = this.store.db;
    const branch = await new BranchRepository(db).get(workspaceId, branchId);
    if (!branch) throw notFound(`Branch ${branchId}`);
    const customer = body.customerId ? await resolveCustomer(db, workspaceId, body.customerId) : undefined;
    if (body.customerId && !customer) throw badRequest(`body/customerId: no customer ${body.customerId}`);
    const products = await this.products(db, workspaceId, body.lines);
    const planned = await this.checkout.plan(db, {
      workspaceId,
      branch,
      customer,
      lines: body.lines.length > 0 ? lineNets(body, products) : [],
      products,
      codes: body.codes,
      at: this.now(),
    });
    const lang: MessageLanguage = body.lang ?? 'id';
    const zone = branch.timezone;
    return {
      applied: planned.plan.applied.map((a) => ({
        promotionId: a.promotion.id,
        name: a.promotion.name,
        code: a.code ?? null,
        discount: a.discount,
      })),
      refused: await Promise.all(
        planned.plan.refused.map(async (r) => {
          const named = await withNames(db, workspaceId, r.refusal);
          return {
            code: r.code,
            name: r.promotion?.name ?? null,
            reason: { code: named.code, values: named.values, message: refusalMessage(named, lang, zone) },
          };
        }),
      ),
      discount: planned.plan.discount,
      lineCuts: planned.plan.lineCuts,
    };
  }

  /**
   * What the customer at the till can use now at this branch, whatever the cart: automatic promotions
   * on now, and codes issued to the customer with a use left.
   */
  async available(workspaceId: string, branchId: string, customerId: string | undefined) {
    const db = this.store.db;
    const branch = await new BranchRepository(db).get(workspaceId, branchId);
    if (!branch) throw notFound(`Branch ${branchId}`);
    const customer = customerId ? await resolveCustomer(db, workspaceId, customerId) : undefined;
    if (customerId && !customer) throw badRequest(`querystring/customerId: no customer ${customerId}`);
    const repo = new PromotionRepository(db);
    const codes = customer ? await repo.codesForCustomer(workspaceId, customer.id) : [];
    const rows = [
      ...(await repo.listAutomatic(workspaceId)).map((row) => ({ row, code: null as PromotionCode | null })),
      ...(await Promise.all(
        codes.map(async (code) => ({ row: (await repo.get(workspaceId, code.promotion_id))!, code })),
      )),
    ];
    const context = {
      at: this.now(),
      timeZone: branch.timezone,
      branchId,
      lines: [],
      customer: customer ? { id: customer.id, ...(await this.facts(db, workspaceId, customer)) } : null,
    };
    const items = [];
    for (const { row, code } of rows) {
      const promotion = promotionOf(row);
      const usage = {
        total: row.uses,
        byCustomer: customer ? await repo.customerUses(workspaceId, row.id, customer.id) : 0,
        ...(code ? { code: { uses: code.uses, maxUses: code.max_uses, customerId: code.customer_id } } : {}),
      };
      if (eligibilityRefusal(promotion, context, usage) !== null) continue;
      const left = [
        promotion.totalLimit === null ? null : promotion.totalLimit - row.uses,
        code?.max_uses == null ? null : code.max_uses - code.uses,
      ].filter((n): n is number => n !== null);
      items.push({
        promotionId: row.id,
        name: row.name,
        code: code?.code ?? null,
        reward: promotion.reward,
        minSpend: promotion.minSpend,
        endsAt: promotion.endsAt,
        usesLeft: left.length === 0 ? null : Math.min(...left),
      });
    }
    return { items };
  }

  private facts(
    db: Executor,
    workspaceId: string,
    customer: NonNullable<Awaited<ReturnType<typeof resolveCustomer>>>,
  ) {
    return this.checkout.audienceOf(db, workspaceId, customer);
  }

  private async row(db: Executor, workspaceId: string, id: string): Promise<PromotionRow> {
    const row = await new PromotionRepository(db).get(workspaceId, id);
    if (!row) throw notFound(`Promotion ${id}`);
    return row;
  }

  private async codePromotion(workspaceId: string, id: string): Promise<PromotionRow> {
    const row = await this.row(this.store.db, workspaceId, id);
    if (row.trigger !== 'code') throw conflict(`${row.name} is automatic; it takes no codes`);
    return row;
  }

  private async products(db: Executor, workspaceId: string, lines: QuoteBody['lines']) {
    const found = new Map(
      (
        await new ProductRepository(db).getMany(
          workspaceId,
          lines.map((l) => l.productId),
        )
      ).map((p): [string, Product] => [p.id, p]),
    );
    lines.forEach((line, i) => {
      if (!found.has(line.productId))
        throw badRequest(`body/lines/${i}/productId: no product ${line.productId}`);
    });
    return found;
  }

  /** Checks what the schema cannot: dates in order, hours, and that named products and branches exist. */
  private async check(db: Executor, workspaceId: string, body: PromotionBody): Promise<void> {
    if (body.startsAt != null && body.endsAt != null && body.endsAt <= body.startsAt)
      throw badRequest('body/endsAt must be after startsAt');
    if (body.hours && body.hours.from === body.hours.to)
      throw badRequest('body/hours: from and to are the same time; leave hours out for all day');
    if (body.perCustomerLimit != null && body.totalLimit != null && body.perCustomerLimit > body.totalLimit)
      throw badRequest('body/perCustomerLimit cannot be more than totalLimit');
    const productIds = [
      ...(body.productIds ?? []),
      ...(body.reward.type === 'free_item' ? [body.reward.productId] : []),
    ];
    if (productIds.length > 0) {
      const found = new Set(
        (await new ProductRepository(db).getMany(workspaceId, productIds)).map((p) => p.id),
      );
      const missing = productIds.find((id) => !found.has(id));
      if (missing) throw badRequest(`body: no product ${missing}`);
    }
    if (body.branchIds) {
      const branches = new Set(
        (await new BranchRepository(db).list(workspaceId, { includeArchived: true })).map((b) => b.id),
      );
      const missing = body.branchIds.find((id) => !branches.has(id));
      if (missing) throw badRequest(`body/branchIds: no branch ${missing}`);
    }
  }
}
