/** What is known of a person that two accounts of one person would share. */
export interface ReferralParty {
  customerId: string;
  phones: readonly string[];
  emails: readonly string[];
  /** Anonymous ids (browsers, apps): the device. */
  devices: readonly string[];
}

export const REFERRAL_REFUSALS = [
  'code_unknown',
  'program_off',
  'self_customer',
  'self_phone',
  'self_email',
  'self_device',
  'already_referred',
  'already_bought',
  'affiliate_inactive',
] as const;
export type ReferralRefusal = (typeof REFERRAL_REFUSALS)[number];

const shares = (a: readonly string[], b: readonly string[]) => a.some((x) => x !== '' && b.includes(x));

/**
 * Why a referral of `friend` by `referrer` is self-referral, or null when they are two people as far
 * as their customer record, phone numbers, emails and devices tell.
 *
 * @example selfReferral({ customerId: 'a', phones: ['+62811'], emails: [], devices: [] },
 *                       { customerId: 'b', phones: ['+62811'], emails: [], devices: [] }) // 'self_phone'
 */
export function selfReferral(referrer: ReferralParty, friend: ReferralParty): ReferralRefusal | null {
  if (referrer.customerId === friend.customerId) return 'self_customer';
  if (shares(referrer.phones, friend.phones)) return 'self_phone';
  if (shares(referrer.emails, friend.emails)) return 'self_email';
  if (shares(referrer.devices, friend.devices)) return 'self_device';
  return null;
}

/** The refusal in words for the cashier and the results page. */
export const REFERRAL_REFUSAL_TEXT: Record<ReferralRefusal, { id: string; en: string }> = {
  code_unknown: { id: 'Kode referal tidak dikenal', en: 'Unknown referral code' },
  program_off: { id: 'Program referal sedang tidak aktif', en: 'The referral program is off' },
  self_customer: { id: 'Tidak bisa memakai kode sendiri', en: 'A customer cannot use their own code' },
  self_phone: {
    id: 'Nomor HP sama dengan pemilik kode',
    en: 'Same phone number as the code’s owner',
  },
  self_email: { id: 'Email sama dengan pemilik kode', en: 'Same email as the code’s owner' },
  self_device: { id: 'Perangkat sama dengan pemilik kode', en: 'Same device as the code’s owner' },
  already_referred: { id: 'Pelanggan ini sudah direferensikan', en: 'This customer was already referred' },
  already_bought: {
    id: 'Pelanggan ini sudah pernah belanja, bukan pelanggan baru',
    en: 'This customer has bought before and is not new',
  },
  affiliate_inactive: { id: 'Afiliasi ini tidak aktif', en: 'This affiliate is inactive' },
};
