import { Navigate, NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, type Me } from '../api/auth.api.ts';
import { useWorkspaces } from '../api/workspace.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { navigationFor, roleOf } from './navigation.ts';
import { WorkspaceSwitch } from './workspace-switch.tsx';
import type { WorkspaceContext } from './workspace-context.ts';

/** The frame around every page inside a workspace: who, where, the pages one's role may open. */
export function AppShell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  const workspaces = useWorkspaces();
  const logout = useLogout();
  const navigate = useNavigate();
  const membership = me.memberships.find((m) => m.workspaceId === workspaceId);
  if (!membership) return <Navigate to="/" replace />;
  if (workspaces.error) return <ErrorNotice error={workspaces.error} />;
  const workspace = workspaces.data?.find((w) => w.id === workspaceId);
  if (!workspace) return <p className="loading">{t('app.loading')}</p>;

  const role = roleOf(membership.role);
  const context: WorkspaceContext = { workspace, membership };
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/login') });

  return (
    <div className="shell">
      <header className="topbar">
        <strong className="brand">{t('app.name')}</strong>
        <WorkspaceSwitch
          current={workspaceId}
          memberships={me.memberships}
          workspaces={workspaces.data ?? []}
        />
        <div className="spacer" />
        <LanguageSwitch />
        <span className="muted" data-testid="who">
          {t('shell.signedInAs', { name: me.user.name })} · {role ? t(`roles.${role}`) : membership.role}
        </span>
        <button type="button" className="secondary" onClick={signOut} data-testid="logout">
          {t('shell.logout')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('shell.mainNav')}>
        {navigationFor(membership.role).map((item) => (
          <NavLink key={item.key} to={`/w/${workspaceId}/${item.path}`}>
            {t(`nav.${item.key}`)}
          </NavLink>
        ))}
        <a href="/api/docs" className="external">
          {t('nav.apiDocs')}
        </a>
      </nav>
      <main className="content">
        <Outlet context={context} />
      </main>
    </div>
  );
}
