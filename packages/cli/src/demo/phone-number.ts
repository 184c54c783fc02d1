import { MOBILE_PREFIXES } from './people.data.ts';
import type { SeededRandom } from './seeded-random.ts';

/** The ways people and cashiers write the same Indonesian mobile number. */
export type PhoneForm =
  'dashed' | 'international_spaced' | 'international_bare' | 'plain_local' | 'plus_bare' | 'spaced_local';

/** `national` is the number without its trunk 0 or country code, e.g. `81234567890`. */
const FORMATTERS: Record<PhoneForm, (national: string) => string> = {
  dashed: (n) => `0${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
  international_spaced: (n) => `+62 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
  international_bare: (n) => `62${n}`,
  plain_local: (n) => `0${n}`,
  plus_bare: (n) => `+62${n}`,
  spaced_local: (n) => `0${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
};

export const PHONE_FORMS = Object.keys(FORMATTERS) as PhoneForm[];

/** Typed by customers on forms: whatever habit they have. */
const CUSTOMER_FORM_WEIGHTS: readonly (readonly [PhoneForm, number])[] = [
  ['plain_local', 40],
  ['dashed', 15],
  ['international_spaced', 12],
  ['international_bare', 10],
  ['plus_bare', 13],
  ['spaced_local', 10],
];

export function drawNationalNumber(random: SeededRandom): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(random.chance(0.7) ? 8 : 7);
}

export function formatPhone(national: string, form: PhoneForm): string {
  return FORMATTERS[form](national);
}

export function drawCustomerForm(random: SeededRandom): PhoneForm {
  let roll = random.next() * 100;
  for (const [form, weight] of CUSTOMER_FORM_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return form;
  }
  return 'plain_local';
}

/** The POS keeps customers under a code derived from the number in E.164 digits. */
export function customerCodeFor(national: string): string {
  return `cust_62${national}`;
}
