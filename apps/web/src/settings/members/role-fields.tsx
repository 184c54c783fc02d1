import { useTranslation } from 'react-i18next';
import { ROLES, isBranchScoped, type Role } from '@jejak/core/roles';
import type { Branch } from '../../api/branches.api.ts';

interface Props {
  role: Role;
  branchIds: string[];
  branches: Branch[];
  /** Roles the one editing may not give (an admin cannot make an owner). */
  disabledRoles: readonly Role[];
  onChange: (next: { role: Role; branchIds: string[] }) => void;
  disabled?: boolean;
  testId: string;
}

/** A role, and for managers and cashiers the branches they work at. */
export function RoleFields({ role, branchIds, branches, disabledRoles, onChange, disabled, testId }: Props) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const open = branches.filter((b) => b.archivedAt === null);
  const toggle = (id: string, on: boolean) =>
    onChange({ role, branchIds: on ? [...branchIds, id] : branchIds.filter((b) => b !== id) });
  return (
    <div className="st-role-fields">
      <select
        aria-label={t('members.role')}
        data-testid={`${testId}-role`}
        value={role}
        disabled={disabled}
        onChange={(event) => {
          const next = event.target.value as Role;
          onChange({ role: next, branchIds: isBranchScoped(next) ? branchIds : [] });
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r} disabled={disabledRoles.includes(r) && r !== role}>
            {tc(`roles.${r}`)}
          </option>
        ))}
      </select>
      {isBranchScoped(role) && (
        <fieldset className="st-checks" disabled={disabled}>
          <legend className="small muted">{t('members.branchesOf')}</legend>
          {open.length === 0 && <span className="small muted">{t('members.noBranches')}</span>}
          {open.map((branch) => (
            <label key={branch.id} className="st-check">
              <input
                type="checkbox"
                checked={branchIds.includes(branch.id)}
                onChange={(event) => toggle(branch.id, event.target.checked)}
              />
              {branch.name}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
