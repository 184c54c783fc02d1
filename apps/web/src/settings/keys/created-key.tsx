import { useTranslation } from 'react-i18next';
import type { CreatedKey } from '../../api/keys.api.ts';
import { CopyField } from '../copy-field.tsx';
import { secretKeyExample, serverExample, websiteExample, websiteTag } from './key-snippets.ts';

/** A key just made: the whole key this once, and what to paste where to start sending events with it. */
export function CreatedKeyPanel({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const { t } = useTranslation('settings');
  const origin = window.location.origin;
  return (
    <section className="card st-created" role="status" data-testid="created-key-panel">
      <h2>{t('keys.createdTitle', { name: created.name })}</h2>
      <p className="st-warning">{t('keys.shownOnce')}</p>
      <CopyField label={t('keys.theKey')} value={created.key} testId="created-key" />
      {created.kind === 'write' ? (
        <>
          <h3>{t('keys.website')}</h3>
          <p className="small muted">{t('keys.websiteHint')}</p>
          <CopyField
            label={t('keys.websiteTag')}
            value={websiteTag(origin, created.key)}
            multiline
            testId="snippet-website"
          />
          <CopyField
            label={t('keys.websiteEvents')}
            value={websiteExample()}
            multiline
            testId="snippet-track"
          />
          <h3>{t('keys.server')}</h3>
          <p className="small muted">{t('keys.serverHint')}</p>
          <CopyField
            label="Node.js · @segment/analytics-node"
            value={serverExample(origin, created.key)}
            multiline
            testId="snippet-server"
          />
        </>
      ) : (
        <>
          <h3>{t('keys.api')}</h3>
          <p className="small muted">{t('keys.apiHint')}</p>
          <CopyField
            label="curl"
            value={secretKeyExample(origin, created.workspaceId ?? '', created.key)}
            multiline
            testId="snippet-api"
          />
        </>
      )}
      <div className="st-actions">
        <button type="button" className="secondary" onClick={onDone}>
          {t('keys.done')}
        </button>
      </div>
    </section>
  );
}
