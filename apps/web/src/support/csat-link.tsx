import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The CSAT question of a resolved ticket: the link to send, by copy or WhatsApp, or the answer once given. */
export function CsatLink({
  csat,
  score,
  phone,
}: {
  csat: { path: string; answeredAt: number | null } | null;
  score: number | null;
  phone: string | null;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = csat ? `${window.location.origin}${csat.path}` : '';
  return (
    <section className="card" data-testid="csat">
      <h2>{t('ticket.csatTitle')}</h2>
      {!csat && <p className="muted">{t('ticket.csatNone')}</p>}
      {csat && score !== null && <p>{t('ticket.csatAnswered', { score })}</p>}
      {csat && score === null && (
        <div className="link-box">
          <p className="muted small">{t('ticket.csatWaiting')}</p>
          <code data-testid="csat-link">{url}</code>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
            >
              {copied ? t('ticket.copied') : t('ticket.copy')}
            </button>
            {phone && (
              <a
                className="button-link"
                href={`https://wa.me/${phone}?text=${encodeURIComponent(t('ticket.csatMessage', { link: url }))}`}
                target="_blank"
                rel="noreferrer"
              >
                {t('ticket.shareWhatsapp')}
              </a>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
