import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useSetSurveyStatus,
  useSurvey,
  useSurveyComments,
  useSurveyResults,
  type SurveyKind,
} from '../api/surveys.api.ts';
import { EChart } from '../charts/echart.tsx';
import { useDateTime } from '../format/date-time.ts';
import { formatDate } from '../format/format.ts';
import { useFormat } from '../format/use-format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { distributionOption, trendOption } from './survey-charts.ts';
import { SurveyShare } from './survey-share.tsx';

const DAY = 86_400_000;

function groupOf(kind: Exclude<SurveyKind, 'custom'>, value: number): 'positive' | 'neutral' | 'negative' {
  if (kind === 'nps') return value >= 9 ? 'positive' : value >= 7 ? 'neutral' : 'negative';
  if (kind === 'csat') return value >= 4 ? 'positive' : value === 3 ? 'neutral' : 'negative';
  return value >= 5 ? 'positive' : value === 4 ? 'neutral' : 'negative';
}

/** A survey's results over the last 90 days: score by its convention, trend, distribution, response rate, comments. */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { surveyId = '' } = useParams();
  const { workspace, membership } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const dateTime = useDateTime(workspace.timezone);
  const language = currentLanguage(i18n.language);
  // The period is fixed at the page's first render, so the query key stays stable.
  const [from, to] = useMemo(() => {
    const end = Math.ceil(Date.now() / 60_000) * 60_000;
    return [end - 90 * DAY, end];
  }, []);
  const survey = useSurvey(workspace.id, surveyId);
  const results = useSurveyResults(workspace.id, surveyId, from, to);
  const comments = useSurveyComments(workspace.id, surveyId);
  const setStatus = useSetSurveyStatus(workspace.id, surveyId);
  const canManage = membership.role === 'owner' || membership.role === 'admin';
  const error = survey.error ?? results.error;
  if (error) return <ErrorNotice error={error} />;
  if (!survey.data || !results.data) return <p className="loading">{t('app.loading')}</p>;
  const s = survey.data;
  const r = results.data;
  const kind = s.kind;
  const rate = (value: number | null) => (value === null ? t('results.noRate') : format.share(value));
  const scoreText = (score: number | null) =>
    score === null ? '—' : kind === 'csat' ? `${format.number(score)}%` : format.number(score);
  const dayLabel = (date: string) => formatDate(Date.parse(`${date}T12:00:00Z`), 'UTC', language);

  return (
    <div className="page">
      <header className="page-head">
        <Link to={`/w/${workspace.id}/surveys`}>← {t('surveys.title')}</Link>
        <h1>{s.name}</h1>
        <p className="lead">
          {t(`surveys.kindOf.${kind}`)} · {t(`surveys.statusOf.${s.status}`)} · {t('results.last90')}
        </p>
        {canManage && (
          <div>
            <button
              type="button"
              className="secondary"
              onClick={() => setStatus.mutate(s.status === 'active' ? 'closed' : 'active')}
            >
              {s.status === 'active' ? t('results.closeSurvey') : t('results.reopenSurvey')}
            </button>
          </div>
        )}
      </header>
      {kind !== 'custom' && r.summary && (
        <div className="two-columns">
          <section className="card" data-testid="score">
            <h2>{t('results.score')}</h2>
            <div className="score-big">{scoreText(r.summary.score)}</div>
            <p className="muted">
              {t('results.responses', {
                count: r.summary.responses,
                formatted: format.number(r.summary.responses),
              })}
            </p>
            <p className="small">{t(`results.convention.${kind}`)}</p>
            <dl className="dl">
              {(['positive', 'neutral', 'negative'] as const).map((g) => (
                <div key={g} style={{ display: 'contents' }}>
                  <dt>{t(`results.groups.${kind}.${g}`)}</dt>
                  <dd>
                    {format.number(r.summary!.groups[g])}
                    {r.summary!.responses > 0 &&
                      ` (${format.share(r.summary!.groups[g] / r.summary!.responses)})`}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="card" data-testid="reach">
            <h2>{t('results.reach')}</h2>
            <p>
              {t('results.personal', {
                answered: format.number(r.reach.personalResponses),
                sent: format.number(r.reach.linksSent),
                rate: rate(r.reach.personalRate),
              })}
            </p>
            <p>
              {t('results.general', {
                answered: format.number(r.reach.generalResponses),
                views: format.number(r.reach.generalViews),
                rate: rate(r.reach.generalRate),
              })}
            </p>
          </section>
        </div>
      )}
      {kind !== 'custom' && r.summary && r.summary.responses === 0 && (
        <section className="card">
          <p className="muted">{t('results.noAnswers')}</p>
        </section>
      )}
      {kind !== 'custom' && r.summary && r.summary.responses > 0 && (
        <div className="two-columns">
          <section className="card">
            <h2>{t('results.trend')}</h2>
            <p className="muted small">{t(`results.bucketOf.${r.bucket}`)}</p>
            <EChart
              option={trendOption(r.trend, dayLabel, kind === 'csat' ? '%' : '')}
              height={240}
              label={t('results.trend')}
            />
          </section>
          <section className="card">
            <h2>{t('results.distribution')}</h2>
            <EChart
              option={distributionOption(
                r.summary.distribution.map((d) => ({ ...d, group: groupOf(kind, d.value) })),
                t('results.count'),
              )}
              height={200}
              label={t('results.distribution')}
            />
            <table>
              <thead>
                <tr>
                  <th>{t('results.value')}</th>
                  <th className="num">{t('results.count')}</th>
                </tr>
              </thead>
              <tbody>
                {r.summary.distribution.map((d) => (
                  <tr key={d.value}>
                    <td>{d.value}</td>
                    <td className="num">{format.number(d.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
      {r.choices.length > 0 && (
        <section className="card">
          <h2>{t('results.choices')}</h2>
          {r.choices.map((c) => {
            const q = s.questions.find((x) => x.key === c.question);
            return (
              <table key={c.question}>
                <caption className="muted small">{q ? q.label[language] || q.label.id : c.question}</caption>
                <tbody>
                  {c.counts.map((n, i) => (
                    <tr key={i}>
                      <td>{q?.options?.[i]?.[language] ?? i}</td>
                      <td className="num">{format.number(n)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </section>
      )}
      <div className="two-columns">
        <section className="card" data-testid="comments">
          <h2>{t('results.comments')}</h2>
          {comments.data?.length === 0 && <p className="muted">{t('results.noComments')}</p>}
          <div className="messages">
            {(comments.data ?? []).map((c) => (
              <article key={c.id} className="message customer">
                <header>
                  <strong>
                    {c.customerName ?? t('results.anonymous')}
                    {c.score !== null && ` · ${t('results.scoreOf', { score: c.score })}`}
                  </strong>
                  <span>
                    {t(`results.via.${c.via}`)} · {dateTime(c.submittedAt)}
                  </span>
                </header>
                {c.comment}
              </article>
            ))}
          </div>
        </section>
        <SurveyShare workspaceId={workspace.id} survey={s} canManage={canManage} />
      </div>
    </div>
  );
}
