import { hexToRgb, type Rgb } from '../../../charts/boundaryImage';

/** The colours the inside views paint with, read once per theme from CSS variables. */
export interface ViewColours {
  neg: Rgb;
  mid: Rgb;
  pos: Rgb;
  negCss: string;
  posCss: string;
  fgCss: string;
  softCss: string;
  classes: Rgb[];
  classCss: string[];
}

/** Reads `--sign-neg`, `--sign-pos` (inside.css), `--bg`, `--fg` and the class palette at `el`. */
export function readColours(el: Element): ViewColours {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const classCss = [0, 1, 2, 3, 4, 5].map((i) => v(`--class-${i}`));
  return {
    neg: hexToRgb(v('--sign-neg')),
    mid: hexToRgb(v('--bg')),
    pos: hexToRgb(v('--sign-pos')),
    negCss: v('--sign-neg'),
    posCss: v('--sign-pos'),
    fgCss: v('--fg'),
    softCss: v('--fg-soft'),
    classes: classCss.map(hexToRgb),
    classCss,
  };
}
