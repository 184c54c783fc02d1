import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_CATALOGUE } from '@jejak/core/event-catalogue';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ANY_EVENT } from './rules-draft.ts';

export const EVENT_LIST_ID = 'jejak-event-names';

/** The event names the default rules know, offered as the owner types (any other name works too). */
export function EventNameList() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (
    <datalist id={EVENT_LIST_ID}>
      {EVENT_CATALOGUE.map((entry) => (
        <option key={entry.name} value={entry.name}>
          {entry.description[language]}
        </option>
      ))}
      <option value={ANY_EVENT} />
    </datalist>
  );
}

interface Props {
  names: string[];
  onChange: (names: string[]) => void;
  testId?: string;
}

/** Event names as chips: each removable, a new one typed (with suggestions) and added with Enter. */
export function EventNames({ names, onChange, testId }: Props) {
  const { t, i18n } = useTranslation('settings');
  const language = currentLanguage(i18n.language);
  const [typed, setTyped] = useState('');
  const add = () => {
    const name = typed.trim();
    if (name !== '' && !names.includes(name)) onChange([...names, name]);
    setTyped('');
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  const describe = (name: string) =>
    EVENT_CATALOGUE.find((entry) => entry.name === name)?.description[language] ?? '';

  return (
    <div className="st-chips" data-testid={testId}>
      {names.map((name) => (
        <span key={name} className="st-chip" title={describe(name)} data-testid="event-chip">
          {name === ANY_EVENT ? t('rules.anyEvent') : name}
          <button
            type="button"
            className="st-chip-remove"
            aria-label={t('rules.removeEvent', { name })}
            onClick={() => onChange(names.filter((n) => n !== name))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        className="st-chip-input"
        list={EVENT_LIST_ID}
        value={typed}
        aria-label={t('rules.addEvent')}
        placeholder={t('rules.addEventPlaceholder')}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={onKey}
        onBlur={add}
      />
    </div>
  );
}
