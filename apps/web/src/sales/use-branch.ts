import { useSearchParams } from 'react-router';
import { useBranches, type Branch } from '../api/sales.api.ts';

const STORAGE_KEY = 'jejak.branch';

/**
 * The branch a sales page works on: the one in the URL (`?cabang=`), else the one chosen last on this
 * device, else the first the person may see. The API answers only the branches one works at.
 */
export function useBranchChoice(workspaceId: string) {
  const branches = useBranches(workspaceId);
  const [params, setParams] = useSearchParams();
  const list = branches.data ?? [];
  const wanted = params.get('cabang') ?? localStorage.getItem(`${STORAGE_KEY}.${workspaceId}`);
  const branch: Branch | undefined = list.find((b) => b.id === wanted) ?? list[0];
  const choose = (id: string) => {
    localStorage.setItem(`${STORAGE_KEY}.${workspaceId}`, id);
    setParams((p) => {
      p.set('cabang', id);
      return p;
    });
  };
  return { branches: list, branch, choose, loading: branches.isPending, error: branches.error };
}
