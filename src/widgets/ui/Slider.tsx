import { useId, useState } from 'react';

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
  /**
   * Also offer a number box for typing an exact value (for a slider with thousands of
   * positions, where one pixel is many values). Its test id is `<testId>-box`.
   */
  box?: { label: string };
}

/**
 * A labelled native range input: arrow keys, Page Up/Down and Home/End work as in any
 * browser, the value is shown beside the label and announced through aria-valuetext.
 */
export function Slider({ label, value, min, max, step, onChange, format = String, testId, disabled, box }: SliderProps) {
  const id = useId();
  const text = format(value);
  return (
    <div className="field slider">
      {box ? (
        <div className="field-label">
          <label htmlFor={id}>{label}</label>
          <NumberBox label={`${label}: ${box.label}`} value={value} min={min} max={max} step={step} disabled={disabled} testId={testId && `${testId}-box`} onChange={onChange} />
        </div>
      ) : (
        <label className="field-label" htmlFor={id}>
          <span>{label}</span>
          <output className="field-value" htmlFor={id}>
            {text}
          </output>
        </label>
      )}
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

/**
 * A number box in step with a slider: a typed value is applied once it is a number within
 * min…max on the slider's step (Enter or leaving the box applies it too); anything else stays
 * in the box, marked invalid, until it is corrected or the box is left (then it shows the
 * current value again), so nothing half-typed ever reaches the settings.
 */
function NumberBox({ label, value, min, max, step, disabled, testId, onChange }: { label: string; value: number; min: number; max: number; step: number; disabled?: boolean; testId?: string; onChange: (v: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const valid = (s: string) => {
    const v = Number(s);
    return s.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && Math.abs((v - min) / step - Math.round((v - min) / step)) < 1e-9;
  };
  const shown = draft ?? String(value);
  return (
    <input
      className="slider-box"
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={step}
      value={shown}
      disabled={disabled}
      aria-label={label}
      aria-invalid={draft !== null && !valid(draft) ? true : undefined}
      data-testid={testId}
      onChange={(e) => {
        const s = e.currentTarget.value;
        if (valid(s)) {
          setDraft(null);
          if (Number(s) !== value) onChange(Number(s));
        } else setDraft(s);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
