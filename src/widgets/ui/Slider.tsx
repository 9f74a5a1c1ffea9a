import { useId } from 'react';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** How the value is written beside the label and read out by screen readers. */
  format?: (value: number) => string;
  testId?: string;
  disabled?: boolean;
}

/**
 * A labelled native range input: arrow keys, Page Up/Down and Home/End work as in any
 * browser, the value is shown beside the label and announced through aria-valuetext.
 */
export function Slider({ label, value, min, max, step, onChange, format = String, testId, disabled }: SliderProps) {
  const id = useId();
  const text = format(value);
  return (
    <div className="field slider">
      <label className="field-label" htmlFor={id}>
        <span>{label}</span>
        <output className="field-value" htmlFor={id}>
          {text}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={text}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
    </div>
  );
}
