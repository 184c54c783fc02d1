import { useTranslation } from 'react-i18next';
import { EVENT_CATALOGUE } from '@jejak/core/event-catalogue';
import { roleCan, type Permission } from '@jejak/core/roles';
import { roleOf } from '../layout/navigation.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { currentLanguage } from '../i18n/i18n.ts';

const STATUSES = ['new', 'active', 'at_risk', 'churned', 'won_back'] as const;
const CHANNELS = [
  'ads',
  'web',
  'app',
  'store',
  'whatsapp',
  'phone',
  'email',
  'chat',
  'social',
  'marketplace',
  'referral',
  'other',
] as const;
const KEY_KINDS = ['user_id', 'anonymous_id', 'phone', 'email'] as const;
const CAMPAIGN_FIELDS = ['source', 'medium', 'name', 'term', 'content'] as const;

// The names ingestion gives identify, group and alias calls (core's normalize-message).
const CALLS: Readonly<Record<string, 'identify' | 'group' | 'alias'>> = {
  Identified: 'identify',
  'Group Joined': 'group',
  Aliased: 'alias',
};

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Words for the values the API sends as keys: statuses, channels, identity kinds, campaign fields. */
export function useCustomerLabels() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return {
    status: (status: string) => (isOneOf(STATUSES, status) ? t(`statuses.${status}`) : status),
    channel: (channel: string) => (isOneOf(CHANNELS, channel) ? t(`customers.channels.${channel}`) : channel),
    keyKind: (kind: string) => (isOneOf(KEY_KINDS, kind) ? t(`customers.keyKinds.${kind}`) : kind),
    campaignField: (field: string) =>
      isOneOf(CAMPAIGN_FIELDS, field) ? t(`customers.campaignFields.${field}`) : field,
    /** A known event in a few words of the reader's language ("Pesanan selesai"); null for others. */
    event: (name: string): string | null => {
      const call = CALLS[name];
      if (call !== undefined) return t(`customers.calls.${call}`);
      const entry = EVENT_CATALOGUE.find((e) => e.name === name);
      // The catalogue explains each event for the rules editor; the part before its details names it.
      return entry ? (entry.description[language].split(/[(;]/)[0]?.trim() ?? null) : null;
    },
    customerName: (customer: { name: string | null }) => customer.name ?? t('customers.unnamed'),
  };
}

/** Whether one's role in this workspace holds a permission (actions a role cannot use are not shown). */
export function useCan(permission: Permission): boolean {
  const { membership } = useWorkspace();
  const role = roleOf(membership.role);
  return role !== undefined && roleCan(role, permission);
}

/** The campaign's fields in a fixed order, as "Sumber: instagram". */
export function campaignEntries(campaign: Record<string, string>): [string, string][] {
  return [
    ...CAMPAIGN_FIELDS.filter((f) => campaign[f] !== undefined).map((f): [string, string] => [
      f,
      campaign[f]!,
    ]),
    ...Object.entries(campaign).filter(([f]) => !isOneOf(CAMPAIGN_FIELDS, f)),
  ];
}
