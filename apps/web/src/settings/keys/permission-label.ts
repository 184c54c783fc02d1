import { useTranslation } from 'react-i18next';

/**
 * A permission in the reader's words. Permissions come from the roles table in core, which grows
 * with the modules; one without words yet shows its name rather than breaking the page.
 */
export function usePermissionLabel() {
  const { t, i18n } = useTranslation('settings');
  return (permission: string): string => {
    if (permission === '*') return t('keys.allScopes');
    const key = `permissions.${permission.replace('.', '_')}`;
    return i18n.exists(key, { ns: 'settings' }) ? t(key as 'permissions.journey_read') : permission;
  };
}
