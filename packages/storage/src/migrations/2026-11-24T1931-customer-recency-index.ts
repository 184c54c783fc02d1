import type { Kysely } from 'kysely';

/*
 * The customers list shows the most recently active first. The time of a customer's newest event is
 * kept on his journey state on every ingestion (last_event_at); the profile's last_seen_at moves only
 * with an identify. This index lets the list read a page in that order straight from it, customer_id
 * closing it as the keyset's tie-break, instead of sorting every customer of the workspace.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('journey_states_workspace_recency')
    .on('journey_states')
    .columns(['workspace_id', 'last_event_at', 'customer_id'])
    .execute();
}
