import { useId } from 'react';
import { Slider } from '../ui/Slider';
import { useLang } from '../../state/lang';
import { fromSlider, settingLabels, sliderRange, specOf, toSlider, useLabSettings, type NumberSpec, type SettingKey } from '../../state/labSettings';
import { labStrings } from './strings';

/** The data-testid of a setting's control: `lab-<key>` (the automation contract). */
export function controlTestId(key: SettingKey): string {
  return `lab-${key}`;
}

/**
 * One lab setting as a control, built from its schema entry: a native range input for numbers
 * (log-scaled when the schema says so), a select for choices. The limits come from the schema
 * only, so the URL and the controls can never disagree.
 */
export function SettingControl({ k, disabled, testId }: { k: SettingKey; disabled?: boolean; testId?: string }) {
  const lang = useLang((s) => s.lang);
  const value = useLabSettings((s) => s.settings[k]);
  const set = useLabSettings((s) => s.set);
  const spec = specOf(k);
  const label = settingLabels[lang][k];
  const id = useId();
  const s = labStrings[lang];
  if (spec.kind === 'enum') {
    const names = k === 'opt' ? s.optNames : k === 'sampling' ? s.samplingNames : k === 'view' ? s.viewNames : {};
    return (
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <select id={id} value={String(value)} disabled={disabled} data-testid={testId ?? controlTestId(k)} onChange={(e) => set({ [k]: e.currentTarget.value } as never)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {names[o] ?? o}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const num = spec as NumberSpec;
  const range = sliderRange(num);
  return (
    <Slider
      label={label}
      value={toSlider(num, value as number | 'max')}
      min={range.min}
      max={range.max}
      step={range.step}
      disabled={disabled}
      testId={testId ?? controlTestId(k)}
      format={(pos) => {
        const v = fromSlider(num, pos);
        if (v === 'max') return s.max;
        // show the stored value itself when it is not on a slider step (e.g. lr=0.5 from a URL)
        const shown = Math.abs(toSlider(num, value as number) - pos) < 1e-9 ? (value as number) : v;
        return String(shown);
      }}
      onChange={(pos) => set({ [k]: fromSlider(num, pos) } as never)}
    />
  );
}
