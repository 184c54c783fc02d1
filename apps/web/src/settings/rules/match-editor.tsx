import { useTranslation } from 'react-i18next';
import type { EventMatch, EventType } from '@jejak/core';
import { CHANNELS, type Channel } from '@jejak/core/channel';
import { EventNames } from './event-names.tsx';
import { eventNames, withEventNames } from './rules-draft.ts';
import { WhereEditor } from './where-editor.tsx';

const TYPES = [
  'track',
  'page',
  'screen',
  'identify',
  'group',
  'alias',
] as const satisfies readonly EventType[];
type Type = (typeof TYPES)[number];

interface Props {
  match: EventMatch;
  onChange: (match: EventMatch) => void;
  testId?: string;
}

/** Which events a rule reacts to: their names, and optionally their properties, kind and channel. */
export function MatchEditor({ match, onChange, testId }: Props) {
  const { t } = useTranslation('settings');
  const filters = (match.type?.length ?? 0) + (match.channel?.length ?? 0);
  const extras = (match.where?.length ?? 0) + filters;

  const setTypes = (values: Type[]) => {
    const { type: _old, ...rest } = match;
    onChange(values.length === 0 ? rest : { ...rest, type: values });
  };
  const setChannels = (values: Channel[]) => {
    const { channel: _old, ...rest } = match;
    onChange(values.length === 0 ? rest : { ...rest, channel: values });
  };

  return (
    <div className="st-match">
      <div className="field">
        <span>{t('rules.fields.event')}</span>
        <EventNames
          names={eventNames(match)}
          onChange={(names) => onChange(withEventNames(match, names))}
          testId={testId}
        />
      </div>
      <details className="st-extras" open={extras > 0}>
        <summary>
          {t('rules.extras')}
          {extras > 0 && <span className="st-badge">{extras}</span>}
        </summary>
        <div className="st-extras-body">
          <div className="field">
            <span>{t('rules.fields.where')}</span>
            <WhereEditor
              conditions={match.where ?? []}
              onChange={(where) => {
                const { where: _old, ...rest } = match;
                onChange(where.length === 0 ? rest : { ...rest, where });
              }}
            />
          </div>
          <details className="st-extras" open={filters > 0}>
            <summary>
              {t('rules.filters')}
              {filters > 0 && <span className="st-badge">{filters}</span>}
            </summary>
            <div className="st-extras-body">
              <fieldset className="st-checks">
                <legend>{t('rules.fields.type')}</legend>
                {TYPES.map((type) => (
                  <Check
                    key={type}
                    label={t(`rules.types.${type}`)}
                    checked={match.type?.includes(type) ?? false}
                    onChange={(on) => setTypes(toggle<Type>(match.type ?? [], type, on))}
                  />
                ))}
              </fieldset>
              <fieldset className="st-checks">
                <legend>{t('rules.fields.channel')}</legend>
                {CHANNELS.map((channel) => (
                  <Check
                    key={channel}
                    label={t(`channels.${channel}`)}
                    checked={match.channel?.includes(channel) ?? false}
                    onChange={(on) => setChannels(toggle<Channel>(match.channel ?? [], channel, on))}
                  />
                ))}
              </fieldset>
              <p className="muted small">{t('rules.extrasHint')}</p>
            </div>
          </details>
        </div>
      </details>
    </div>
  );
}

export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="st-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

export function toggle<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);
}
