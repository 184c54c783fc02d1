/**
 * The retention matrix of the analytics phase: monthly cohorts of first purchases, who bought again in
 * each later month and what they spent, answered by Jejak's scan (retentionMatrix over the event layout)
 * and by DuckDB in SQL on the same events; the two answers must be equal cell by cell.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  localDayIn,
  periodOf,
  periodStartDay,
  retentionMatrix,
  type EventColumns,
  type RetentionQuery,
} from '@jejak/core';

export const RETENTION_EVENT = 'Order Completed';
/** The workload's shop is in Jakarta (+7 h, no daylight saving). */
const JAKARTA = [{ until: null, offset: 7 * 3_600_000 }] as const;
const DAY_MS = 86_400_000;

/** Every month of the events: from the month of the earliest to the day of the latest. */
export function retentionQuery(columns: EventColumns): RetentionQuery {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < columns.size; i++) {
    const at = columns.at[i]!;
    if (at < min) min = at;
    if (at > max) max = at;
  }
  return {
    unit: 'month',
    cohortEvent: RETENTION_EVENT,
    returnEvent: RETENTION_EVENT,
    fromDay: localDayIn(min, JAKARTA),
    toDay: localDayIn(max, JAKARTA),
    zone: JAKARTA,
    scope: {},
  };
}

/** `cohort start +k` -> [retained, revenue], and `cohort start` -> size, for the cells that are not 0. */
type Cells = Record<string, number[] | number>;

export function jejakCells(columns: EventColumns, query: RetentionQuery): Cells {
  const cells: Cells = {};
  for (const c of retentionMatrix(columns, query).cohorts) {
    if (c.size === 0) continue;
    const start = new Date(c.startDay * DAY_MS).toISOString().slice(0, 10);
    cells[start] = c.size;
    c.retained.forEach((n, k) => {
      if (n !== 0 || c.revenue[k] !== 0) cells[`${start} +${k}`] = [n, c.revenue[k]!];
    });
  }
  return cells;
}

/** The same matrix in DuckDB SQL over `ev` (customer_id, ts, name, revenue). */
export function duckRetentionSql(query: RetentionQuery): string {
  const offset = JAKARTA[0].offset;
  const day = (ts: string) => `((${ts} + ${offset}) // ${DAY_MS})`;
  const period = (ts: string) =>
    `(year(epoch_ms(${ts} + ${offset})) * 12 + month(epoch_ms(${ts} + ${offset})) - 1)`;
  const first = periodOf(query.fromDay, 'month');
  return `
    with f as (
      select customer_id, min(ts) as first_ts from ev where name = '${RETENTION_EVENT}' group by customer_id
    ),
    c as (
      select customer_id, first_ts, ${period('first_ts')} as cp from f
      where ${period('first_ts')} >= ${first} and ${day('first_ts')} <= ${query.toDay}
    ),
    r as (
      select ev.customer_id, c.cp, ${period('ev.ts')} - c.cp as k, ev.name, ev.revenue
      from ev join c on ev.customer_id = c.customer_id
      where ev.ts >= c.first_ts and ${day('ev.ts')} <= ${query.toDay}
    )
    select cp, k, count(distinct customer_id) filter (where name = '${RETENTION_EVENT}') as retained,
      sum(revenue) as revenue
    from r group by cp, k
    union all select cp, -1, count(*), 0 from c group by cp`;
}

export function duckCells(rows: Record<string, unknown>[]): Cells {
  const cells: Cells = {};
  for (const r of rows) {
    const start = new Date(periodStartDay(Number(r.cp), 'month') * DAY_MS).toISOString().slice(0, 10);
    const k = Number(r.k);
    if (k < 0) cells[start] = Number(r.retained);
    else if (Number(r.retained) !== 0 || Number(r.revenue) !== 0)
      cells[`${start} +${k}`] = [Number(r.retained), Number(r.revenue)];
  }
  return cells;
}

/** Both answers, cell by cell, in one order; throws on the first difference. */
export function checkRetention(jejak: Cells, duck: Cells): { cohorts: number; cells: number } {
  const keys = [...new Set([...Object.keys(jejak), ...Object.keys(duck)])].sort();
  for (const key of keys) {
    if (JSON.stringify(jejak[key]) !== JSON.stringify(duck[key]))
      throw new Error(
        `retention ${key}: Jejak ${JSON.stringify(jejak[key])}, DuckDB ${JSON.stringify(duck[key])}`,
      );
  }
  return {
    cohorts: keys.filter((k) => !k.includes('+')).length,
    cells: keys.filter((k) => k.includes('+')).length,
  };
}

export async function duckRetention(connection: DuckDBConnection, query: RetentionQuery) {
  return (await connection.runAndReadAll(duckRetentionSql(query))).getRowObjects();
}
