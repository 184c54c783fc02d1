import { useState } from 'react';
import { Link } from 'react-router';
import { useRules } from '../api/rules.api.ts';
import {
  segmentCsvUrl,
  useDeleteSegment,
  usePreviewSegment,
  useSaveSegment,
  useSegmentMembers,
  useSegmentTrend,
  useSegments,
  type Segment,
} from '../api/segments.api.ts';
import { EChart } from '../charts/echart.tsx';
import { useCan } from '../customers/customer-labels.ts';
import { formatDate, formatNumber } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import {
  SegmentRuleBuilder,
  emptyDraft,
  toCondition,
  toDrafts,
  type Draft,
} from './segment-rule-builder.tsx';
import { useSegmentsTranslation } from './segments-i18n.ts';
import './customer-value.css';

interface Editing {
  id?: string;
  name: string;
  description: string;
  match: 'all' | 'any';
  drafts: Draft[];
  /** Set when the rules are edited as JSON (nested groups). */
  json: string | null;
}

const NEW: Editing = { name: '', description: '', match: 'all', drafts: [emptyDraft()], json: null };

/** Saved segments: the list with member counts and their trend, the rule editor with preview, members. */
export function SegmentsPage() {
  const { t, i18n } = useSegmentsTranslation();
  const language = currentLanguage(i18n.language);
  const { workspace } = useWorkspace();
  const canManage = useCan('analytics.manage');
  const segments = useSegments(workspace.id);
  const trend = useSegmentTrend(workspace.id, 90);
  const rules = useRules(workspace.id);
  const remove = useDeleteSegment(workspace.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [shown, setShown] = useState<Segment | null>(null);
  const stages = (rules.data?.rules.stages ?? []).map((s) => ({ key: s.key, label: s.label[language] }));

  const days = [...new Set((trend.data ?? []).map((r) => r.day))].sort();
  const option = segments.data &&
    days.length > 0 && {
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      xAxis: {
        type: 'category',
        data: days.map((d) => formatDate(Date.parse(`${d}T12:00:00Z`), 'UTC', language)),
      },
      yAxis: { type: 'value', name: t('segments.members'), minInterval: 1 },
      series: segments.data.map((s) => ({
        type: 'line',
        name: s.name,
        connectNulls: true,
        // One day of counts is one point: drawn large enough to see.
        symbolSize: 8,
        data: days.map((d) => trend.data?.find((r) => r.segmentId === s.id && r.day === d)?.members ?? null),
      })),
    };

  const edit = (s: Segment) => {
    const drafts = toDrafts(s.rules);
    setEditing({
      id: s.id,
      name: s.name,
      description: s.description,
      match: s.rules.match,
      drafts: drafts ?? [emptyDraft()],
      json: drafts ? null : JSON.stringify(s.rules, null, 2),
    });
  };

  return (
    <div className="page seg-page">
      <header className="page-head">
        <h1>{t('segments.title')}</h1>
        <p className="lead">{t('segments.lead')}</p>
        {canManage && !editing && (
          <button type="button" onClick={() => setEditing(NEW)} data-testid="seg-create">
            {t('segments.create')}
          </button>
        )}
      </header>
      {segments.error && <ErrorNotice error={segments.error} />}
      {editing && (
        <SegmentEditor
          key={editing.id ?? 'new'}
          initial={editing}
          stages={stages}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setShown(saved);
          }}
        />
      )}
      <section className="card">
        <h2>{t('segments.trend')}</h2>
        {option ? (
          <EChart option={option} height={260} label={t('segments.trend')} />
        ) : (
          <p className="muted">{t('segments.trendEmpty')}</p>
        )}
      </section>
      <section className="card">
        {segments.data && segments.data.length === 0 && <p className="muted">{t('segments.empty')}</p>}
        {segments.data && segments.data.length > 0 && (
          <div className="cv-table-wrap">
            <table data-testid="seg-list">
              <thead>
                <tr>
                  <th>{t('segments.name')}</th>
                  <th className="num">{t('segments.members')}</th>
                  <th>{t('segments.updated')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {segments.data.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <button type="button" className="seg-link" onClick={() => setShown(s)}>
                        {s.name}
                      </button>
                      {s.description && <div className="muted small">{s.description}</div>}
                    </td>
                    <td className="num">
                      {t('segments.membersCount', {
                        count: s.members,
                        value: formatNumber(s.members, language),
                      })}
                    </td>
                    <td>{formatDate(s.updatedAt, workspace.timezone, language)}</td>
                    <td>
                      {canManage && (
                        <>
                          <button type="button" className="secondary" onClick={() => edit(s)}>
                            {t('segments.edit')}
                          </button>{' '}
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => {
                              if (window.confirm(t('segments.confirmRemove', { name: s.name }))) {
                                remove.mutate(s.id);
                                if (shown?.id === s.id) setShown(null);
                              }
                            }}
                          >
                            {t('segments.remove')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {shown && <Members segment={shown} />}
    </div>
  );
}

function SegmentEditor({
  initial,
  stages,
  onDone,
}: {
  initial: Editing;
  stages: { key: string; label: string }[];
  onDone: (saved: Segment | null) => void;
}) {
  const { t, i18n } = useSegmentsTranslation();
  const language = currentLanguage(i18n.language);
  const { workspace } = useWorkspace();
  const [form, setForm] = useState(initial);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const preview = usePreviewSegment(workspace.id);
  const save = useSaveSegment(workspace.id);

  /** The rules to send; `ok: false` when the JSON typed does not parse (the message says why). */
  const rules = (): { ok: true; value: unknown } | { ok: false } => {
    if (form.json === null)
      return { ok: true, value: { match: form.match, conditions: form.drafts.map(toCondition) } };
    try {
      setJsonError(null);
      return { ok: true, value: JSON.parse(form.json) as unknown };
    } catch (error) {
      setJsonError(t('segments.invalidJson', { message: (error as Error).message }));
      return { ok: false };
    }
  };
  const update = (change: Partial<Editing>) => {
    setForm({ ...form, ...change });
    preview.reset();
  };

  return (
    <section className="card seg-editor" data-testid="seg-editor">
      <h2>{form.id ? t('segments.editor') : t('segments.editorNew')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const r = rules();
          if (!r.ok) return;
          save.mutate(
            {
              ...(form.id ? { id: form.id } : {}),
              name: form.name,
              description: form.description,
              rules: r.value,
            },
            { onSuccess: (saved) => onDone(saved) },
          );
        }}
      >
        <label className="field">
          {t('segments.name')}
          <input
            value={form.name}
            required
            maxLength={120}
            onChange={(e) => update({ name: e.target.value })}
          />
        </label>
        <label className="field">
          {t('segments.description')}
          <input
            value={form.description}
            maxLength={1000}
            onChange={(e) => update({ description: e.target.value })}
          />
        </label>
        {form.json === null ? (
          <>
            <label className="field">
              {t('segments.match')}
              <select value={form.match} onChange={(e) => update({ match: e.target.value as 'all' | 'any' })}>
                <option value="all">{t('segments.matchAll')}</option>
                <option value="any">{t('segments.matchAny')}</option>
              </select>
            </label>
            <SegmentRuleBuilder
              drafts={form.drafts}
              stages={stages}
              onChange={(drafts) => update({ drafts })}
            />
            <button
              type="button"
              className="seg-link"
              onClick={() =>
                update({
                  json: JSON.stringify(
                    { match: form.match, conditions: form.drafts.map(toCondition) },
                    null,
                    2,
                  ),
                })
              }
            >
              {t('segments.useJson')}
            </button>
          </>
        ) : (
          <>
            <label className="field">
              {t('segments.json')}
              <textarea rows={12} value={form.json} onChange={(e) => update({ json: e.target.value })} />
            </label>
            <button type="button" className="seg-link" onClick={() => update({ json: null })}>
              {t('segments.useBuilder')}
            </button>
          </>
        )}
        {jsonError && (
          <p role="alert" className="error">
            {jsonError}
          </p>
        )}
        {preview.error && <ErrorNotice error={preview.error} />}
        {save.error && <ErrorNotice error={save.error} />}
        {preview.data && (
          <p className="seg-preview" data-testid="seg-preview">
            <strong>
              {t('segments.previewCount', {
                count: preview.data.members,
                value: formatNumber(preview.data.members, language),
              })}
            </strong>
            {preview.data.sample.length > 0 && (
              <span className="muted">
                {' '}
                {t('segments.previewSample', {
                  names: preview.data.sample.map((s) => s.name ?? t('segments.unnamed')).join(', '),
                })}
              </span>
            )}
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              const r = rules();
              if (r.ok) preview.mutate(r.value);
            }}
          >
            {t('segments.preview')}
          </button>
          <button type="submit" disabled={save.isPending}>
            {t('segments.save')}
          </button>
          <button type="button" className="secondary" onClick={() => onDone(null)}>
            {t('segments.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Members({ segment }: { segment: Segment }) {
  const { t, i18n } = useSegmentsTranslation();
  const language = currentLanguage(i18n.language);
  const { workspace } = useWorkspace();
  const [offset, setOffset] = useState(0);
  const list = useSegmentMembers(workspace.id, segment.id, offset);
  return (
    <section className="card">
      <div className="cv-list-head">
        <h2>{t('segments.membersTitle', { name: segment.name })}</h2>
        <a href={segmentCsvUrl(workspace.id, segment.id)} download data-testid="seg-csv">
          {t('segments.csv')}
        </a>
      </div>
      {list.error && <ErrorNotice error={list.error} />}
      {list.data && (
        <div className="cv-table-wrap">
          <table data-testid="seg-members">
            <thead>
              <tr>
                <th>{t('segments.customer')}</th>
                <th>{t('segments.contact')}</th>
                <th>{t('segments.enteredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((m) => (
                <tr key={m.customerId}>
                  <td>
                    <Link to={`/w/${workspace.id}/customers/${m.customerId}`}>
                      {m.name ?? t('segments.unnamed')}
                    </Link>
                  </td>
                  <td>{m.phone ?? m.email ?? ''}</td>
                  <td>{formatDate(m.enteredAt, workspace.timezone, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.total > 50 && (
        <nav className="cv-pager">
          <button
            type="button"
            className="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(offset - 50)}
          >
            {t('segments.previous')}
          </button>
          <span>
            {t('segments.pageOf', {
              from: formatNumber(offset + 1, language),
              to: formatNumber(Math.min(offset + 50, list.data.total), language),
              total: formatNumber(list.data.total, language),
            })}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={offset + 50 >= list.data.total}
            onClick={() => setOffset(offset + 50)}
          >
            {t('segments.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
