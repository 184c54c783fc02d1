import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { tokenOfHash, useResetPassword } from '../api/auth.api.ts';
import { ErrorNotice } from './error-notice.tsx';
import { PublicFrame } from './public-frame.tsx';
import { TextField, formValues } from './text-field.tsx';

/** The page of the one-time link `jejak users reset-password` prints: a new password, then sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = tokenOfHash(useLocation().hash);
  const reset = useResetPassword();
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const differ = v.password !== v.confirm;
    setMismatch(differ);
    if (!differ) reset.mutate({ token, newPassword: v.password ?? '' });
  };

  return (
    <PublicFrame title={t('resetPassword.title')}>
      {token === '' ? (
        <p role="alert" className="error">
          {t('resetPassword.noToken')}
        </p>
      ) : reset.isSuccess ? (
        <>
          <p role="status">{t('resetPassword.done')}</p>
          <Link className="button" to="/login">
            {t('resetPassword.toLogin')}
          </Link>
        </>
      ) : (
        <>
          <p>{t('resetPassword.intro')}</p>
          <form onSubmit={submit} className="form">
            <TextField
              name="password"
              type="password"
              label={t('resetPassword.password')}
              hint={t('setup.passwordHint')}
              autoComplete="new-password"
              minLength={10}
            />
            <TextField
              name="confirm"
              type="password"
              label={t('resetPassword.confirm')}
              autoComplete="new-password"
              minLength={10}
            />
            {mismatch && (
              <p role="alert" className="error">
                {t('resetPassword.mismatch')}
              </p>
            )}
            {reset.error && <ErrorNotice error={reset.error} />}
            <button type="submit" disabled={reset.isPending}>
              {t('resetPassword.submit')}
            </button>
          </form>
        </>
      )}
    </PublicFrame>
  );
}
