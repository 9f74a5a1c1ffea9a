import { useId, useMemo, useRef, useState } from 'react';
import { useStrings } from '../../../app/i18n';
import { useLang } from '../../../state/lang';
import type { PointSet } from '../../../nn/datasets';
import { DRAWN_LIMITS as L, useLabSettings } from '../../../state/labSettings';
import { countPerClass, decodePoints, encodePoints, pointsFromJson, pointsProblem, pointsProblemText, pointsToJson, PointsError } from '../../../state/pointsCodec';
import { emptySet, withClasses } from '../../../state/pointsEdit';
import { saveFile } from '../../ui/saveFile';
import { DrawPad, Mark } from './DrawPad';
import { drawStrings } from './strings';
import '../../ui/controls.css';
import './own-data.css';

/** Largest JSON file read (2,000 points are ~60 KB; anything far larger is not a point set). */
const MAX_FILE_BYTES = 1 << 20;

/**
 * The reader's own data (§1.4.1): a drawing area, the class to add, more or fewer classes, clear,
 * and sharing — a link when the set fits a URL, a JSON file otherwise (and to load one). Edits
 * go to a draft; every draft the lab can train on (all limits met) becomes the lab's data at
 * once, so the lab retrains as the reader draws. A draft it cannot train on yet (a class without
 * points) gets a note and leaves the lab on the last usable set.
 */
export function OwnData() {
  const s = useStrings(drawStrings);
  const lang = useLang((x) => x.lang);
  const pts = useLabSettings((x) => x.settings.pts);
  const setSettings = useLabSettings((x) => x.set);
  const committed = useMemo(() => safeDecode(pts), [pts]);
  const [draft, setDraft] = useState<PointSet>(() => committed ?? emptySet(3));
  const [active, setActive] = useState(0);
  const [note, setNote] = useState<{ text: string; kind: 'limit' | 'ok' | 'error' } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const fileId = useId();

  // The committed set changed elsewhere (a file, the URL, the store): show it (React's
  // "adjust state when a prop changes" pattern, during render rather than in an effect).
  const [seen, setSeen] = useState(pts);
  if (pts !== seen) {
    setSeen(pts);
    if (committed && pts !== safeEncode(draft)) setDraft(committed);
  }

  const per = countPerClass(draft) ?? [];
  const empty = per.indexOf(0);
  const code = useMemo(() => safeEncode(draft), [draft]);

  // The batch must fit the data. While the reader draws, the set shrinks and grows: the batch
  // follows it down and back up to the size the reader chose (not a ratchet to the smallest).
  const chosenBatch = useRef<number | null>(null);
  const fittedBatch = useRef<number | null>(null);
  const edit = (next: PointSet) => {
    setDraft(next);
    setNote(null);
    setLink(null);
    if (pointsProblem(next, L)) return;
    const { batch } = useLabSettings.getState().settings;
    if (fittedBatch.current === null || batch !== fittedBatch.current) chosenBatch.current = batch; // the reader's own
    const fitted = Math.min(chosenBatch.current ?? batch, next.labels.length);
    fittedBatch.current = fitted;
    setSettings({ data: 'drawn', pts: encodePoints(next, L), batch: fitted });
  };
  const setClasses = (c: number) => {
    if (c < L.minClasses || c > L.maxClasses) return setNote({ text: s.limitClasses(L.minClasses, L.maxClasses), kind: 'limit' });
    edit(withClasses(draft, c));
    if (active >= c) setActive(c - 1);
  };
  const share = async () => {
    if (!code || code.length > L.maxUrlChars) return;
    const url = window.location.href; // the store has written the set into the address
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setNote({ text: s.shareDone, kind: 'ok' });
    } catch {
      setNote({ text: s.shareManual, kind: 'ok' }); // no clipboard access: the field below is selectable
    }
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    try {
      if (file.size > MAX_FILE_BYTES) throw new PointsError('too-many', `${file.size} bytes`);
      const set = pointsFromJson(await file.text(), L);
      edit(set);
      setActive(0);
      setNote({ text: s.uploadOk(set.labels.length), kind: 'ok' });
    } catch (e) {
      const why = e instanceof PointsError ? pointsProblemText(e.reason, lang) : String(e);
      setNote({ text: s.uploadBad(why), kind: 'error' });
    }
  };

  const full = draft.labels.length >= L.maxPoints;
  const tooLong = code !== null && code.length > L.maxUrlChars;
  return (
    <div className="own-data" data-testid="own-data" data-n={draft.labels.length} data-classes={draft.classes} data-committed={committed ? committed.labels.length : 0}>
      <div className="own-data-tools">
        <fieldset className="choice-group" data-testid="draw-class">
          <legend className="field-label">{s.classPick}</legend>
          <div className="choice-options">
            {per.map((n, k) => (
              <label key={k} className={k === active ? 'on' : undefined}>
                <input type="radio" name={`${fileId}-class`} value={k} checked={k === active} onChange={() => setActive(k)} />
                <span>
                  <svg className="class-swatch" viewBox="-1 -1 2 2" aria-hidden="true">
                    <g transform="scale(1, -1)"><Mark x={0} y={0} r={0.6} k={k % 6} /></g>
                  </svg>
                  {s.classOption(k, n)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="own-data-buttons">
          <button type="button" onClick={() => setClasses(draft.classes - 1)} disabled={draft.classes <= L.minClasses} data-testid="draw-fewer">
            {s.fewerClasses}
          </button>
          <button type="button" onClick={() => setClasses(draft.classes + 1)} disabled={draft.classes >= L.maxClasses} data-testid="draw-more">
            {s.moreClasses}
          </button>
          <button type="button" onClick={() => edit(emptySet(draft.classes))} disabled={draft.labels.length === 0} data-testid="draw-clear">
            {s.clear}
          </button>
        </div>
      </div>
      <p id="draw-pad-help" className="w-note">{s.padHelp}</p>
      <DrawPad set={draft} active={active} onChange={edit} canAdd={!full} onRefused={() => setNote({ text: s.limitPoints(L.maxPoints), kind: 'limit' })} />
      <p className="own-data-count" data-testid="draw-count">{s.count(draft.labels.length, L.maxPoints)}</p>
      {empty >= 0 && draft.labels.length > 0 && <p className="own-data-note" role="status" data-testid="draw-empty-class">{s.emptyClass(empty)}</p>}
      {note && <p className={`own-data-note ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'} data-testid={`draw-note-${note.kind}`}>{note.text}</p>}
      {tooLong && <p className="own-data-note limit" data-testid="draw-too-long">{s.tooLong(code!.length, L.maxUrlChars)}</p>}
      <div className="own-data-buttons">
        <button type="button" onClick={() => void share()} disabled={!committed || tooLong || empty >= 0} data-testid="draw-share">{s.share}</button>
        <button type="button" onClick={() => saveFile(pointsToJson(draft), 'my-points.json', 'application/json')} disabled={draft.labels.length === 0} data-testid="draw-download">
          {s.download}
        </button>
        <input id={fileId} className="file-input" type="file" accept=".json,application/json" data-testid="draw-upload" onChange={(e) => { void load(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
        <label className="file-button" htmlFor={fileId}>{s.upload}</label>
      </div>
      {link && (
        <label className="field own-data-link">
          <span className="field-label">{s.shareLabel}</span>
          <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="draw-link" />
        </label>
      )}
    </div>
  );
}

function safeDecode(code: string): PointSet | null {
  if (!code) return null;
  try {
    return decodePoints(code, L);
  } catch {
    return null;
  }
}

function safeEncode(set: PointSet): string | null {
  try {
    return encodePoints(set, L);
  } catch {
    return null; // a draft outside the limits has no code yet
  }
}
