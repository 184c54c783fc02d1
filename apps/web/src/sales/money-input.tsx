import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';

/** A whole-Rupiah field: `Rp` before it, digits grouped as they are typed (20.000), empty when nothing is. */
export function MoneyInput({
  value,
  onChange,
  label,
  testId,
  placeholder,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  label: string;
  testId?: string;
  placeholder?: string;
}) {
  const { i18n } = useTranslation();
  return (
    <span className="money-input">
      <span aria-hidden="true">Rp</span>
      <input
        type="text"
        inputMode="numeric"
        aria-label={label}
        data-testid={testId}
        placeholder={placeholder}
        value={value === null ? '' : formatNumber(value, currentLanguage(i18n.language))}
        onChange={(e) => {
          const digits = e.target.value.replace(/\D/g, '');
          onChange(digits === '' ? null : Math.min(Number(digits), 1_000_000_000_000));
        }}
      />
    </span>
  );
}
