import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../api/auth.api.ts';
import type { Workspace } from '../api/workspace.api.ts';
import { navigationFor } from './navigation.ts';

interface Props {
  current: string;
  memberships: Membership[];
  workspaces: Workspace[];
}

/** Moves to the same page in another workspace when one's role there allows it, else to its first page. */
export function WorkspaceSwitch({ current, memberships, workspaces }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const page = pathname.split('/')[3] ?? '';
  const nameOf = (id: string) => workspaces.find((w) => w.id === id)?.name ?? id;

  const switchTo = (workspaceId: string) => {
    const role = memberships.find((m) => m.workspaceId === workspaceId)?.role ?? '';
    const pages = navigationFor(role).map((item) => item.path);
    const target = pages.includes(page) ? `${page}${search}` : (pages[0] ?? '');
    void navigate(`/w/${workspaceId}/${target}`);
  };

  return (
    <label className="inline-field">
      <span>{t('shell.workspace')}</span>
      <select data-testid="workspace" value={current} onChange={(event) => switchTo(event.target.value)}>
        {memberships.map((m) => (
          <option key={m.workspaceId} value={m.workspaceId}>
            {nameOf(m.workspaceId)}
          </option>
        ))}
      </select>
    </label>
  );
}
