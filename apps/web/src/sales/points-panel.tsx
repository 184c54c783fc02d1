import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCounterPoints } from '../api/loyalty.api.ts';

/**
 * The chosen customer's loyalty points at the till: balance, what it is worth, the tier, and the
 * points to redeem on this sale (the server checks the program's minimum and share of the order).
 */
export function PointsPanel({
  workspaceId,
  branchId,
  customerId,
  redeem,
  onRedeem,
  format,
}: {
  workspaceId: string;
  branchId: string;
  customerId: string;
  redeem: { points: number; value: number } | null;
  onRedeem: (redeem: { points: number; value: number } | null) => void;
  format: { money: (n: number) => string; number: (n: number) => string; date: (at: number) => string };
}) {
  const { t } = useTranslation();
  const standing = useCounterPoints(workspaceId, branchId, customerId);
  const [points, setPoints] = useState('');
  const [error, setError] = useState<string | null>(null);
  const s = standing.data;
  if (!s || !s.enabled) return null;

  const apply = () => {
    const wanted = Number(points.replace(/\D/g, ''));
    if (!Number.isSafeInteger(wanted) || wanted < 1) return;
    if (wanted > s.spendable) {
      setError(t('sales.points.tooMany', { balance: format.number(s.spendable) }));
      return;
    }
    setError(null);
    onRedeem({ points: wanted, value: wanted * s.pointValue });
  };

  return (
    <section className="panel points" data-testid="points">
      <h2>{t('sales.points.title')}</h2>
      <p className="chosen">
        <strong data-testid="points-balance">
          {t('sales.points.balance', { points: format.number(s.balance) })}
        </strong>
        <span className="muted"> · {t('sales.points.worth', { amount: format.money(s.worth) })}</span>
      </p>
      {s.pending > 0 && (
        <p className="small muted" data-testid="points-pending">
          {t('sales.points.pending', {
            points: format.number(s.pending),
            date: format.date(Math.min(...s.credits.map((c) => c.unlocksAt ?? Infinity))),
          })}
        </p>
      )}
      <p className="small" data-testid="points-tier">
        {s.tier ? t('sales.points.tier', { name: s.tier.name }) : t('sales.points.noTier')}
        {s.next && (
          <span className="muted">
            {' · '}
            {t('sales.points.next', { missing: format.number(s.next.missing), name: s.next.tier.name })}
          </span>
        )}
      </p>
      {redeem ? (
        <p className="row">
          <span data-testid="points-applied">
            {t('sales.points.applied', { points: format.number(redeem.points) })} (−
            {format.money(redeem.value)})
          </span>
          <button type="button" className="link" onClick={() => onRedeem(null)}>
            {t('sales.points.remove')}
          </button>
        </p>
      ) : (
        s.spendable > 0 && (
          <div className="row">
            <input
              inputMode="numeric"
              aria-label={t('sales.points.redeem')}
              placeholder={t('sales.points.redeem')}
              data-testid="points-redeem"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  apply();
                }
              }}
            />
            <button type="button" className="secondary" onClick={apply} data-testid="points-apply">
              {t('sales.points.apply')}
            </button>
          </div>
        )
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
