import { EVENT_CATALOGUE } from '@jejak/core/event-catalogue';
import { RFM_SEGMENTS } from '@jejak/core/rfm';
import {
  CONDITION_TYPES,
  COUNT_OPS,
  TRAIT_OPS,
  type ConditionType,
  type SegmentCondition,
  type SegmentRules,
} from '@jejak/core/segments';
import { useTranslation } from 'react-i18next';
import { useCustomerLabels } from '../customers/customer-labels.ts';
import { useSegmentsTranslation } from './segments-i18n.ts';

const STATUSES = ['new', 'active', 'at_risk', 'churned', 'won_back'] as const;

/** One condition as the form holds it: every field as typed, turned into a rule by `toCondition`. */
export interface Draft {
  type: ConditionType;
  trait: string;
  op: string;
  value: string;
  in: string[];
  event: string;
  property: string;
  days: string;
}

export function emptyDraft(type: ConditionType = 'event_count'): Draft {
  return {
    type,
    trait: '',
    op: type === 'trait' ? 'eq' : 'gte',
    value: type === 'trait' ? '' : '1',
    in: [],
    event: 'Order Completed',
    property: 'revenue',
    days: '30',
  };
}

/** The rule a draft stands for; the server validates it and names the field that is wrong. */
export function toCondition(d: Draft): unknown {
  const number = (v: string) => (v.trim() === '' ? v : Number(v));
  switch (d.type) {
    case 'trait':
      if (d.op === 'exists' || d.op === 'not_exists') return { type: d.type, trait: d.trait, op: d.op };
      return {
        type: d.type,
        trait: d.trait,
        op: d.op,
        value: ['gt', 'gte', 'lt', 'lte'].includes(d.op) ? number(d.value) : d.value,
      };
    case 'stage':
    case 'status':
    case 'rfm':
      return { type: d.type, in: d.in };
    case 'event_count':
      return { type: d.type, event: d.event, days: number(d.days), op: d.op, value: number(d.value) };
    case 'event_sum':
      return {
        type: d.type,
        event: d.event,
        property: d.property,
        days: number(d.days),
        op: d.op,
        value: number(d.value),
      };
    case 'negative_count':
      return { type: d.type, days: number(d.days), op: d.op, value: number(d.value) };
  }
}

/** Drafts of saved rules when they are flat (no nested group); null when only JSON can show them. */
export function toDrafts(rules: SegmentRules): Draft[] | null {
  const out: Draft[] = [];
  for (const c of rules.conditions) {
    if ('match' in c) return null;
    out.push(fromCondition(c));
  }
  return out;
}

function fromCondition(c: SegmentCondition): Draft {
  const d = emptyDraft(c.type);
  switch (c.type) {
    case 'trait':
      return { ...d, trait: c.trait, op: c.op, value: c.value === undefined ? '' : String(c.value) };
    case 'stage':
    case 'status':
    case 'rfm':
      return { ...d, in: [...c.in] };
    case 'event_count':
      return { ...d, event: c.event, days: String(c.days), op: c.op, value: String(c.value) };
    case 'event_sum':
      return {
        ...d,
        event: c.event,
        property: c.property,
        days: String(c.days),
        op: c.op,
        value: String(c.value),
      };
    case 'negative_count':
      return { ...d, days: String(c.days), op: c.op, value: String(c.value) };
  }
}

interface Props {
  drafts: Draft[];
  onChange: (drafts: Draft[]) => void;
  stages: { key: string; label: string }[];
}

/** The rule builder: one row per condition, its fields following its type. */
export function SegmentRuleBuilder({ drafts, onChange, stages }: Props) {
  const { t } = useSegmentsTranslation();
  const { t: ta } = useTranslation('analytics');
  const labels = useCustomerLabels();
  const set = (i: number, change: Partial<Draft>) =>
    onChange(drafts.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const choices = (d: Draft): { key: string; label: string }[] =>
    d.type === 'stage'
      ? stages
      : d.type === 'status'
        ? STATUSES.map((s) => ({ key: s, label: labels.status(s) }))
        : RFM_SEGMENTS.map((s) => ({ key: s, label: ta(`rfm.name.${s}`) }));
  return (
    <div className="seg-builder">
      <datalist id="seg-events">
        {EVENT_CATALOGUE.map((e) => (
          <option key={e.name} value={e.name} />
        ))}
      </datalist>
      {drafts.map((d, i) => (
        <fieldset key={i} className="seg-condition" data-testid="seg-condition">
          <legend>{t('segments.condition')}</legend>
          <select
            aria-label={t('segments.condition')}
            value={d.type}
            onChange={(e) => set(i, emptyDraft(e.target.value as ConditionType))}
          >
            {CONDITION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`segments.type.${type}`)}
              </option>
            ))}
          </select>
          {d.type === 'trait' && (
            <input
              aria-label={t('segments.trait')}
              placeholder={t('segments.trait')}
              value={d.trait}
              onChange={(e) => set(i, { trait: e.target.value })}
            />
          )}
          {(d.type === 'event_count' || d.type === 'event_sum') && (
            <input
              aria-label={t('segments.event')}
              list="seg-events"
              value={d.event}
              onChange={(e) => set(i, { event: e.target.value })}
            />
          )}
          {d.type === 'event_sum' && (
            <input
              aria-label={t('segments.property')}
              value={d.property}
              onChange={(e) => set(i, { property: e.target.value })}
            />
          )}
          {(d.type === 'stage' || d.type === 'status' || d.type === 'rfm') && (
            <span className="seg-choices" aria-label={t('segments.inList')}>
              {choices(d).map((c) => (
                <label key={c.key}>
                  <input
                    type="checkbox"
                    checked={d.in.includes(c.key)}
                    onChange={(e) =>
                      set(i, { in: e.target.checked ? [...d.in, c.key] : d.in.filter((k) => k !== c.key) })
                    }
                  />
                  {c.label}
                </label>
              ))}
            </span>
          )}
          {d.type !== 'stage' && d.type !== 'status' && d.type !== 'rfm' && (
            <select
              aria-label={t('segments.value')}
              value={d.op}
              onChange={(e) => set(i, { op: e.target.value })}
            >
              {(d.type === 'trait' ? TRAIT_OPS : COUNT_OPS).map((op) => (
                <option key={op} value={op}>
                  {t(`segments.op.${op}`)}
                </option>
              ))}
            </select>
          )}
          {d.type !== 'stage' &&
            d.type !== 'status' &&
            d.type !== 'rfm' &&
            d.op !== 'exists' &&
            d.op !== 'not_exists' && (
              <input
                aria-label={t('segments.value')}
                className="seg-value"
                value={d.value}
                inputMode={d.type === 'trait' ? 'text' : 'numeric'}
                onChange={(e) => set(i, { value: e.target.value })}
              />
            )}
          {(d.type === 'event_count' || d.type === 'event_sum' || d.type === 'negative_count') && (
            <label className="seg-days">
              <input
                aria-label={t('segments.daysLabel')}
                className="seg-value"
                inputMode="numeric"
                value={d.days}
                onChange={(e) => set(i, { days: e.target.value })}
              />{' '}
              {t('segments.daysUnit')}
            </label>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(drafts.filter((_, j) => j !== i))}
            disabled={drafts.length === 1}
          >
            {t('segments.removeCondition')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...drafts, emptyDraft()])}>
        {t('segments.addCondition')}
      </button>
    </div>
  );
}
