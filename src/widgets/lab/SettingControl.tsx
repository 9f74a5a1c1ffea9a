import { useId } from 'react';
import { Slider } from '../ui/Slider';
import { useLang } from '../../state/lang';
import { fromSlider, sliderRange, toSlider, type SettingsStore } from '../../state/settings';
import { labStrings } from './strings';

/** The data-testid of a setting's control: `lab-<prefix><key>` (the automation contract). */
export function controlTestId(key: string, prefix = ''): string {
  return `lab-${prefix}${key}`;
}

/** A slider with at least this many positions also gets a number box. */
const MANY_POSITIONS = 1000;

/**
 * One setting of a lab's store as a control, built from its schema entry: a native range input
 * for numbers (log-scaled when the schema says so), a select for choices, labelled from the
 * schema's label table. The limits come from the schema only, so the URL and the controls can
 * never disagree.
 */
export function SettingControl<S extends Record<string, number | string>>({ store, k, disabled, testId }: { store: SettingsStore<S>; k: keyof S & string; disabled?: boolean; testId?: string }) {
  const lang = useLang((s) => s.lang);
  const value = store((s) => s.settings[k]);
  const set = store((s) => s.set);
  const { codec } = store;
  const spec = codec.spec(k);
  const label = codec.label(k, lang);
  const id = useId();
  const tid = testId ?? controlTestId(k, codec.prefix);
  const patch = (v: number | string) => set({ [k]: v } as Partial<S>);
  if (spec.kind === 'enum') {
    return (
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <select id={id} value={String(value)} disabled={disabled} data-testid={tid} onChange={(e) => patch(e.currentTarget.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {codec.label(k, lang, o)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.kind === 'text') return null; // a text setting (the drawn points) has its own editor
  const range = sliderRange(spec);
  // a slider of thousands of values (epochs, seed) moves many values a pixel: add a number box
  const box = spec.kind === 'int' && spec.scale === 'linear' && !spec.allowMax && (spec.max - spec.min) / spec.step >= MANY_POSITIONS;
  return (
    <Slider
      label={label}
      value={toSlider(spec, value as number | 'max')}
      min={range.min}
      max={range.max}
      step={range.step}
      disabled={disabled}
      testId={tid}
      box={box ? { label: labStrings[lang].exactValue } : undefined}
      format={(pos) => {
        const v = fromSlider(spec, pos);
        if (v === 'max') return labStrings[lang].max;
        // show the stored value itself when it is not on a slider step (e.g. lr=0.5 from a URL)
        const shown = Math.abs(toSlider(spec, value as number) - pos) < 1e-9 ? (value as number) : v;
        return String(shown);
      }}
      onChange={(pos) => patch(fromSlider(spec, pos))}
    />
  );
}
