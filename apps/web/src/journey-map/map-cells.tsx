import type { MapAdvice, MapMeasure, MapStage } from '../api/journey-map.api.ts';
import type { MapLabels } from './use-map-labels.ts';

interface CellProps {
  stage: MapStage;
  labels: MapLabels;
}

/** A count with its unit, the number stressed. */
function Count({ value, text }: { value: string; text: string }) {
  return (
    <span className="map-count">
      <strong>{value}</strong> {text}
    </span>
  );
}

export function NowCell({ stage, labels: { t, format } }: CellProps) {
  const n = stage.now.customers;
  return <Count value={format.number(n)} text={t('customers', { count: n, formatted: '' }).trim()} />;
}

export function EnteredCell({ stage, labels: { t, format } }: CellProps) {
  const { count, perWeek } = stage.entered;
  return (
    <>
      <span className="map-big">{t('perWeek', { value: format.number(Math.round(perWeek * 10) / 10) })}</span>
      <span className="map-note">{t('inPeriod', { count, formatted: format.number(count) })}</span>
    </>
  );
}

export function MovedOnCell({ stage, labels: { t, format, stage: stageName } }: CellProps) {
  if (stage.next === null) return <span className="map-note">{t('lastStage')}</span>;
  if (stage.entered.count === 0) return <span className="map-note">{t('noEntries')}</span>;
  if (stage.movedOn === null) return <span className="map-note">{t('notCounted')}</span>;
  return (
    <>
      <span className="map-big">
        {t('movedOnTo', { share: format.share(stage.movedOn.share), next: stageName(stage.next) })}
      </span>
      <span className="map-note">
        {t('movedOnCount', {
          count: format.number(stage.movedOn.count),
          entered: format.number(stage.entered.count),
        })}
      </span>
    </>
  );
}

export function TimeCell({ stage, labels: { t, duration } }: CellProps) {
  if (stage.timeInStage === null) {
    return <span className="map-note">{t(stage.entered.count === 0 ? 'noEntries' : 'noneLeft')}</span>;
  }
  return <span className="map-big">{duration(stage.timeInStage.medianMs)}</span>;
}

export function TouchpointsCell({ stage, labels: { t, format, event } }: CellProps) {
  if (stage.touchpoints.length === 0) return <span className="map-note">{t('noEntries')}</span>;
  return (
    <ol className="map-list">
      {stage.touchpoints.map((tp) => (
        <li key={tp.name ?? 'clock'}>
          <span className="map-list-name">{event(tp.name)}</span>
          <span className="map-list-value">{format.number(tp.entries)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Views of the stage's content through tracked links (the content library). */
export function ContentCell({ stage, labels: { t, format } }: CellProps) {
  if (stage.content.views === 0) return <span className="map-note">{t('noContentViews')}</span>;
  return (
    <span className="map-value">
      {t('contentViews', {
        views: format.number(stage.content.views),
        customers: format.number(stage.content.customers),
      })}
    </span>
  );
}

export function ChannelsCell({ stage, labels: { t, format, channel } }: CellProps) {
  if (stage.channels.length === 0) return <span className="map-note">{t('noEntries')}</span>;
  const total = stage.entered.count;
  return (
    <ol className="map-list">
      {stage.channels.map((c) => (
        <li key={c.channel ?? 'clock'}>
          <span className="map-list-name">{channel(c.channel)}</span>
          <span className="map-list-value">{format.share(total > 0 ? c.entries / total : 0)}</span>
        </li>
      ))}
    </ol>
  );
}

function measureText(m: MapMeasure, { t, format }: MapLabels): string {
  const answers = format.number(m.answers);
  const count = m.answers;
  const average = format.number(Math.round(m.average * 10) / 10);
  switch (m.measure) {
    case 'rating':
      return t('measure.rating', { average, answers, count });
    case 'ces':
      return t('measure.ces', { average, answers, count });
    case 'nps': {
      const score = Math.round(((m.positive - m.negative) / m.answers) * 100);
      return t('measure.nps', { score: signed(score, format.number), answers, count });
    }
    case 'csat':
      return t('measure.csat', { score: format.share(m.positive / m.answers), answers, count });
  }
}

export function signed(value: number, formatNumber: (n: number) => string): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

export function SentimentCell({ stage, labels }: CellProps) {
  const { t, format } = labels;
  const s = stage.sentiment;
  if (s.net === null) return <span className="map-note">{t('sentimentEmpty')}</span>;
  const tone = s.net > 20 ? 'good' : s.net < 0 ? 'bad' : 'mixed';
  return (
    <>
      <span className={`map-big map-tone-${tone}`} title={t('netHint')}>
        {t('net', { net: signed(Math.round(s.net), format.number) })}
      </span>
      <span className="map-note">
        {t('signals', {
          count: s.signals,
          formatted: format.number(s.signals),
          positive: format.number(s.positive),
          negative: format.number(s.negative),
        })}
      </span>
      {s.measures.map((m) => (
        <span key={m.measure} className="map-note">
          {measureText(m, labels)}
        </span>
      ))}
    </>
  );
}

export function PainsCell({ stage, labels }: CellProps) {
  const { t, format, stage: stageName, event, branch, duration } = labels;
  const { dropOff, stuck, atRisk, negatives } = stage.pains;
  const items: { key: string; text: string; strong?: boolean }[] = [];
  if (dropOff !== null && dropOff.lost > 0) {
    items.push({
      key: 'drop',
      strong: true,
      text: t('pains.dropOff', {
        share: format.share(dropOff.share),
        next: stageName(dropOff.next),
        lost: t('customers', { count: dropOff.lost, formatted: format.number(dropOff.lost) }),
      }),
    });
  }
  if (stuck !== null && stuck.customers > 0) {
    items.push({
      key: 'stuck',
      text: t('pains.stuck', {
        customers: t('customers', {
          count: stuck.customers,
          formatted: format.number(stuck.customers),
        }),
        duration: duration(stuck.longerThanMs),
      }),
    });
  }
  if (atRisk > 0) {
    items.push({
      key: 'risk',
      text: t('pains.atRisk', {
        customers: t('customers', { count: atRisk, formatted: format.number(atRisk) }),
      }),
    });
  }
  if (negatives.total > 0) {
    const list = negatives.touchpoints.map((n) => `${event(n.name)} ${format.number(n.count)}`).join(', ');
    items.push({
      key: 'negatives',
      strong: true,
      text: t('pains.negatives', { count: negatives.total, formatted: format.number(negatives.total), list }),
    });
    // Only worth a line when some of them name a branch.
    if (negatives.branches.some((b) => b.branchId !== null)) {
      const branches = negatives.branches.map((b) => `${branch(b.branchId)} ${format.number(b.count)}`);
      items.push({ key: 'branches', text: t('pains.branches', { list: branches.join(', ') }) });
    }
  }
  if (items.length === 0) return <span className="map-note">{t('pains.none')}</span>;
  return (
    <ul className="map-pains">
      {items.map((item) => (
        <li key={item.key} className={item.strong ? 'strong' : undefined}>
          {item.text}
        </li>
      ))}
    </ul>
  );
}

/** The figures an advice sentence quotes, in words: shares as %, stage, channel, touchpoint, branch. */
function adviceValues(advice: MapAdvice, labels: MapLabels): Record<string, string> {
  const { t, format, stage, channel, event, branch } = labels;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(advice.facts)) {
    values[name] = typeof value === 'number' ? format.number(value) : value;
  }
  const facts = advice.facts;
  if (typeof facts.share === 'number') values.share = format.share(facts.share);
  if (typeof facts.next === 'string') values.next = stage(facts.next);
  values.channel =
    typeof facts.channel === 'string' && facts.channel !== '' ? channel(facts.channel) : t('anyChannel');
  if (typeof facts.touchpoint === 'string') values.touchpoint = event(facts.touchpoint);
  values.atBranch =
    typeof facts.branch === 'string' && facts.branch !== ''
      ? t('atBranch', { branch: branch(facts.branch) })
      : '';
  const count = (n: string | number | undefined) =>
    typeof n === 'number' ? t('customers', { count: n, formatted: format.number(n) }) : '';
  if (typeof facts.atRisk === 'number') values.atRisk = count(facts.atRisk);
  if (typeof facts.customers === 'number') values.customers = count(facts.customers);
  return values;
}

export function AdviceCell({ stage, labels }: CellProps) {
  const { t } = labels;
  if (stage.advice.length === 0) return <span className="map-note">{t('adviceNone')}</span>;
  return (
    <div className="map-advice-list">
      {stage.advice.map((advice) => (
        <article key={advice.key} className="map-advice" data-advice={advice.key}>
          <span className={`map-lever lever-${advice.lever}`}>{t(`lever.${advice.lever}`)}</span>
          <h3>{t(`advice.${advice.key}.title`)}</h3>
          <p>{t(`advice.${advice.key}.body`, { replace: adviceValues(advice, labels) })}</p>
        </article>
      ))}
    </div>
  );
}
