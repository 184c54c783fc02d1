import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhereCondition, WhereOp } from '@jejak/core';
import { parseValue, valueText, WHERE_OPS } from './rules-draft.ts';

interface Props {
  conditions: WhereCondition[];
  onChange: (conditions: WhereCondition[]) => void;
}

/** Conditions on the event's properties: `rating` at least 4, `category` one of a list, ... */
export function WhereEditor({ conditions, onChange }: Props) {
  const { t } = useTranslation('settings');
  const set = (i: number, next: WhereCondition) => onChange(conditions.map((c, j) => (j === i ? next : c)));
  return (
    <div className="st-where">
      {conditions.map((condition, i) => (
        // Keyed by position and count: a removal remounts the rows, so each shows its own typed text.
        <WhereRow
          key={`${i}-${conditions.length}`}
          condition={condition}
          onChange={(next) => set(i, next)}
          onRemove={() => onChange(conditions.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        className="st-link-button"
        onClick={() => onChange([...conditions, { property: '', op: 'eq', value: '' }])}
      >
        + {t('rules.addCondition')}
      </button>
    </div>
  );
}

function WhereRow({
  condition,
  onChange,
  onRemove,
}: {
  condition: WhereCondition;
  onChange: (next: WhereCondition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('settings');
  const [text, setText] = useState(valueText(condition.value));
  const change = (op: WhereOp, value: string) => {
    const parsed = parseValue(op, value);
    const { value: _old, ...rest } = condition;
    onChange(parsed === undefined ? { ...rest, op } : { ...rest, op, value: parsed });
  };
  return (
    <div className="st-where-row">
      <input
        aria-label={t('rules.fields.property')}
        placeholder={t('rules.propertyPlaceholder')}
        value={condition.property}
        onChange={(e) => onChange({ ...condition, property: e.target.value })}
      />
      <select
        aria-label={t('rules.fields.op')}
        value={condition.op}
        onChange={(e) => change(e.target.value as WhereOp, text)}
      >
        {WHERE_OPS.map((op) => (
          <option key={op} value={op}>
            {t(`rules.ops.${op}`)}
          </option>
        ))}
      </select>
      {condition.op !== 'exists' && (
        <input
          aria-label={t('rules.fields.value')}
          placeholder={condition.op === 'in' ? t('rules.listPlaceholder') : t('rules.valuePlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            change(condition.op, e.target.value);
          }}
        />
      )}
      <button
        type="button"
        className="st-icon-button"
        aria-label={t('rules.removeCondition')}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}
