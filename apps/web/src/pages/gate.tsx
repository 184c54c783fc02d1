import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe, useSetupState, type Me } from '../api/auth.api.ts';
import { ErrorNotice } from './error-notice.tsx';

/**
 * Where a visitor belongs: the first-run page on a fresh installation, the sign-in page when nobody
 * is signed in, otherwise the page asked for (given the signed-in person).
 */
export function Gate({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const setup = useSetupState();
  const me = useMe();
  if (setup.error ?? me.error) return <ErrorNotice error={setup.error ?? me.error} />;
  if (setup.isPending || me.isPending) return <p className="loading">{t('app.loading')}</p>;
  if (!setup.data.ownerExists) return <Navigate to="/setup" replace />;
  if (me.data === null) return <Navigate to="/login" replace />;
  return <>{children(me.data)}</>;
}
