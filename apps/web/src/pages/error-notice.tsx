import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** A failure said in the reader's language; the server's own words are for the English reader. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {messageFor(error, t)}
    </p>
  );
}

// The default namespace's `t`: ReturnType<typeof useTranslation> would type it over every namespace.
type T = TFunction<'translation'>;

export function messageFor(error: unknown, t: T): string {
  if (!(error instanceof ApiError)) return t('errors.offline');
  if (error.code === 'link_expired') return t('errors.linkExpired');
  if (error.code === 'weak_password') return t('errors.weakPassword');
  if (error.status === 401) return t('errors.badCredentials');
  if (error.status === 429) return t('errors.tooMany');
  if (error.status === 409) return t('errors.ownerExists');
  return t('errors.generic');
}
