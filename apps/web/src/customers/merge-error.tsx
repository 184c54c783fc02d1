import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** A failed merge or undo in the reader's words; anything else as any other failure. */
export function MergeErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : undefined;
  const message =
    status === 409
      ? t('customers.merge.conflict')
      : status === 403
        ? t('customers.merge.forbidden')
        : status === 404
          ? t('customers.merge.notFound')
          : null;
  if (message === null) return <ErrorNotice error={error} />;
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}
