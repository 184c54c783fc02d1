import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/auth.api.ts';
import { navigationFor } from './navigation.ts';

/** The landing after sign-in: the first page one's role may use, in one's first workspace. */
export function HomeRedirect({ me }: { me: Me }) {
  const { t } = useTranslation();
  const first = me.memberships[0];
  if (!first) {
    return (
      <main className="public">
        <section className="card narrow">
          <h1>{t('noWorkspace.title')}</h1>
          <p>{t('noWorkspace.body')}</p>
        </section>
      </main>
    );
  }
  const page = navigationFor(first.role)[0]?.path ?? '';
  return <Navigate to={`/w/${first.workspaceId}/${page}`} replace />;
}
