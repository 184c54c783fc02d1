import type { TFunction } from 'i18next';
import type { Order } from '../api/sales.api.ts';

// The default namespace's `t`: ReturnType<typeof useTranslation> would type it over every namespace.
type T = TFunction<'translation'>;

export function receiptUrl(token: string, width?: 58 | 80): string {
  return `${window.location.origin}/struk/${token}${width ? `?lebar=${width}&cetak=1` : ''}`;
}

/**
 * The receipt as a WhatsApp message: what was bought, the total, the customer's points balance after
 * the sale when it had points, and the link to the full receipt.
 */
/** The public link of a referral code: the landing page a friend opens. */
export function referralUrl(code: string): string {
  return `${window.location.origin}/ajak/${encodeURIComponent(code)}`;
}

export function whatsappText(
  order: Pick<Order, 'receiptNo' | 'completedAt' | 'lines' | 'total' | 'shareToken'> &
    Partial<Pick<Order, 'loyalty' | 'referral'>>,
  shop: string,
  branch: string,
  format: { money: (n: number) => string; time: (ms: number) => string },
  t: T,
): string {
  return [
    t('sales.receipt.waHeader', { shop, branch }),
    t('sales.receipt.waNumber', { no: order.receiptNo, time: format.time(order.completedAt) }),
    '',
    ...order.lines.map((l) => `${l.quantity} × ${l.name} — ${format.money(l.total)}`),
    '',
    t('sales.receipt.waTotal', { amount: format.money(order.total) }),
    ...(order.loyalty ? [t('sales.receipt.waPoints', { points: order.loyalty.balanceAfter })] : []),
    t('sales.receipt.waLink', { link: receiptUrl(order.shareToken) }),
    ...(order.referral?.code
      ? ['', t('sales.referral.share', { code: order.referral.code, link: referralUrl(order.referral.code) })]
      : []),
  ].join('\n');
}

/** A wa.me link to the customer's number (digits only, country code first), or to a chosen chat. */
export function whatsappLink(phone: string | null | undefined, text: string): string {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}
