import { periodOf, periodStartDay, type PeriodUnit } from '@jejak/core';
import { dayText, type Store } from '@jejak/storage';
import { sql, type RawBuilder } from 'kysely';

/*
 * The retention questions asked again in plain SQL over the events table, on either dialect, for a
 * workspace whose zone has one offset (Asia/Jakarta, +7 h since 1964): the independent computation
 * the scans over the event layout are checked against.
 */

const DAY_MS = 86_400_000;

export interface ReferenceQuery {
  workspaceId: string;
  unit: PeriodUnit;
  offsetMs: number;
  fromDay: number;
  toDay: number;
  /** null: any event. */
  cohortEvent: string | null;
  returnEvent: string | null;
  branchId?: string;
  withinDays?: number;
  /** 10 ** the workspace currency's minor-unit digits: events carry major units, the answers minor (default 1, IDR). */
  scale?: number;
}

type Cells = Record<string, number>;

export class RetentionReference {
  constructor(private readonly store: Store) {}

  private day(at: RawBuilder<unknown>) {
    return sql<number>`((${at} + ${sql.lit(this.q.offsetMs)}) / ${sql.lit(DAY_MS)})`;
  }

  /** The period number of an instant, as periodOf numbers them (months: year × 12 + month - 1). */
  private period(at: RawBuilder<unknown>) {
    const day = this.day(at);
    if (this.q.unit === 'week') return sql<number>`((${day} + 3) / 7)`;
    if (this.store.dialect === 'sqlite') {
      const date = sql`${day} * 86400, 'unixepoch'`;
      return sql<number>`(cast(strftime('%Y', ${date}) as integer) * 12 + cast(strftime('%m', ${date}) as integer) - 1)`;
    }
    const date = sql`(to_timestamp(${day} * 86400) at time zone 'UTC')`;
    return sql<number>`(cast(extract(year from ${date}) as integer) * 12 + cast(extract(month from ${date}) as integer) - 1)`;
  }

  private revenue() {
    const scale = sql.lit(this.q.scale ?? 1);
    return this.store.dialect === 'sqlite'
      ? sql`round(coalesce(json_extract(e.properties_json, '$.revenue'), json_extract(e.properties_json, '$.total'), 0) * ${scale})`
      : sql`round(cast(coalesce(cast(e.properties_json as jsonb) ->> 'revenue', cast(e.properties_json as jsonb) ->> 'total', '0') as numeric) * ${scale})`;
  }

  private q!: ReferenceQuery;

  private named(column: RawBuilder<unknown>, name: string | null) {
    return name === null ? sql`1 = 1` : sql`${column} = ${name}`;
  }

  private scoped(alias: string) {
    const branch = sql.ref(`${alias}.branch_id`);
    return this.q.branchId === undefined ? sql`1 = 1` : sql`${branch} = ${this.q.branchId}`;
  }

  private async rows<R>(query: RawBuilder<R>): Promise<R[]> {
    return (await query.execute(this.store.db)).rows;
  }

  /** Cohort sizes, returns and revenue per (cohort start, period k). */
  async matrix(q: ReferenceQuery): Promise<{ sizes: Cells; retained: Cells; revenue: Cells }> {
    this.q = q;
    const at = (alias: string) => sql.ref(`${alias}.at`);
    const first = sql`select customer_id, min(at) as first_at from events c
      where c.workspace_id = ${q.workspaceId} and ${this.named(sql.ref('c.name'), q.cohortEvent)} and ${this.scoped('c')}
      group by customer_id`;
    const inRange = sql`${this.day(at('f'))} <= ${q.toDay} and ${this.period(at('f'))} >= ${periodOf(q.fromDay, q.unit)}`;
    const fAt = sql`f.first_at`;
    const fp = this.period(fAt);
    const sizes = await this.rows<{ p: number; n: number }>(sql`
      with f0 as (${first}), f as (select customer_id, first_at as at, first_at from f0)
      select ${fp} as p, count(*) as n from f where ${inRange} group by ${fp}`);
    const joined = (what: RawBuilder<unknown>, where: RawBuilder<unknown>) => sql<{
      p: number;
      k: number;
      n: number;
    }>`
      with f0 as (${first}), f as (select customer_id, first_at as at, first_at from f0)
      select ${fp} as p, ${this.period(at('e'))} - ${fp} as k, ${what} as n
      from f join events e on e.workspace_id = ${q.workspaceId} and e.customer_id = f.customer_id and e.at >= f.first_at
      where ${inRange} and ${this.day(at('e'))} <= ${q.toDay} and ${this.scoped('e')} and ${where}
      group by ${fp}, ${this.period(at('e'))} - ${fp}`;
    const retained = await this.rows(
      joined(sql`count(distinct e.customer_id)`, this.named(sql.ref('e.name'), q.returnEvent)),
    );
    const revenue = await this.rows(joined(sql`sum(${this.revenue()})`, sql`1 = 1`));
    const key = (p: number, k?: number) =>
      `${dayText(periodStartDay(Number(p), q.unit))}${k === undefined ? '' : ` +${Number(k)}`}`;
    return {
      sizes: Object.fromEntries(sizes.map((r) => [key(r.p), Number(r.n)])),
      retained: Object.fromEntries(retained.map((r) => [key(r.p, r.k), Number(r.n)])),
      revenue: Object.fromEntries(
        revenue.filter((r) => Number(r.n) !== 0).map((r) => [key(r.p, r.k), Number(r.n)]),
      ),
    };
  }

  /** New, returning, resurrecting and dormant customers per period start, for periods in the range. */
  async lifecycle(q: ReferenceQuery): Promise<Record<string, Cells>> {
    this.q = q;
    const at = sql.ref('e.at');
    const active = sql`select distinct e.customer_id, ${this.period(at)} as p from events e
      where e.workspace_id = ${q.workspaceId} and ${this.named(sql.ref('e.name'), q.returnEvent)}
        and ${this.scoped('e')} and ${this.day(at)} <= ${q.toDay}`;
    const counts = (select: RawBuilder<unknown>) =>
      this.rows<{ p: number; n: number }>(sql`
        with a as (${active}), m as (select customer_id, min(p) as first_p from a group by customer_id)
        ${select}`);
    const states = {
      new: await counts(sql`select first_p as p, count(*) as n from m group by first_p`),
      returning: await counts(sql`select a.p, count(*) as n from a
        where exists (select 1 from a b where b.customer_id = a.customer_id and b.p = a.p - 1) group by a.p`),
      resurrecting: await counts(sql`select a.p, count(*) as n from a join m on m.customer_id = a.customer_id
        where a.p > m.first_p and not exists (select 1 from a b where b.customer_id = a.customer_id and b.p = a.p - 1)
        group by a.p`),
      dormant: await counts(sql`select a.p + 1 as p, count(*) as n from a
        where not exists (select 1 from a b where b.customer_id = a.customer_id and b.p = a.p + 1) group by a.p + 1`),
    };
    const first = periodOf(q.fromDay, q.unit);
    const last = periodOf(q.toDay, q.unit);
    const result: Record<string, Cells> = {};
    for (let p = first; p <= last; p++) {
      result[dayText(periodStartDay(p, q.unit))] = Object.fromEntries(
        Object.entries(states).map(([state, rows]) => [
          state,
          Number(rows.find((r) => Number(r.p) === p)?.n ?? 0),
        ]),
      );
    }
    return result;
  }

  /** Buyers, repeat buyers, eligible and repeat-within-N per cohort start of first purchase. */
  async repeat(q: ReferenceQuery, purchase: string): Promise<Record<string, Cells>> {
    this.q = q;
    const n = q.withinDays ?? 30;
    const fAt = sql`f.first_at`;
    const rows = await this.rows<{
      p: number;
      buyers: number;
      repeaters: number;
      eligible: number;
      within: number;
    }>(sql`
      with o as (
        select e.customer_id, e.at, row_number() over (partition by e.customer_id order by e.at, e.seq) as n
        from events e where e.workspace_id = ${q.workspaceId} and e.name = ${purchase}
          and ${this.scoped('e')} and ${this.day(sql.ref('e.at'))} <= ${q.toDay}),
      f as (select customer_id, at as first_at from o where n = 1),
      s as (select customer_id, at as second_at from o where n = 2)
      select ${this.period(fAt)} as p, count(*) as buyers, count(s.customer_id) as repeaters,
        sum(case when ${this.day(fAt)} + ${n} <= ${q.toDay} then 1 else 0 end) as eligible,
        sum(case when ${this.day(fAt)} + ${n} <= ${q.toDay} and s.second_at - f.first_at <= ${n * DAY_MS} then 1 else 0 end) as within
      from f left join s on s.customer_id = f.customer_id
      where ${this.period(fAt)} >= ${periodOf(q.fromDay, q.unit)}
      group by ${this.period(fAt)}`);
    return Object.fromEntries(
      rows.map((r) => [
        dayText(periodStartDay(Number(r.p), q.unit)),
        {
          buyers: Number(r.buyers),
          repeatBuyers: Number(r.repeaters),
          eligible: Number(r.eligible),
          repeatWithin: Number(r.within),
        },
      ]),
    );
  }
}
