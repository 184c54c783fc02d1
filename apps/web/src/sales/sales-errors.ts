import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

// The default namespace's `t`: ReturnType<typeof useTranslation> would type it over every namespace.
type T = TFunction<'translation'>;

/** A refusal from the sales API, said in the reader's language. */
export function salesErrorMessage(
  error: unknown,
  t: T,
  nameOf: (productId: string) => string = () => '',
): string {
  if (!(error instanceof ApiError)) return t('errors.offline');
  if (error.status === 403) return t('sales.orders.needsManager');
  if (error.status === 409) {
    const details = error.details as { productId?: string; onHand?: number; needed?: number } | undefined;
    if (details?.onHand !== undefined) {
      const name = nameOf(details.productId ?? '');
      return t('sales.errors.notEnough', { name, onHand: details.onHand, needed: details.needed ?? 0 });
    }
    return t('sales.errors.changed');
  }
  if (error.status === 400) {
    const limit = (error.details as { limit?: number } | undefined)?.limit ?? 0;
    switch (error.code) {
      case 'points_insufficient':
        return t('sales.errors.pointsInsufficient', { limit });
      case 'points_below_minimum':
        return t('sales.errors.pointsBelowMinimum', { limit });
      case 'points_above_share':
        return t('sales.errors.pointsAboveShare', { limit });
      case 'points_disabled':
        return t('sales.errors.pointsDisabled');
      case 'referral_code_unknown':
        return t('sales.referral.unknown');
      default:
        return t('sales.errors.invalid');
    }
  }
  return t('errors.generic');
}
