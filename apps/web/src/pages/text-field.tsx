interface Props {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  hint?: string;
  autoComplete?: string;
  minLength?: number;
}

export function TextField({ name, label, type = 'text', hint, autoComplete, minLength }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <input name={name} type={type} required autoComplete={autoComplete} minLength={minLength} />
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

/** The form's values by field name, as strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') values[key] = value;
  });
  return values;
}
