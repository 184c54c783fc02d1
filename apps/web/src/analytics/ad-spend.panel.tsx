import { useState } from 'react';
import { CHANNELS } from '@jejak/core/channels';
import {
  useAdSpend,
  useDeleteAdSpend,
  useImportAdSpend,
  useSetAdSpend,
  type SpendImportResult,
} from '../api/attribution.api.ts';
import { formatMoney } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useAttributionTranslation, type AttributionKey } from './attribution-i18n.ts';
import { monthLabel } from './month-label.ts';

/** This month in the workspace's zone, `2026-11`. */
function thisMonth(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(Date.now());
}

/** Spend entry (one channel and month at a time), the spend entered, and the CSV import with its check. */
export function AdSpendPanel() {
  const { t, channel, i18n } = useAttributionTranslation();
  const { workspace } = useWorkspace();
  const language = currentLanguage(i18n.language);
  const spend = useAdSpend(workspace.id);
  const set = useSetAdSpend(workspace.id);
  const remove = useDeleteAdSpend(workspace.id);
  const [form, setForm] = useState({
    channel: 'ads',
    month: thisMonth(workspace.timezone),
    amount: '',
    campaign: '',
  });
  const amount = Number(form.amount.replace(/[.\s]/g, ''));
  const valid =
    form.amount.trim() !== '' &&
    Number.isSafeInteger(amount) &&
    amount >= 0 &&
    /^\d{4}-\d{2}$/.test(form.month);
  return (
    <section className="card" data-testid="ad-spend">
      <h2>{t('spendTitle')}</h2>
      <p className="muted small">{t('spendLead')}</p>
      <form
        className="cv-refit"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          set.mutate({
            channel: form.channel,
            month: form.month,
            amount,
            ...(form.campaign.trim() ? { campaign: form.campaign.trim() } : {}),
          });
        }}
      >
        <label className="field">
          {t('channel')}
          <select value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value })}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channel(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('month')}
          <input
            type="month"
            value={form.month}
            onChange={(e) => setForm({ ...form, month: e.target.value })}
            required
          />
        </label>
        <label className="field">
          {t('amount')}
          <input
            inputMode="numeric"
            value={form.amount}
            onChange={(e) => setForm({ ...form, amount: e.target.value })}
            placeholder="1.500.000"
            required
          />
        </label>
        <label className="field">
          {t('campaignOptional')}
          <input
            value={form.campaign}
            maxLength={200}
            onChange={(e) => setForm({ ...form, campaign: e.target.value })}
          />
        </label>
        <button type="submit" disabled={!valid || set.isPending}>
          {t('save')}
        </button>
      </form>
      {set.error && <ErrorNotice error={set.error} />}
      {set.isSuccess && <p role="status">{t('saved')}</p>}
      {spend.error && <ErrorNotice error={spend.error} />}
      {spend.data?.length === 0 && <p className="muted">{t('noSpend')}</p>}
      {spend.data && spend.data.length > 0 && (
        <div className="cv-table-wrap">
          <table data-testid="ad-spend-list">
            <thead>
              <tr>
                <th>{t('month')}</th>
                <th>{t('channel')}</th>
                <th>{t('campaign')}</th>
                <th className="num">{t('spend')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {spend.data.map((s) => (
                <tr key={`${s.month}|${s.channel}|${s.campaign}`}>
                  <td>{monthLabel(s.month, language)}</td>
                  <td>{channel(s.channel)}</td>
                  <td>{s.campaign || <span className="muted">{t('noCampaign')}</span>}</td>
                  <td className="num">{formatMoney(s.amount, workspace.currency, language)}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="secondary"
                      disabled={remove.isPending}
                      onClick={() =>
                        remove.mutate({ channel: s.channel, month: s.month, campaign: s.campaign })
                      }
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SpendImport />
    </section>
  );
}

function SpendImport() {
  const { t } = useAttributionTranslation();
  const { workspace } = useWorkspace();
  const run = useImportAdSpend(workspace.id);
  const [csv, setCsv] = useState('');
  const result = run.data;
  return (
    <div className="attr-import">
      <h3>{t('importTitle')}</h3>
      <p className="muted small">{t('importLead')}</p>
      <label className="field">
        {t('file')}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="ad-spend-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            run.reset();
            if (file) void file.text().then(setCsv);
          }}
        />
      </label>
      <div className="cv-refit">
        <button
          type="button"
          className="secondary"
          disabled={csv === '' || run.isPending}
          onClick={() => run.mutate({ csv, dryRun: true })}
        >
          {t('check')}
        </button>
        <button
          type="button"
          disabled={csv === '' || run.isPending}
          onClick={() => run.mutate({ csv, dryRun: false })}
        >
          {t('import')}
        </button>
      </div>
      {run.error && <ErrorNotice error={run.error} />}
      {result && <ImportOutcome result={result} />}
    </div>
  );
}

function ImportOutcome({ result }: { result: SpendImportResult }) {
  const { t } = useAttributionTranslation();
  const counts = { created: result.created, updated: result.updated, rejected: result.rejected.length };
  return (
    <div role="status" data-testid="ad-spend-import-result">
      <p>{result.dryRun ? t('checked', counts) : t('imported', counts)}</p>
      {result.rejected.length > 0 && (
        <ul className="small">
          {result.rejected.map((r) => (
            <li key={r.line}>
              {t('line', { line: r.line })}: {t(`problem.${r.code}` as AttributionKey, r.values)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
