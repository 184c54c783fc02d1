import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../api/keys.api.ts';
import type { Branch } from '../../api/branches.api.ts';
import type { Invitation, Member } from '../../api/members.api.ts';

/** The areas of the audit log, filtered by action prefix (`branch.` is every branch change). */
export const AUDIT_AREAS = [
  'workspace',
  'branch',
  'member',
  'invitation',
  'key',
  'journey',
  'customer',
  'order',
  'product',
  'stock',
  'sales',
  'ticket',
  'support',
  'survey',
] as const;

/**
 * An action in the reader's words. Modules add actions as they grow; one without words yet shows its
 * name (`order.void`), which still reads.
 */
export function useActionLabel() {
  const { t, i18n } = useTranslation('settings');
  return (action: string): string => {
    const key = `audit.actions.${action.replaceAll('.', '_')}`;
    return i18n.exists(key, { ns: 'settings' }) ? t(key as 'audit.actions.branch_create') : action;
  };
}

interface Known {
  branches: Branch[];
  members: Member[];
  keys: ApiKey[];
  invitations: Invitation[];
  workspaceName: string;
}

/** What an entry changed, by name when the page knows it (`branch:…` reads as the branch's name). */
export function useTargetLabel(known: Known) {
  const { t } = useTranslation('settings');
  return (target: string | null): string => {
    if (target === null) return '';
    const [kind = '', id = ''] = target.split(/:(.*)/s);
    switch (kind) {
      case 'branch':
        return t('audit.targets.branch', {
          name: known.branches.find((b) => b.id === id)?.name ?? id,
        });
      case 'user':
        return t('audit.targets.user', {
          name: known.members.find((m) => m.userId === id)?.name ?? id,
        });
      case 'key':
        return t('audit.targets.key', { name: known.keys.find((k) => k.id === id)?.name ?? id });
      case 'invitation':
        return t('audit.targets.invitation', {
          email: known.invitations.find((i) => i.id === id)?.email ?? id.slice(0, 8),
        });
      case 'workspace':
        return t('audit.targets.workspace', { name: known.workspaceName });
      case 'customer':
        return t('audit.targets.customer', { id: id.slice(0, 8) });
      default:
        return target;
    }
  };
}
