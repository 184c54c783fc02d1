import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { messageFor } from '../pages/error-notice.tsx';

/** Refusals the settings pages can say in the reader's words, by the code the server gives. */
const KNOWN_CODES = ['last_owner', 'owner_only', 'invalid_rules', 'forbidden', 'not_found'] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/**
 * A failed change, said in the reader's language. A refused input (400) also shows the server's
 * own words, which name the field: the form checks what it can, the server has the last word.
 */
export function SettingsError({ error }: { error: unknown }) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  if (!(error instanceof ApiError))
    return (
      <p role="alert" className="error">
        {messageFor(error, tc)}
      </p>
    );
  if (isKnown(error.code)) {
    return (
      <p role="alert" className="error">
        {t(`errors.${error.code}`)}
      </p>
    );
  }
  if (error.status === 400 || error.status === 409) {
    return (
      <p role="alert" className="error">
        {t('errors.refused')} <span className="muted small">({error.message})</span>
      </p>
    );
  }
  return (
    <p role="alert" className="error">
      {messageFor(error, tc)}
    </p>
  );
}
