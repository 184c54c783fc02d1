import { lazy, type ReactNode } from 'react';
import { Navigate, NavLink, Outlet, Route } from 'react-router';
import { useTranslation } from 'react-i18next';
import { settingsFor, type SettingsItem } from '../layout/navigation.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { AuditPage } from './audit/audit.page.tsx';
import { BranchesPage } from './branches/branches.page.tsx';
import { KeysPage } from './keys/keys.page.tsx';
import { MembersPage } from './members/members.page.tsx';
import { QuarantinePage } from './quarantine/quarantine.page.tsx';
import { WorkspaceSettingsPage } from './workspace/workspace-settings.page.tsx';
import './settings.css';

// The rules' preview draws a chart: ECharts loads with this page, not with every page of the app.
const RulesPage = lazy(() => import('./rules/rules.page.tsx').then((m) => ({ default: m.RulesPage })));

/** The settings section inside a workspace: a sub-navigation of the pages one's role can use. */
function SettingsLayout() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const context = useWorkspace();
  const items = settingsFor(context.membership.role);
  if (items.length === 0) return <Navigate to=".." replace />;
  return (
    <div className="st-settings">
      <nav className="st-subnav" aria-label={t('nav.label')} data-testid="settings-nav">
        <strong className="st-subnav-title">{tc('nav.settings')}</strong>
        {items.map((item) => (
          <NavLink key={item.key} to={item.path}>
            {t(`nav.${item.key}`)}
          </NavLink>
        ))}
      </nav>
      <div className="st-settings-page">
        <Outlet context={context} />
      </div>
    </div>
  );
}

/** A settings page, or the first one the role may use when it may not use this one. */
function Allowed({ page, children }: { page: SettingsItem['key']; children: ReactNode }) {
  const { membership } = useWorkspace();
  const items = settingsFor(membership.role);
  if (items.some((item) => item.key === page)) return <>{children}</>;
  return <Navigate to={`../${items[0]?.path ?? ''}`} replace />;
}

function FirstSetting() {
  const { membership } = useWorkspace();
  return <Navigate to={settingsFor(membership.role)[0]?.path ?? '..'} replace />;
}

const PAGES: Record<SettingsItem['key'], ReactNode> = {
  workspace: <WorkspaceSettingsPage />,
  branches: <BranchesPage />,
  members: <MembersPage />,
  keys: <KeysPage />,
  journey: <RulesPage />,
  quarantine: <QuarantinePage />,
  audit: <AuditPage />,
};

/** The route tree of the settings section, placed inside the workspace's routes. */
export const settingsRoute = (
  <Route path="settings" element={<SettingsLayout />}>
    <Route index element={<FirstSetting />} />
    {(Object.keys(PAGES) as SettingsItem['key'][]).map((key) => (
      <Route key={key} path={key} element={<Allowed page={key}>{PAGES[key]}</Allowed>} />
    ))}
    <Route path="*" element={<FirstSetting />} />
  </Route>
);
