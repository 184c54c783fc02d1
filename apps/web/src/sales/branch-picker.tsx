import { useTranslation } from 'react-i18next';
import type { Branch } from '../api/sales.api.ts';

/** Which outlet: a choice when one may work at several, the name alone otherwise. */
export function BranchPicker({
  branches,
  branch,
  choose,
}: {
  branches: Branch[];
  branch: Branch;
  choose: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (branches.length === 1) {
    return (
      <span className="muted" data-testid="branch">
        {t('sales.branch')}: <strong>{branch.name}</strong>
      </span>
    );
  }
  return (
    <label className="inline-field">
      <span>{t('sales.branch')}</span>
      <select value={branch.id} onChange={(e) => choose(e.target.value)} data-testid="branch">
        {branches.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
