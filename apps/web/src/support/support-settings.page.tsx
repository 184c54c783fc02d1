import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAddHoliday,
  useClearHours,
  useDeleteHoliday,
  useHolidays,
  useHours,
  useRotateSecret,
  useSetTargets,
  useTargets,
  type TargetPolicies,
} from '../api/support-settings.api.ts';
import { useBranches } from '../api/tickets.api.ts';
import { formatDate } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { formValues } from '../pages/text-field.tsx';
import { HoursEditor } from './hours-editor.tsx';

const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const KINDS = ['first_response', 'resolution'] as const;

/** Opening hours, holidays, response targets and the inbound webhook: what the ticket clocks count by. */
export function SupportSettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('support.title')}</h1>
        <p className="lead">{t('support.lead')}</p>
      </header>
      <OpeningHours />
      <Holidays />
      <Targets />
      <Webhook />
    </div>
  );
}

/**
 * The whole business's opening hours, or a branch's own: a branch without hours of its own follows the
 * business's, in its own time zone; saving gives it its own, and removing them hands it back.
 */
function OpeningHours() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const hours = useHours(workspace.id);
  const branches = useBranches(workspace.id);
  const clear = useClearHours(workspace.id);
  const [scope, setScope] = useState('*');
  const whole = hours.data?.find((h) => h.branchId === '*');
  const own = scope === '*' ? whole : hours.data?.find((h) => h.branchId === scope);
  const branch = branches.data?.find((b) => b.id === scope);
  const ownHours = new Set((hours.data ?? []).map((h) => h.branchId));
  return (
    <section className="card" data-testid="opening-hours">
      <h2>{t('support.hours')}</h2>
      <p className="muted small">{t('support.hoursHint')}</p>
      <label className="field" style={{ maxWidth: '24rem' }}>
        <span>{t('support.hoursFor')}</span>
        <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="hours-scope">
          <option value="*">{t('support.wholeBusiness')}</option>
          {(branches.data ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {ownHours.has(b.id) ? t('support.branchOwnHours', { name: b.name }) : b.name}
            </option>
          ))}
        </select>
      </label>
      {hours.error && <ErrorNotice error={hours.error} />}
      {scope !== '*' && !own && (
        <p className="muted small" role="note">
          {t('support.followsBusiness')}
        </p>
      )}
      {scope !== '*' && own && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={clear.isPending}
            onClick={() => clear.mutate(scope)}
            data-testid="clear-hours"
          >
            {t('support.useBusinessHours')}
          </button>
        </div>
      )}
      {clear.error && <ErrorNotice error={clear.error} />}
      {hours.data && (
        <HoursEditor
          key={`${scope}:${own ? 'own' : 'business'}`}
          workspaceId={workspace.id}
          scope={scope}
          week={own?.week ?? whole?.week ?? {}}
          timeZone={own?.timeZone ?? branch?.timezone ?? whole?.timeZone ?? workspace.timezone}
        />
      )}
    </section>
  );
}

function Holidays() {
  const { t, i18n } = useTranslation();
  const { workspace } = useWorkspace();
  const holidays = useHolidays(workspace.id);
  const branches = useBranches(workspace.id);
  const add = useAddHoliday(workspace.id);
  const remove = useDeleteHoliday(workspace.id);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const v = formValues(form);
    add.mutate(
      { date: v.date ?? '', name: v.name ?? '', branchId: v.branchId || null },
      { onSuccess: () => form.reset() },
    );
  };
  const branchName = new Map((branches.data ?? []).map((b) => [b.id, b.name]));
  return (
    <section className="card" data-testid="holidays">
      <h2>{t('support.holidays')}</h2>
      <p className="muted small">{t('support.holidaysHint')}</p>
      <form className="filters" onSubmit={submit}>
        <label className="field">
          <span>{t('support.date')}</span>
          <input type="date" name="date" required />
        </label>
        <label className="field">
          <span>{t('support.holidayName')}</span>
          <input name="name" required maxLength={200} />
        </label>
        <label className="field">
          <span>{t('tickets.form.branch')}</span>
          <select name="branchId" defaultValue="">
            <option value="">{t('support.allBranches')}</option>
            {(branches.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={add.isPending}>
          {t('support.addHoliday')}
        </button>
      </form>
      {add.error && <ErrorNotice error={add.error} />}
      {holidays.data?.length === 0 && <p className="muted">{t('support.noHolidays')}</p>}
      {holidays.data && holidays.data.length > 0 && (
        <table>
          <tbody>
            {holidays.data.map((h) => (
              <tr key={h.id}>
                <td>
                  {formatDate(Date.parse(`${h.date}T12:00:00Z`), 'UTC', currentLanguage(i18n.language))}
                </td>
                <td>{h.name}</td>
                <td className="muted">
                  {h.branchId ? (branchName.get(h.branchId) ?? '') : t('support.allBranches')}
                </td>
                <td className="num">
                  <button type="button" className="secondary" onClick={() => remove.mutate(h.id)}>
                    {t('support.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Targets() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const targets = useTargets(workspace.id);
  const save = useSetTargets(workspace.id);
  const [saved, setSaved] = useState(false);
  if (!targets.data) return targets.error ? <ErrorNotice error={targets.error} /> : null;
  const current = targets.data;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const next = Object.fromEntries(
      PRIORITIES.map((p) => [
        p,
        Object.fromEntries(
          KINDS.map((k) => {
            const hours = Number(v[`${p}.${k}.hours`]);
            return [
              k,
              hours > 0
                ? {
                    minutes: Math.round(hours * 60),
                    clock: v[`${p}.${k}.clock`] === 'calendar' ? 'calendar' : 'business',
                  }
                : null,
            ];
          }),
        ),
      ]),
    ) as TargetPolicies;
    save.mutate(next, { onSuccess: () => setSaved(true) });
  };
  return (
    <section className="card" data-testid="targets">
      <h2>{t('support.targets')}</h2>
      <p className="muted small">{t('support.targetsHint')}</p>
      <form onSubmit={submit}>
        <table>
          <thead>
            <tr>
              <th>{t('tickets.priority')}</th>
              {KINDS.map((k) => (
                <th key={k}>{t(`tickets.targetOf.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PRIORITIES.map((p) => (
              <tr key={p}>
                <td>{t(`tickets.priorityOf.${p}`)}</td>
                {KINDS.map((k) => {
                  const policy = current[p][k];
                  const label = `${t(`tickets.priorityOf.${p}`)}, ${t(`tickets.targetOf.${k}`)}`;
                  return (
                    <td key={k}>
                      <span className="inline-field">
                        <input
                          type="number"
                          min={0}
                          step={0.25}
                          name={`${p}.${k}.hours`}
                          defaultValue={policy ? policy.minutes / 60 : 0}
                          aria-label={`${label}: ${t('support.hoursUnit')}`}
                          style={{ width: '5.5rem' }}
                        />
                        <span>{t('support.hoursUnit')}</span>
                        <select
                          name={`${p}.${k}.clock`}
                          defaultValue={policy?.clock ?? 'business'}
                          aria-label={`${label}: ${t('support.clock')}`}
                        >
                          <option value="business">{t('tickets.businessHours')}</option>
                          <option value="calendar">{t('tickets.calendar')}</option>
                        </select>
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {save.error && <ErrorNotice error={save.error} />}
        <div className="actions" style={{ marginTop: '0.5rem' }}>
          <button type="submit" disabled={save.isPending}>
            {t('support.saveTargets')}
          </button>
          {saved && <span role="status">{t('support.saved')}</span>}
        </div>
      </form>
    </section>
  );
}

function Webhook() {
  const { t } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const rotate = useRotateSecret(workspace.id);
  if (membership.role !== 'owner' && membership.role !== 'admin') return null;
  return (
    <section className="card" data-testid="webhook">
      <h2>{t('support.webhook')}</h2>
      <p className="muted small">{t('support.webhookHint')}</p>
      <button type="button" className="secondary" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {t('support.newSecret')}
      </button>
      {rotate.error && <ErrorNotice error={rotate.error} />}
      {rotate.data && (
        <div className="link-box" style={{ marginTop: '0.5rem' }}>
          <span>{t('support.webhookUrl')}</span>
          <code>{`${window.location.origin}${rotate.data.url}`}</code>
          <span>{t('support.secret')}</span>
          <code data-testid="webhook-secret">{rotate.data.secret}</code>
          <small className="muted">{t('support.secretOnce')}</small>
        </div>
      )}
    </section>
  );
}
