import { normalizeEmail, normalizePhone } from '@jejak/core';

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
