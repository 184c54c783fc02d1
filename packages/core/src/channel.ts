/** Where a touchpoint happened. Taken from the event, its UTM campaign, or the source (DESIGN §2.3). */
export const CHANNELS = [
  'ads',
  'web',
  'app',
  'store',
  'whatsapp',
  'phone',
  'email',
  'chat',
  'social',
  'marketplace',
  'referral',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
