import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyOptions, timeZoneOptions, type INDONESIAN_ZONES } from './zones.ts';

const ZONE_NAMES = {
  'Asia/Jakarta': 'zones.wib',
  'Asia/Makassar': 'zones.wita',
  'Asia/Jayapura': 'zones.wit',
} as const satisfies Record<(typeof INDONESIAN_ZONES)[number], string>;
type ZoneName = (typeof ZONE_NAMES)[keyof typeof ZONE_NAMES];

interface Props {
  timezone: string;
  currency: string;
  onChange: (next: { timezone: string; currency: string }) => void;
  disabled?: boolean;
}

/** A zone as people in Indonesia say it, `WIB (Asia/Jakarta)`; any other zone by its name. */
export function useZoneLabel() {
  const { t } = useTranslation('settings');
  return (zone: string): string => {
    const key = ZONE_NAMES[zone as (typeof INDONESIAN_ZONES)[number]] as ZoneName | undefined;
    return key ? `${t(key)} (${zone})` : zone;
  };
}

/** The time zone and currency selects of a workspace or branch; WIB, WITA and WIT by their names. */
export function ZoneFields({ timezone, currency, onChange, disabled }: Props) {
  const { t } = useTranslation('settings');
  const zones = useMemo(() => timeZoneOptions(timezone), [timezone]);
  const currencies = useMemo(() => currencyOptions(currency), [currency]);
  const zoneLabel = useZoneLabel();
  return (
    <>
      <label className="field">
        <span>{t('fields.timezone')}</span>
        <select
          name="timezone"
          value={timezone}
          disabled={disabled}
          onChange={(event) => onChange({ timezone: event.target.value, currency })}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zoneLabel(zone)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fields.currency')}</span>
        <select
          name="currency"
          value={currency}
          disabled={disabled}
          onChange={(event) => onChange({ timezone, currency: event.target.value })}
        >
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code === 'IDR' ? `IDR · ${t('fields.rupiah')}` : code}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
