import { CHANNELS } from '@jejak/core/channels';
import { useTranslation } from 'react-i18next';
import type { JourneyFilter } from '../api/journey.api.ts';
import { useBranches } from '../api/sales.api.ts';
import { PeriodPicker } from './period-picker.tsx';
import type { FilterName } from './use-journey-filter.ts';
import type { usePeriod } from './use-period.ts';

interface Props {
  workspaceId: string;
  filter: JourneyFilter;
  setFilter: (name: FilterName, value: string | undefined) => void;
  clear: () => void;
  period: ReturnType<typeof usePeriod>;
}

/** The filter in words (`dari saluran Iklan di Kemang`), or '' when it keeps everyone. */
export function useFilterWords(workspaceId: string, filter: JourneyFilter): string {
  const { t } = useTranslation();
  const branches = useBranches(workspaceId);
  const branchName = branches.data?.find((b) => b.id === filter.branch)?.name ?? filter.branch;
  return [
    filter.channel ? t('filters.ofChannel', { channel: t(`channels.${filter.channel as 'ads'}`) }) : null,
    filter.branch ? t('filters.ofBranch', { branch: branchName }) : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
}

/** Branch, first channel and period: what every section of the overview and the journey map answers for. */
export function FilterBar({ workspaceId, filter, setFilter, clear, period }: Props) {
  const { t } = useTranslation();
  const branches = useBranches(workspaceId);
  const what = useFilterWords(workspaceId, filter);

  return (
    <section className="card filters" data-testid="filters" aria-label={t('filters.title')}>
      <div className="filter-row">
        <label className="inline-field">
          <span>{t('filters.branch')}</span>
          <select
            data-testid="filter-branch"
            value={filter.branch ?? ''}
            onChange={(e) => setFilter('branch', e.target.value || undefined)}
          >
            <option value="">{t('filters.allBranches')}</option>
            {(branches.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('filters.channel')}</span>
          <select
            data-testid="filter-channel"
            value={filter.channel ?? ''}
            onChange={(e) => setFilter('channel', e.target.value || undefined)}
          >
            <option value="">{t('filters.allChannels')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {what !== '' && (
          <button type="button" className="secondary" onClick={clear}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      <PeriodPicker
        period={period.period}
        valid={period.valid}
        onChange={period.setPeriod}
        onLastDays={period.setLastDays}
      />
      <p className="muted small">
        {what !== '' && <strong data-testid="filter-active">{t('filters.active', { what })} </strong>}
        {t('filters.hint')}
      </p>
    </section>
  );
}
