import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  /** The question asked before acting, e.g. "Cabut kunci ini?" */
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
}

/** A button that asks once more, in place, before something that cannot be taken back. */
export function ConfirmButton({ label, question, onConfirm, disabled, testId }: Props) {
  const { t } = useTranslation('settings');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="secondary st-danger"
        disabled={disabled}
        data-testid={testId}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="st-confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="st-danger"
        data-testid={testId ? `${testId}-confirm` : undefined}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('common.yes')}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
