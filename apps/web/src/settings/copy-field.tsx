import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  /** Several lines (a code snippet) rather than one (a key, a link). */
  multiline?: boolean;
  testId?: string;
}

/** Text to hand over as it is: selectable, with a button that copies it. */
export function CopyField({ label, value, multiline = false, testId }: Props) {
  const { t } = useTranslation('settings');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Without clipboard access (plain http, an old browser) the text stays selectable by hand.
      setCopied(false);
    }
  };
  return (
    <div className="st-copy-field">
      <div className="st-copy-head">
        <span className="st-copy-label">{label}</span>
        <button type="button" className="secondary st-small-button" onClick={() => void copy()}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      {multiline ? (
        <pre className="st-code" data-testid={testId}>
          {value}
        </pre>
      ) : (
        <input
          className="st-code"
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </div>
  );
}
