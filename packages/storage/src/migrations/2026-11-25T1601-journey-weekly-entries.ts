import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';
import { isoWeekStart } from '../journey/zoned-day.ts';

/*
 * journey_weekly_entries (see ../schema.ts): entries into each stage per ISO week, keyed (week, stage, ...)
 * in the order the overview's weekly trend groups by. The trend of a year summed every daily move into a
 * stage (from, to, channel, branch, day) with a sort of the group by. Backfilled here from
 * journey_daily_moves; from now on JourneySummaryRepository keeps it in step with the transitions and
 * makes it anew on recompute.
 */

const SEP = '\u001f';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('journey_weekly_entries')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('week', 'integer', (col) => col.notNull())
    .addColumn('stage', key, (col) => col.notNull())
    .addColumn('first_channel', key, (col) => col.notNull())
    .addColumn('home_branch_id', key, (col) => col.notNull())
    .addColumn('entries', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_weekly_entries_pk', [
      'workspace_id',
      'week',
      'stage',
      'first_channel',
      'home_branch_id',
    ] as never)
    .modifyEnd(postgres ? sql`` : sql`without rowid`)
    .execute();

  const rows = await sql<{
    workspace_id: string;
    day: number;
    to_value: string;
    first_channel: string;
    home_branch_id: string;
    moves: number;
  }>`select workspace_id, day, to_value, first_channel, home_branch_id, moves
    from journey_daily_moves where kind = 'stage'`.execute(db);
  const weekly = new Map<string, number>();
  for (const r of rows.rows) {
    const k = [
      r.workspace_id,
      isoWeekStart(Number(r.day)),
      r.to_value,
      r.first_channel,
      r.home_branch_id,
    ].join(SEP);
    weekly.set(k, (weekly.get(k) ?? 0) + Number(r.moves));
  }
  const values = [...weekly].map(([k, entries]) => {
    const [workspace_id, week, stage, first_channel, home_branch_id] = k.split(SEP);
    return { workspace_id, week: Number(week), stage, first_channel, home_branch_id, entries };
  });
  for (let i = 0; i < values.length; i += 400)
    await (db as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('journey_weekly_entries')
      .values(values.slice(i, i + 400))
      .execute();
}
