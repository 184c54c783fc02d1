import { useTranslation } from 'react-i18next';

interface Props {
  text: string;
  onChange: (text: string) => void;
  readOnly: boolean;
  parseError: string | null;
}

/** The rule set as JSON, for whoever wants every detail at once; checked by the same server rules. */
export function RulesJson({ text, onChange, readOnly, parseError }: Props) {
  const { t } = useTranslation('settings');
  return (
    <section className="card">
      <h2>{t('rules.jsonTitle')}</h2>
      <p className="muted small">{t('rules.jsonLead')}</p>
      <textarea
        className="st-code st-json-editor"
        data-testid="rules-json"
        spellCheck={false}
        readOnly={readOnly}
        value={text}
        rows={28}
        onChange={(e) => onChange(e.target.value)}
      />
      {parseError && (
        <p role="alert" className="error">
          {t('rules.jsonInvalid', { message: parseError })}
        </p>
      )}
    </section>
  );
}
