import type { FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSetup, useSetupState } from '../api/auth.api.ts';
import { ErrorNotice } from './error-notice.tsx';
import { PublicFrame } from './public-frame.tsx';
import { TextField, formValues } from './text-field.tsx';

/** A fresh installation: the first owner and their business, then straight to the dashboard. */
export function FirstRunPage() {
  const { t } = useTranslation();
  const state = useSetupState();
  const setup = useSetup();
  const navigate = useNavigate();
  if (state.data?.ownerExists && !setup.isSuccess) return <Navigate to="/login" replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    setup.mutate(
      {
        name: v.name ?? '',
        email: v.email ?? '',
        password: v.password ?? '',
        workspaceName: v.workspaceName ?? '',
      },
      { onSuccess: () => void navigate('/', { replace: true }) },
    );
  };

  return (
    <PublicFrame title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} className="form">
        <TextField name="workspaceName" label={t('setup.workspaceName')} hint={t('setup.workspaceHint')} />
        <TextField name="name" label={t('setup.name')} autoComplete="name" />
        <TextField name="email" type="email" label={t('setup.email')} autoComplete="email" />
        <TextField
          name="password"
          type="password"
          label={t('setup.password')}
          hint={t('setup.passwordHint')}
          autoComplete="new-password"
          minLength={10}
        />
        {setup.error && <ErrorNotice error={setup.error} />}
        <button type="submit" disabled={setup.isPending}>
          {t('setup.submit')}
        </button>
      </form>
    </PublicFrame>
  );
}
