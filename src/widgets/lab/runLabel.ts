/**
 * A run described in a few words, for the kept and pinned curves ("SGD lr=1 h=10 → 0.109, 97 %"):
 * the optimizer, learning rate and hidden size always, then whatever else differs from the
 * book's settings.
 */
import type { RunSettings } from '../../lab/protocol';
import type { Lang } from '../../state/lang';
import { labCodec } from '../../state/labSettings';

export function runLabel(r: RunSettings, lang: Lang): string {
  const d = labCodec.defaults;
  const t = r.train;
  const parts = [labCodec.label('opt', lang, t.opt), `lr=${t.lr}`, `h=${r.model.hidden}`];
  if (t.batch !== d.batch) parts.push(`batch=${t.batch}`);
  if (t.epochs !== d.epochs) parts.push(`epochs=${t.epochs}`);
  if (t.sampling !== d.sampling) parts.push(t.sampling);
  if (r.seed !== d.seed) parts.push(`seed=${r.seed}`);
  if (r.data.kind === 'spiral') {
    if (r.data.points !== d.points) parts.push(`points=${r.data.points}`);
    if (r.data.classes !== d.classes) parts.push(`classes=${r.data.classes}`);
    if (r.data.noise !== d.noise) parts.push(`noise=${r.data.noise}`);
  } else parts.push(`data=${r.data.kind}`);
  return parts.join(' ');
}

/** "→ 0.109, 97 %": the curve's last point and the training accuracy ("—" for what is not known yet). */
export function runResult(loss: number, accuracy: number): string {
  const l = Number.isFinite(loss) ? loss.toFixed(3) : '—';
  const a = Number.isFinite(accuracy) ? `${Math.round(accuracy * 100)} %` : '—';
  return `→ ${l}, ${a}`;
}
