import { useTranslation } from 'react-i18next';
import { useRatings } from '../api/reviews.api.ts';
import { formatNumber } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** Average and distribution of stars per product, with a bar per star a person can compare at a glance. */
export function RatingsTable({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const ratings = useRatings(workspaceId);
  const language = currentLanguage(i18n.language);
  return (
    <section className="card">
      <h2>{t('reviews.ratingsTitle')}</h2>
      <p className="muted small">{t('reviews.ratingsLead')}</p>
      {ratings.error && <ErrorNotice error={ratings.error} />}
      {ratings.data?.length === 0 && <p className="muted">{t('reviews.noRatings')}</p>}
      {ratings.data && ratings.data.length > 0 && (
        <table data-testid="ratings">
          <thead>
            <tr>
              <th>{t('reviews.product')}</th>
              <th className="num">{t('reviews.average')}</th>
              <th className="num">{t('reviews.count')}</th>
              <th>{t('reviews.distribution')}</th>
            </tr>
          </thead>
          <tbody>
            {ratings.data.map((r) => (
              <tr key={r.productId}>
                <td>{r.productName ?? r.productId}</td>
                <td className="num">
                  {r.average === null
                    ? '–'
                    : t('reviews.averageOf', { average: formatNumber(r.average, language) })}
                </td>
                <td className="num">{formatNumber(r.count, language)}</td>
                <td>
                  <ul className="plain star-bars">
                    {[5, 4, 3, 2, 1].map((stars) => {
                      const count = r.distribution[stars - 1] ?? 0;
                      return (
                        <li key={stars}>
                          <span className="star-label">{t('reviews.distributionOf', { stars, count })}</span>
                          <span
                            className="star-bar"
                            aria-hidden="true"
                            style={{ width: `${r.count ? (count / r.count) * 100 : 0}%` }}
                          />
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
