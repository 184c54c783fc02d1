import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWidgetToken } from '../api/reviews.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** The one script tag that shows approved reviews on the business's own site. */
export function WidgetSnippet({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const token = useWidgetToken(workspaceId);
  const [copied, setCopied] = useState(false);
  const tag = token.data
    ? `<script src="${window.location.origin}/review-widget.js" data-widget="${token.data}" async></script>`
    : '';
  return (
    <section className="card">
      <h2>{t('reviews.widgetTitle')}</h2>
      <p className="muted small">{t('reviews.widgetLead')}</p>
      {token.error && <ErrorNotice error={token.error} />}
      {tag && (
        <div className="snippet">
          <code data-testid="widget-tag">{tag}</code>
          <button
            type="button"
            className="secondary"
            onClick={() => void navigator.clipboard?.writeText(tag).then(() => setCopied(true))}
          >
            {copied ? t('reviews.copied') : t('reviews.copy')}
          </button>
        </div>
      )}
    </section>
  );
}
