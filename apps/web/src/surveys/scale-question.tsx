import { useTranslation } from 'react-i18next';
import type { Question } from '../api/surveys.api.ts';

const SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7], rating: [1, 5] } as const;
type Scaled = keyof typeof SCALES;

/** A scale as a row of radio buttons in a fieldset: labelled, keyboard-friendly (arrow keys), big enough for a thumb. */
export function ScaleQuestion({
  question,
  label,
  value,
  onChange,
}: {
  question: Question & { type: Scaled };
  label: string;
  value: number | undefined;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation();
  const [min, max] = SCALES[question.type];
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const ends = {
    nps: [t('answer.notLikely'), t('answer.veryLikely')],
    csat: [t('answer.veryUnsatisfied'), t('answer.verySatisfied')],
    ces: [t('answer.veryHard'), t('answer.veryEasy')],
    rating: [t('answer.stars', { count: 1 }), t('answer.stars', { count: 5 })],
  }[question.type];
  return (
    <fieldset className="question">
      <legend>
        {label}{' '}
        <span className="muted small">
          ({question.required ? t('answer.required') : t('answer.optional')})
        </span>
      </legend>
      <div className={`scale scale-${values.length}`}>
        {values.map((v) => (
          <label key={v} className={value === v ? 'chosen' : undefined}>
            <input
              type="radio"
              name={question.key}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              aria-label={question.type === 'rating' ? t('answer.stars', { count: v }) : String(v)}
            />
            <span aria-hidden="true">{v}</span>
          </label>
        ))}
      </div>
      <div className="scale-ends small muted" aria-hidden="true">
        <span>{ends[0]}</span>
        <span>{ends[1]}</span>
      </div>
    </fieldset>
  );
}
