import { normalizeEmail, normalizePhone, type NormalizedMessage } from '@jejak/core';
import type { Customer } from '@jejak/storage';

export interface Profile {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** The columns a person searches by, taken from Segment's reserved traits. */
export function profileFromTraits(traits: Record<string, unknown>): Profile {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const first = text(traits.firstName) ?? text(traits.first_name);
  const last = text(traits.lastName) ?? text(traits.last_name);
  const name = text(traits.name) ?? ([first, last].filter(Boolean).join(' ') || null);
  const email = text(traits.email);
  const phone = text(traits.phone);
  return {
    name,
    email: email ? (normalizeEmail(email) ?? email) : null,
    phone: phone ? (normalizePhone(phone) ?? phone) : null,
  };
}

/** The columns an identify changes on a customer's row. */
export type ProfileColumns = Pick<
  Customer,
  'traits_json' | 'name' | 'email' | 'phone' | 'last_seen_at' | 'updated_at'
>;

/** An identify without traits leaves the profile (and last seen) as it is. */
export function hasTraits(message: NormalizedMessage): boolean {
  return Object.keys(message.traits).length > 0;
}

/**
 * The profile columns after an identify: its traits over the stored ones, the searchable columns from
 * the merged traits (a trait left out keeps the old value), last seen moved forward only.
 */
export function profileAfter(
  customer: Pick<Customer, 'traits_json' | 'name' | 'email' | 'phone' | 'last_seen_at'>,
  message: NormalizedMessage,
  now: number,
): ProfileColumns {
  const traits = { ...(JSON.parse(customer.traits_json) as Record<string, unknown>), ...message.traits };
  const profile = profileFromTraits(traits);
  return {
    traits_json: JSON.stringify(traits),
    name: profile.name ?? customer.name,
    email: profile.email ?? customer.email,
    phone: profile.phone ?? customer.phone,
    last_seen_at: Math.max(customer.last_seen_at, message.at),
    updated_at: now,
  };
}
