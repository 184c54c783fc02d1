import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFilter } from '../api/customers.api.ts';
import type { StageCount } from '../api/journey.api.ts';
import { useStageLabel } from '../journey/stage-labels.ts';
import { useCustomerLabels } from './customer-labels.ts';

const STATUSES = ['new', 'active', 'at_risk', 'churned', 'won_back'] as const;
const TYPING_PAUSE_MS = 300;

interface Props {
  filter: CustomerFilter;
  stages: StageCount[];
  onChange: (next: CustomerFilter) => void;
}

/** Search as one types (after a short pause), and the stage and status to narrow the list to. */
export function CustomerFilters({ filter, stages, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  const stageLabel = useStageLabel(stages);
  const [text, setText] = useState(filter.search ?? '');
  const latest = useRef({ filter, onChange });
  latest.current = { filter, onChange };

  // The URL may change under the field (back, a link): the field follows it.
  useEffect(() => setText(filter.search ?? ''), [filter.search]);
  useEffect(() => {
    const search = text.trim() || undefined;
    if (search === latest.current.filter.search) return;
    const timer = setTimeout(
      () => latest.current.onChange({ ...latest.current.filter, search }),
      TYPING_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <label className="field grow">
        <span>{t('customers.list.search')}</span>
        <input
          type="search"
          data-testid="customer-search"
          value={text}
          placeholder={t('customers.list.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('table.stage')}</span>
        <select
          data-testid="stage-filter"
          value={filter.stage ?? ''}
          onChange={(e) => onChange({ ...filter, stage: e.target.value || undefined })}
        >
          <option value="">{t('customers.list.allStages')}</option>
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {stageLabel(s.key)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('table.status')}</span>
        <select
          data-testid="status-filter"
          value={filter.status ?? ''}
          onChange={(e) => onChange({ ...filter, status: e.target.value || undefined })}
        >
          <option value="">{t('customers.list.allStatuses')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {labels.status(status)}
            </option>
          ))}
        </select>
      </label>
      {(filter.search ?? filter.stage ?? filter.status) && (
        <button type="button" className="secondary" onClick={() => onChange({})}>
          {t('customers.list.clear')}
        </button>
      )}
    </form>
  );
}
