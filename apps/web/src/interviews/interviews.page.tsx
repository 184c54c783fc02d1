import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInterviews, useInterviewTags, type InterviewFilters } from '../api/interviews.api.ts';
import { useOverview } from '../api/journey.api.ts';
import { useMembers } from '../api/members.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { addDays, isDay, startOfDay } from '../format/zoned-day.ts';
import { useStageLabel } from '../journey/stage-labels.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { InterviewCard } from './interview-card.tsx';
import '../customers/customers.css';
import './interviews.css';

const KEYS = ['q', 'tag', 'stage', 'authorId', 'from', 'to'] as const;

/**
 * Every interview note of the workspace, searched and filtered in the URL (words, tag, stage, author,
 * a period of days in the workspace's zone); notes are added on the customer's page.
 */
export function InterviewsPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    // The page drew the URL again: its params are current.
    pending.current = null;
  }, [params]);
  const value = (key: (typeof KEYS)[number]) => params.get(key) ?? '';
  const zone = workspace.timezone;
  const fromDay = value('from');
  const toDay = value('to');
  const filters: Partial<InterviewFilters> = {
    q: value('q'),
    tag: value('tag'),
    stage: value('stage'),
    authorId: value('authorId'),
    from: isDay(fromDay) ? new Date(startOfDay(fromDay, zone)).toISOString() : '',
    to: isDay(toDay) ? new Date(startOfDay(addDays(toDay, 1), zone)).toISOString() : '',
  };
  const notes = useInterviews(workspace.id, filters);
  const tags = useInterviewTags(workspace.id);
  const members = useMembers(workspace.id);
  const canSeeMembers = useCan('members.read');
  const overview = useOverview(workspace.id);
  const stages = overview.data?.stages.map((s) => s.key) ?? [];
  const stageLabel = useStageLabel(overview.data?.stages);
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: (typeof KEYS)[number], next: string) => {
    // From what was last asked for, not this render's params: a tag picked right after the search was
    // cleared, before the page drew again, kept the old words (and showed nothing).
    const updated = new URLSearchParams(pending.current ?? params);
    if (next) updated.set(key, next);
    else updated.delete(key);
    pending.current = updated;
    setParams(updated, { replace: true });
  };
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('interviews.title')}</h1>
        <p className="lead">{t('interviews.lead')}</p>
      </header>
      <section className="card">
        <form
          className="filters"
          role="search"
          aria-label={t('interviews.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <input
            type="search"
            aria-label={t('interviews.search')}
            placeholder={t('interviews.search')}
            defaultValue={value('q')}
            onChange={(e) => set('q', e.target.value)}
            data-testid="interview-search"
          />
          <select
            aria-label={t('interviews.tags')}
            value={value('tag')}
            onChange={(e) => set('tag', e.target.value)}
          >
            <option value="">{t('interviews.allTags')}</option>
            {(tags.data ?? []).map((tag) => (
              <option key={tag.tag} value={tag.tag}>
                {`${tag.tag} (${tag.notes})`}
              </option>
            ))}
          </select>
          <select
            aria-label={t('interviews.stage')}
            value={value('stage')}
            onChange={(e) => set('stage', e.target.value)}
          >
            <option value="">{t('interviews.allStages')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
          {canSeeMembers && (
            <select
              aria-label={t('interviews.allAuthors')}
              value={value('authorId')}
              onChange={(e) => set('authorId', e.target.value)}
            >
              <option value="">{t('interviews.allAuthors')}</option>
              {(members.data ?? []).map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
          <label className="inline-field">
            <span>{t('interviews.from')}</span>
            <input type="date" value={fromDay} onChange={(e) => set('from', e.target.value)} />
          </label>
          <label className="inline-field">
            <span>{t('interviews.to')}</span>
            <input type="date" value={toDay} onChange={(e) => set('to', e.target.value)} />
          </label>
          {KEYS.some((k) => value(k) !== '') && (
            <button
              type="button"
              className="secondary"
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              {t('interviews.clear')}
            </button>
          )}
        </form>
        {notes.error && <ErrorNotice error={notes.error} />}
        {notes.data && (
          <p className="muted small" role="status">
            {items.length === 0 ? t('interviews.empty') : t('interviews.found', { count: items.length })}
          </p>
        )}
        <div className="interviews" data-testid="interviews">
          {items.map((note) => (
            <InterviewCard key={note.id} note={note} stages={stages} stageLabel={stageLabel} showCustomer />
          ))}
        </div>
        {notes.hasNextPage && (
          <button type="button" className="secondary" onClick={() => void notes.fetchNextPage()}>
            {t('interviews.more')}
          </button>
        )}
      </section>
    </div>
  );
}
