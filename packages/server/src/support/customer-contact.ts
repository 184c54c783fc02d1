import { normalizeEmail, normalizePhone } from '@jejak/core';
import { CustomerRepository, IdentityRepository, type Executor } from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import { refuseErased } from '../privacy/erased.ts';

/** Who a ticket is from: a known customer, or a way to reach a person (found or created by phone or email). */
export interface ContactInput {
  customerId?: string;
  name?: string;
  phone?: string;
  email?: string;
}

/** The ids a Segment message carries to land on one customer. */
export type MessageIds = { userId: string } | { anonymousId: string };

/** What an emitted message needs to find (or create) its customer. */
export interface ContactMessage {
  ids: MessageIds;
  /** Profile traits to record with an identify call, when the contact brought any. */
  traits: Record<string, string> | null;
  /** Set when the customer is already known. */
  customerId: string | null;
}

/**
 * Finds who a contact is, without writing: an explicit customer id, else the owner of the phone or
 * email, else nobody yet, in which case the emitted identify call (under `newAnonymousId`) creates the
 * customer with those keys. Refuses a contact with nothing to go on.
 */
export async function resolveContact(
  db: Executor,
  workspaceId: string,
  contact: ContactInput,
  newAnonymousId: string,
): Promise<ContactMessage> {
  const phone = contact.phone ? normalizePhone(contact.phone) : null;
  if (contact.phone && phone === null)
    throw badRequest(`customer.phone ${contact.phone} is not a valid phone number`);
  const email = contact.email ? normalizeEmail(contact.email) : null;
  if (contact.email && email === null)
    throw badRequest(`customer.email ${contact.email} is not a valid email address`);
  const name = contact.name?.trim() || undefined;
  const traits =
    phone || email || name
      ? { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) }
      : null;

  if (contact.customerId) {
    return {
      ids: await messageIdsOf(db, workspaceId, contact.customerId),
      traits,
      customerId: contact.customerId,
    };
  }
  if (!phone && !email) throw badRequest('customer needs a customerId, a phone or an email');
  const keys = [
    ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
    ...(email ? [{ kind: 'email' as const, value: email }] : []),
  ];
  const owner = (await new IdentityRepository(db).find(workspaceId, keys))[0]?.customer_id;
  if (owner) return { ids: await messageIdsOf(db, workspaceId, owner), traits, customerId: owner };
  return { ids: { anonymousId: newAnonymousId }, traits, customerId: null };
}

/**
 * The user id or anonymous id under which a stored customer's events are sent, following a merge to
 * the surviving customer. Every customer has one: ingestion needs a userId or anonymousId to create one.
 */
export async function messageIdsOf(
  db: Executor,
  workspaceId: string,
  customerId: string,
): Promise<MessageIds> {
  const customers = new CustomerRepository(db);
  let id = customerId;
  for (let hops = 0; hops < 10; hops++) {
    const customer = await customers.get(workspaceId, id);
    if (!customer) throw notFound(`Customer ${customerId}`);
    refuseErased(customer);
    if (customer.merged_into === null) break;
    id = customer.merged_into;
  }
  const keys = await new IdentityRepository(db).listForCustomer(workspaceId, id);
  const userId = keys.find((k) => k.kind === 'user_id');
  if (userId) return { userId: userId.value };
  const anonymousId = keys.find((k) => k.kind === 'anonymous_id');
  if (anonymousId) return { anonymousId: anonymousId.value };
  // A customer added at the counter by phone has no such id yet: give him one, named after his row,
  // so Jejak's own events (a review, a survey answer) land on him through ingestion like any other.
  const own = { kind: 'anonymous_id' as const, value: `jejak-customer-${id}` };
  const customer = await customers.get(workspaceId, id);
  await new IdentityRepository(db).add(workspaceId, id, [own], customer?.first_seen_at ?? 0);
  return { anonymousId: own.value };
}
