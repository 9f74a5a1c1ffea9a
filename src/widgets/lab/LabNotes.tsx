import { useStrings } from '../../app/i18n';
import { useColon } from '../../app/punctuation';
import { useLang } from '../../state/lang';
import { labCodec, useLabSettings } from '../../state/labSettings';
import type { LabSnapshot } from '../../lab/session';
import { runStrings } from './runStrings';
import type { UpstreamChange } from './useLabSession';

/**
 * The data the lab trains on, whose settings live in 1.4.1's dataset view (the seed is also the
 * lab's own slider): the reader sees them here without scrolling up, and where they changed.
 */
export function DataLine() {
  const s = useStrings(runStrings);
  const colon = useColon();
  const { seed, points, classes, noise } = useLabSettings((st) => st.settings);
  const d = labCodec.defaults;
  const elsewhere = points !== d.points || classes !== d.classes || noise !== d.noise;
  const book = !elsewhere && seed === d.seed;
  return (
    <p className="lab-data" data-testid="lab-data" data-changed={elsewhere ? 'true' : undefined}>
      <span className="lab-data-label">{s.data}{colon}</span>{s.dataValue(seed, points, classes, noise)}{' '}
      {book ? <span className="lab-data-book">{s.dataBook}</span> : elsewhere ? <a href="#spiral">— {s.dataWhere}</a> : null}
    </p>
  );
}

/** What changed outside the lab, while the lab waits idle with the new settings. */
export function UpstreamNotice({ changes }: { changes: UpstreamChange[] | null }) {
  const s = useStrings(runStrings);
  const lang = useLang((st) => st.lang);
  if (!changes) return null;
  const list = changes.map((c) => `${labCodec.label(c.key, lang)} ${c.from} → ${c.to}`).join(lang === 'ja' ? '、' : ', ');
  return (
    <div className="lab-waiting" role="status" data-testid="lab-upstream">
      <strong>{s.waitingTitle}</strong> <span>{s.waiting(list)}</span>
    </div>
  );
}

/** Under the loss chart: why it plots epoch means when the book's script would print nothing. */
export function LossNote({ snap, batch }: { snap: LabSnapshot | null; batch: number | undefined }) {
  const s = useStrings(runStrings);
  if (!snap || snap.lossKind !== 'epoch-mean' || batch === undefined) return null;
  return (
    <p className="loss-note" data-testid="lab-loss-note">
      {s.epochNote(batch, snap.itersPerEpoch)}
    </p>
  );
}
