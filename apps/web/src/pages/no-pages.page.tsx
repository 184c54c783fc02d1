import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { navigationFor, roleOf } from '../layout/navigation.ts';
import { useWorkspace } from '../layout/workspace-context.ts';

/** The workspace's index: the first page one's role may use, or a word on why there is none. */
export function WorkspaceIndexPage() {
  const { t } = useTranslation();
  const { membership } = useWorkspace();
  const first = navigationFor(membership.role)[0];
  if (first) return <Navigate to={first.path} replace />;
  const role = roleOf(membership.role);
  return (
    <section className="card">
      <h1>{t('noPages.title')}</h1>
      <p>{t('noPages.body', { role: role ? t(`roles.${role}`) : membership.role })}</p>
    </section>
  );
}
