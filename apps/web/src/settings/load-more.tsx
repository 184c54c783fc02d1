import { useTranslation } from 'react-i18next';

interface Paged {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Below a newest-first list: how many are shown, and a button for the next page while there is one. */
export function LoadMore({ query, shown }: { query: Paged; shown: number }) {
  const { t } = useTranslation('settings');
  if (shown === 0) return null;
  return (
    <div className="st-load-more">
      <span className="muted small">{t('common.shown', { count: shown })}</span>
      {query.hasNextPage && (
        <button
          type="button"
          className="secondary"
          data-testid="load-more"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
