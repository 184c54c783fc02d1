import { randomUUID } from 'node:crypto';
import { instantAt, isValidCode, normalizeCode } from '@jejak/core';
import {
  ReferralRepository,
  WorkspaceRepository,
  writeTransaction,
  type AffiliateRow,
  type Store,
} from '@jejak/storage';
import { stringify } from 'csv-stringify/sync';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import { commissionRule } from './affiliate-commissions.ts';

export interface AffiliateInput {
  name: string;
  contact?: string | null;
  code: string;
  commission: { type: 'percent'; rateBp: number } | { type: 'fixed'; amount: number };
  commissionDays?: number;
  active?: boolean;
}

export const affiliateView = (a: AffiliateRow) => ({
  id: a.id,
  name: a.name,
  contact: a.contact,
  code: a.code,
  commission: commissionRule(a),
  commissionDays: a.commission_days,
  active: a.active === 1,
  createdAt: Number(a.created_at),
});
export type AffiliateView = ReturnType<typeof affiliateView>;

/**
 * Affiliates: partners (a food blogger, a reseller) who need not be customers, each with a code of the
 * workspace's referral namespace and a commission per referred sale; a payout statement per month, cut
 * in the workspace's zone.
 */
export class AffiliateService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async list(workspaceId: string): Promise<AffiliateView[]> {
    return (await new ReferralRepository(this.store.db).affiliates(workspaceId)).map(affiliateView);
  }

  async get(workspaceId: string, id: string): Promise<AffiliateView> {
    return affiliateView(await this.row(workspaceId, id));
  }

  async create(workspaceId: string, input: AffiliateInput): Promise<AffiliateView> {
    const code = normalizeCode(input.code);
    if (!isValidCode(code)) throw badRequest('body/code: use 3 to 32 letters, digits or hyphens');
    const name = input.name.trim();
    if (name.length === 0) throw badRequest('body/name must not be empty');
    const at = this.now();
    const id = randomUUID();
    return writeTransaction(this.store, async (trx) => {
      const repo = new ReferralRepository(trx);
      const stored = await repo.insertCode({
        workspace_id: workspaceId,
        code,
        customer_id: null,
        affiliate_id: id,
        created_at: at,
      });
      if (!stored) throw conflict(`The code ${code} is taken in this workspace`, { code }, 'code_taken');
      await repo.insertAffiliate({
        id,
        workspace_id: workspaceId,
        name,
        contact: input.contact?.trim() || null,
        code,
        ...commissionColumns(input.commission),
        commission_days: input.commissionDays ?? 365,
        active: input.active === false ? 0 : 1,
        created_at: at,
        updated_at: at,
      });
      return affiliateView((await repo.affiliate(workspaceId, id))!);
    });
  }

  async update(workspaceId: string, id: string, patch: Partial<Omit<AffiliateInput, 'code'>>) {
    await this.row(workspaceId, id);
    if (patch.name !== undefined && patch.name.trim().length === 0)
      throw badRequest('body/name must not be empty');
    await new ReferralRepository(this.store.db).updateAffiliate(workspaceId, id, {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.contact !== undefined ? { contact: patch.contact?.trim() || null } : {}),
      ...(patch.commission ? commissionColumns(patch.commission) : {}),
      ...(patch.commissionDays !== undefined ? { commission_days: patch.commissionDays } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      updated_at: this.now(),
    });
    return this.get(workspaceId, id);
  }

  /** The month's commission entries (`YYYY-MM`, the workspace's zone) and what is owed for it. */
  async statement(workspaceId: string, id: string, month: string) {
    const affiliate = await this.row(workspaceId, id);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badRequest('querystring/month: use YYYY-MM');
    const zone = (await new WorkspaceRepository(this.store.db).get(workspaceId))?.timezone ?? 'Asia/Jakarta';
    const [year, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
    const from = instantAt(`${month}-01`, 0, zone);
    const to = instantAt(next, 0, zone);
    const rows = await new ReferralRepository(this.store.db).statement(workspaceId, id, from, to);
    const lines = rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      receiptNo: r.receipt_no,
      customerName: r.customer_name,
      kind: r.refund_id === null ? ('sale' as const) : ('refund' as const),
      base: Number(r.base),
      amount: Number(r.amount),
      at: Number(r.at),
    }));
    const accrued = lines.filter((l) => l.kind === 'sale').reduce((s, l) => s + l.amount, 0);
    const reversed = -lines.filter((l) => l.kind === 'refund').reduce((s, l) => s + l.amount, 0);
    return {
      affiliate: affiliateView(affiliate),
      month,
      timezone: zone,
      sales: lines.filter((l) => l.kind === 'sale').length,
      accrued,
      reversed,
      payable: accrued - reversed,
      lines,
    };
  }

  async statementCsv(workspaceId: string, id: string, month: string): Promise<string> {
    const s = await this.statement(workspaceId, id, month);
    return stringify(
      [
        ['tanggal', 'struk', 'pelanggan', 'jenis', 'dasar_rp', 'komisi_rp'],
        ...s.lines.map((l) => [
          new Date(l.at).toISOString(),
          l.receiptNo,
          l.customerName ?? '',
          l.kind === 'sale' ? 'penjualan' : 'pengembalian',
          l.base,
          l.amount,
        ]),
        ['', '', '', 'total', '', s.payable],
      ],
      { record_delimiter: '\n' },
    );
  }

  private async row(workspaceId: string, id: string): Promise<AffiliateRow> {
    const row = await new ReferralRepository(this.store.db).affiliate(workspaceId, id);
    if (!row) throw notFound(`Affiliate ${id}`);
    return row;
  }
}

function commissionColumns(rule: AffiliateInput['commission']) {
  return rule.type === 'percent'
    ? { commission_type: 'percent', commission_value: rule.rateBp }
    : { commission_type: 'fixed', commission_value: rule.amount };
}
