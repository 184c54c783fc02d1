import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { useCustomerSearch, useSendSurvey, type Survey } from '../api/surveys.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** The ways to a survey: the general link, the receipt link, a QR code to print, a personal link per customer. */
export function SurveyShare({
  workspaceId,
  survey,
  canManage,
}: {
  workspaceId: string;
  survey: Survey;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const general = `${origin}${survey.generalPath}`;
  const receipt = `${general}?via=receipt`;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(`${general}?via=qr`, { margin: 1, width: 360 }).then(setQr);
  }, [general]);
  return (
    <section className="card" data-testid="share">
      <h2>{t('results.links')}</h2>
      <div className="link-box">
        <span>{t('results.generalLink')}</span>
        <code data-testid="general-link">{general}</code>
        <span>{t('results.receiptLink')}</span>
        <code>{receipt}</code>
        <span>{t('results.qr')}</span>
        {qr && (
          <a className="qr" href={qr} download={`survei-${survey.id}.png`}>
            <img src={qr} alt={t('results.qrAlt', { name: survey.name })} />
          </a>
        )}
      </div>
      {canManage && <PersonalLink workspaceId={workspaceId} surveyId={survey.id} />}
    </section>
  );
}

function PersonalLink({ workspaceId, surveyId }: { workspaceId: string; surveyId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const customers = useCustomerSearch(workspaceId, search);
  const send = useSendSurvey(workspaceId, surveyId);
  const [made, setMade] = useState<{ name: string; url: string } | null>(null);
  return (
    <div className="link-box" style={{ marginTop: '1rem' }}>
      <h3>{t('results.sendTitle')}</h3>
      <small className="muted">{t('results.sendHint')}</small>
      <label className="field">
        <span>{t('results.customerSearch')}</span>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {(customers.data ?? []).map((c) => (
        <div key={c.id} className="actions">
          <span>
            {c.name ?? '—'} <span className="muted small">{c.phone ?? c.email ?? ''}</span>
          </span>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              send.mutate(c.id, {
                onSuccess: (link) =>
                  setMade({ name: c.name ?? c.phone ?? '', url: `${window.location.origin}${link.path}` }),
              })
            }
          >
            {t('results.makeLink')}
          </button>
        </div>
      ))}
      {send.error && <ErrorNotice error={send.error} />}
      {made && (
        <>
          <span>{t('results.personalLink', { name: made.name })}</span>
          <code>{made.url}</code>
        </>
      )}
    </div>
  );
}
