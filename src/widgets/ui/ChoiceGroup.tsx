import { useId } from 'react';

interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
}

/** A labelled group of native radio buttons drawn as a segmented control (arrow keys move the choice). */
export function ChoiceGroup<T extends string>({ label, value, options, onChange, testId }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="choice-group" data-testid={testId}>
      <legend className="field-label">{label}</legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'on' : undefined}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
