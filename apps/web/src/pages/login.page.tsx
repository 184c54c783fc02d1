import type { FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogin, useMe, useSetupState } from '../api/auth.api.ts';
import { ErrorNotice } from './error-notice.tsx';
import { PublicFrame } from './public-frame.tsx';
import { TextField, formValues } from './text-field.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const state = useSetupState();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  if (state.data?.ownerExists === false) return <Navigate to="/setup" replace />;
  if (me.data && !login.isPending) return <Navigate to="/" replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    login.mutate(
      { email: v.email ?? '', password: v.password ?? '' },
      { onSuccess: () => void navigate('/', { replace: true }) },
    );
  };

  return (
    <PublicFrame title={t('login.title')}>
      <form onSubmit={submit} className="form">
        <TextField name="email" type="email" label={t('login.email')} autoComplete="username" />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
        />
        {login.error && <ErrorNotice error={login.error} />}
        <button type="submit" disabled={login.isPending}>
          {t('login.submit')}
        </button>
      </form>
      <p className="muted small">{t('login.forgot')}</p>
    </PublicFrame>
  );
}
