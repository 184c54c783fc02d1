import { CustomerRepository, type Executor, type Customer } from '@jejak/storage';
import { hasTraits, profileAfter } from '../customers/profile.ts';
import type { ResolvedRun } from './batch-resolver.ts';

/**
 * Writes the customer rows of a resolved run: its new customers in one insert, and the stored customers
 * whose profile an identify changed in one update. Every identify's traits are folded into the row in
 * message order (a later trait wins), which leaves each row as `IdentityService.updateProfile` called
 * once per message would; a new customer is inserted with its profile already folded in.
 */
export async function writeRunCustomers(
  db: Executor,
  workspaceId: string,
  run: ResolvedRun,
  stored: ReadonlySet<string>,
  now: number,
): Promise<void> {
  const customers = new CustomerRepository(db);
  const fresh = new Map<string, Customer>(run.newCustomers.map((row) => [row.id, row]));
  const identifies = run.resolved.filter(
    ({ message }) => message.type === 'identify' && hasTraits(message) && stored.has(message.messageId),
  );
  const known = identifies.map((r) => r.customerId).filter((id) => !fresh.has(id));
  const updated = new Map<string, Customer>(
    (await customers.getMany(workspaceId, known)).map((row) => [row.id, row]),
  );
  for (const { message, customerId } of identifies) {
    const rows = fresh.has(customerId) ? fresh : updated;
    const row = rows.get(customerId);
    // As updateProfile: a customer who is not there is left alone.
    if (row === undefined) continue;
    rows.set(customerId, { ...row, ...profileAfter(row, message, now) });
  }
  await customers.insertMany([...fresh.values()]);
  await customers.updateProfiles([...updated.values()]);
}
