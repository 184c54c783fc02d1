import Database from 'better-sqlite3';
import type { Executor } from '@jejak/storage';

/*
 * The attribution report computed a second way, for the tests: the workspace's events, orders and
 * spend are copied into an in-memory SQLite database and the same question is asked in SQL (window
 * functions for first purchase and first/last touch), with no code of the service in between.
 */

export interface SqlRow {
  month: string;
  channel: string;
  customers: number;
  revenue: number;
  spend: number;
  cac: number | null;
  roas: number | null;
}

export async function attributionBySql(
  db: Executor,
  workspaceId: string,
  options: {
    model: 'first' | 'last';
    lookbackDays: number;
    revenueDays: number;
    /** SQLite modifier for the workspace's zone, e.g. '+7 hours' (the tests use zones without summer time in the period). */
    zoneOffset: string;
    /** 10 ** minor-unit digits of the currency. */
    scale: number;
  },
): Promise<SqlRow[]> {
  const events = await db
    .selectFrom('events')
    .select(['customer_id', 'message_id', 'type', 'name', 'channel', 'at', 'properties_json', 'payload_json'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'status', 'total', 'refunded_total'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const spend = await db
    .selectFrom('ad_spend')
    .select(['channel', 'month', 'amount'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const lite = new Database(':memory:');
  lite.exec(`
    create table ev (customer_id text, message_id text, type text, name text, channel text, at integer,
                     properties_json text, payload_json text);
    create table ord (id text, status text, total integer, refunded_total integer);
    create table sp (channel text, month text, amount integer);`);
  const insertEvent = lite.prepare('insert into ev values (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertOrder = lite.prepare('insert into ord values (?, ?, ?, ?)');
  const insertSpend = lite.prepare('insert into sp values (?, ?, ?)');
  lite.transaction(() => {
    for (const e of events) {
      insertEvent.run(
        e.customer_id,
        e.message_id,
        e.type,
        e.name,
        e.channel,
        Number(e.at),
        e.properties_json,
        e.payload_json,
      );
    }
    for (const o of orders) insertOrder.run(o.id, o.status, Number(o.total), Number(o.refunded_total));
    for (const s of spend) insertSpend.run(s.channel, s.month, Number(s.amount));
  })();
  const rank = options.model === 'first' ? 'first_rank' : 'last_rank';
  const rows = lite
    .prepare(
      `
      with purchases as (
        select e.customer_id, e.message_id, e.at, e.channel,
               json_extract(e.payload_json, '$.context.campaign.name') as campaign,
               coalesce(case when o.status = 'voided' then 0 else o.total - o.refunded_total end,
                        cast(round(coalesce(json_extract(e.properties_json, '$.total'),
                                            json_extract(e.properties_json, '$.revenue'), 0) * :scale) as integer)) as amount,
               row_number() over (partition by e.customer_id order by e.at, e.message_id) as n
        from ev e left join ord o on o.id = json_extract(e.properties_json, '$.order_id')
        where e.name = 'Order Completed'),
      firsts as (select * from purchases where n = 1),
      touches as (
        select f.customer_id, e.channel,
               row_number() over (partition by f.customer_id order by e.at, e.message_id) as first_rank,
               row_number() over (partition by f.customer_id order by e.at desc, e.message_id desc) as last_rank
        from firsts f join ev e on e.customer_id = f.customer_id
        where e.type in ('track', 'page', 'screen') and e.name <> 'Order Completed'
          and e.at < f.at and e.at >= f.at - :lookback),
      credited as (
        select f.customer_id,
               strftime('%Y-%m', f.at / 1000, 'unixepoch', :zone) as month,
               coalesce((select t.channel from touches t where t.customer_id = f.customer_id and t.${rank} = 1),
                        f.channel) as channel,
               f.amount + (select coalesce(sum(p.amount), 0) from purchases p
                           where p.customer_id = f.customer_id and p.n > 1 and :revenue > 0
                             and p.at <= f.at + :revenue) as revenue
        from firsts f),
      won as (select month, channel, count(*) as customers, sum(revenue) as revenue from credited group by month, channel),
      spent as (select month, channel, sum(amount) as spend from sp group by month, channel),
      cells as (select month, channel from won union select month, channel from spent)
      select c.month, c.channel, coalesce(w.customers, 0) as customers, coalesce(w.revenue, 0) as revenue,
             coalesce(s.spend, 0) as spend
      from cells c left join won w using (month, channel) left join spent s using (month, channel)
      order by c.month, c.channel`,
    )
    .all({
      scale: options.scale,
      lookback: options.lookbackDays * 86_400_000,
      revenue: options.revenueDays * 86_400_000,
      zone: options.zoneOffset,
    }) as { month: string; channel: string; customers: number; revenue: number; spend: number }[];
  lite.close();
  return rows.map((r) => ({
    ...r,
    cac: r.customers > 0 && r.spend > 0 ? Math.round(r.spend / r.customers) : null,
    roas: r.spend > 0 ? r.revenue / r.spend : null,
  }));
}
