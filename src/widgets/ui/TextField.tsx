import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** A message under the field when what was typed can't be read (aria-invalid is set). */
  error?: string;
  placeholder?: string;
  testId?: string;
  /** Width in characters. */
  size?: number;
}

/** A labelled one-line text field for arrays and shapes, with its error announced to screen readers. */
export function TextField({ label, value, onChange, error, placeholder, testId, size = 18 }: Props) {
  const id = useId();
  return (
    <div className="field text-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        className="mono-input"
        value={value}
        size={size}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {error && (
        <div id={`${id}-err`} className="field-error" role="status">
          {error}
        </div>
      )}
    </div>
  );
}
