import { useOutletContext } from 'react-router';
import type { Membership } from '../api/auth.api.ts';
import type { Workspace } from '../api/workspace.api.ts';

/** What every page inside a workspace knows: the workspace (its time zone, its currency) and one's role. */
export interface WorkspaceContext {
  workspace: Workspace;
  membership: Membership;
}

export function useWorkspace(): WorkspaceContext {
  return useOutletContext<WorkspaceContext>();
}
