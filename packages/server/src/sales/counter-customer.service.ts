import { randomUUID } from 'node:crypto';
import { normalizeEmail, normalizePhone } from '@jejak/core';
import {
  CustomerRepository,
  IdentityRepository,
  writeTransaction,
  type Customer,
  type Executor,
  type Store,
} from '@jejak/storage';
import { badRequest } from '../http/http-error.ts';
import type { SalesJourney } from './sales-journey.ts';

export interface CounterCustomerInput {
  phone: string;
  name?: string;
  email?: string;
}

/**
 * The customer at the counter, found or added by phone number (the key Indonesian shops use). A new
 * customer gets the phone (and email) as identity keys, so events from any other source that carry the
 * same phone land on the same person; the sign-up is stored as an `identify` at the store.
 */
export class CounterCustomerService {
  constructor(
    private readonly store: Store,
    private readonly journey: SalesJourney,
    private readonly now: () => number,
  ) {}

  /** Customers whose phone, name or email matches: the exact phone first. At most `limit`. */
  async search(workspaceId: string, query: string, limit = 10): Promise<Customer[]> {
    const phone = normalizePhone(query);
    const exact = phone ? await this.byPhone(this.store.db, workspaceId, phone) : undefined;
    const page = await new CustomerRepository(this.store.db).list(workspaceId, { search: query, limit });
    const others = await new CustomerRepository(this.store.db).getMany(
      workspaceId,
      page.items.map((c) => c.id).filter((id) => id !== exact?.id),
    );
    return [...(exact ? [exact] : []), ...others].slice(0, limit);
  }

  /** Finds the customer with this phone, or creates one; `created` says which. */
  async findOrCreate(workspaceId: string, input: CounterCustomerInput) {
    const phone = normalizePhone(input.phone);
    if (phone === null) throw badRequest(`body/phone "${input.phone}" is not a valid phone number`);
    const email = input.email?.trim() ? normalizeEmail(input.email) : null;
    if (input.email?.trim() && email === null)
      throw badRequest(`body/email "${input.email}" is not a valid email`);
    return writeTransaction(this.store, async (trx) => {
      const found = await this.byPhone(trx, workspaceId, phone);
      if (found) return { customer: found, created: false };
      const now = this.now();
      const name = input.name?.trim() || null;
      const customer: Customer = {
        id: randomUUID(),
        workspace_id: workspaceId,
        name,
        email,
        phone,
        traits_json: JSON.stringify({ phone, ...(name ? { name } : {}), ...(email ? { email } : {}) }),
        first_seen_at: now,
        last_seen_at: now,
        merged_into: null,
        created_at: now,
        updated_at: now,
        erased_at: null,
      };
      await new CustomerRepository(trx).create(customer);
      const keys = [{ kind: 'phone', value: phone }, ...(email ? [{ kind: 'email', value: email }] : [])];
      await new IdentityRepository(trx).add(workspaceId, customer.id, keys, now);
      await this.journey.emit(trx, {
        workspaceId,
        customerId: customer.id,
        messageId: `counter-signup:${customer.id}`,
        type: 'identify',
        name: 'Identified',
        at: now,
        properties: {},
        traits: JSON.parse(customer.traits_json) as Record<string, unknown>,
      });
      return { customer, created: true };
    });
  }

  /** The live customer behind a phone key (following merges). */
  private async byPhone(db: Executor, workspaceId: string, phone: string): Promise<Customer | undefined> {
    const [key] = await new IdentityRepository(db).find(workspaceId, [{ kind: 'phone', value: phone }]);
    return key ? resolveCustomer(db, workspaceId, key.customer_id) : undefined;
  }
}

/** A customer, or the one it was merged into (a merge keeps the old row, marked). */
export async function resolveCustomer(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<Customer | undefined> {
  const customers = new CustomerRepository(db);
  let customer = await customers.get(workspaceId, id);
  for (let hops = 0; customer?.merged_into && hops < 10; hops += 1) {
    customer = await customers.get(workspaceId, customer.merged_into);
  }
  return customer;
}
