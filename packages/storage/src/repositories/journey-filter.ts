import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Which customers a journey question is about, by their attribution (core's JourneyState): the channel
 * of their first touchpoint, and their branch (for a move, the branch they had at it; for a stage visit,
 * the branch it began at). Absent fields do not filter.
 */
export interface JourneyFilter {
  /** A channel as core names them (`ads`, `whatsapp` ...). */
  channel?: string;
  /** Branch ids as events carry them; an empty list matches nobody (a manager with no branch). */
  branchIds?: readonly string[];
}

/** The filter as a condition on a table with a `first_channel` column and the given branch column. */
export function journeyFilterSql(
  filter: JourneyFilter | undefined,
  branchColumn: string,
): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (filter?.channel !== undefined) parts.push(sql`${sql.ref('first_channel')} = ${filter.channel}`);
  if (filter?.branchIds !== undefined) {
    parts.push(
      filter.branchIds.length === 0
        ? sql`1 = 0`
        : sql`${sql.ref(branchColumn)} in (${sql.join([...filter.branchIds])})`,
    );
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}
