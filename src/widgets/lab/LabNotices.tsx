import { useStrings } from '../../app/i18n';
import { useLang } from '../../state/lang';
import { formatNote, useLabSettings } from '../../state/labSettings';
import type { LabSnapshot } from '../../lab/session';
import { labStrings } from './strings';
import { parseReason } from './labData';

/** Notes listed one by one; the rest are counted, so a junk URL cannot flood the page. */
export const MAX_LISTED_NOTES = 10;

/** The visible note about URL settings that were ignored (data-testid="settings-note"). */
export function SettingsNote() {
  const s = useStrings(labStrings);
  const lang = useLang((st) => st.lang);
  const notes = useLabSettings((st) => st.notes);
  const dismiss = useLabSettings((st) => st.dismissNotes);
  if (notes.length === 0) return null;
  return (
    <div className="settings-note" data-testid="settings-note" role="note">
      <strong>{s.notesTitle}</strong>
      <ul>
        {notes.slice(0, MAX_LISTED_NOTES).map((n, i) => (
          <li key={i} data-key={n.key}>
            {formatNote(n, lang)}
          </li>
        ))}
        {notes.length > MAX_LISTED_NOTES && <li data-testid="settings-note-more">{s.moreNotes(notes.length - MAX_LISTED_NOTES)}</li>}
      </ul>
      <button type="button" onClick={dismiss}>
        {s.dismiss}
      </button>
    </div>
  );
}

/** Divergence explanation, or the worker's error with a restart button. */
export function LabNotices({ snap, onRestart }: { snap: LabSnapshot | null; onRestart: () => void }) {
  const s = useStrings(labStrings);
  if (!snap) return null;
  if (snap.status === 'diverged') {
    const r = parseReason(snap.reason);
    return (
      <div className="lab-notice diverged" role="alert" data-testid="lab-diverged">
        <strong>{s.divergedTitle}</strong>
        {r && <p>{s.divergedWhy(r.where, r.value, r.iter)}</p>}
        <p>{s.divergedTry}</p>
      </div>
    );
  }
  if (snap.status === 'error') {
    return (
      <div className="lab-notice error-notice" role="alert" data-testid="lab-error">
        <strong>{s.errorTitle}</strong>
        <pre className="error-msg">{snap.error}</pre>
        <p>{s.errorBody}</p>
        <button type="button" className="primary" data-testid="lab-restart" onClick={onRestart}>
          {s.restart}
        </button>
      </div>
    );
  }
  return null;
}
