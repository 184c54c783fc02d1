import { useTranslation } from 'react-i18next';
import { useRules, useSaveRules } from '../../api/rules.api.ts';
import { useFormat } from '../../format/use-format.ts';
import { can } from '../../layout/navigation.ts';
import { useWorkspace } from '../../layout/workspace-context.ts';
import { ErrorNotice } from '../../pages/error-notice.tsx';
import { SettingsError } from '../settings-error.tsx';
import { RulesEditor } from './rules-editor.tsx';

/** The journey's stages and the rules that move customers between them: read, edited, previewed, saved. */
export function RulesPage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const rules = useRules(workspace.id);
  const save = useSaveRules(workspace.id);
  const readOnly = !can(membership.role, 'journey.manage');
  if (rules.error) return <ErrorNotice error={rules.error} />;
  if (rules.isPending) return <p className="loading">{tc('app.loading')}</p>;

  return (
    <div className="page">
      <header>
        <h1>{t('rules.title')}</h1>
        <p className="lead">{t('rules.lead')}</p>
        <p className="muted small" data-testid="rules-version">
          {rules.data.isDefault ? t('rules.default') : t('rules.version', { version: rules.data.version })}
          {readOnly && ` · ${t('rules.readOnly')}`}
        </p>
      </header>
      {save.data && (
        <p className="st-success" role="status" data-testid="rules-saved">
          {t('rules.saved', {
            version: save.data.version,
            customers: format.number(save.data.rebuilt.customers),
            count: save.data.rebuilt.customers,
          })}
        </p>
      )}
      {save.error && <SettingsError error={save.error} />}
      <RulesEditor
        key={rules.data.version}
        workspaceId={workspace.id}
        timeZone={workspace.timezone}
        saved={rules.data}
        readOnly={readOnly}
        saving={save.isPending}
        onSave={(next) => save.mutate(next)}
      />
    </div>
  );
}
