import { useStrings } from '../../app/i18n';
import { useLang } from '../../state/lang';
import { formatNote, type SettingsStore } from '../../state/settings';
import type { LabSnapshot } from '../../lab/session';
import { labStrings } from './strings';

/**
 * Every note about a real setting is listed (there are only as many as the schema has keys);
 * notes about unknown keys are listed up to this many and the rest counted, so a junk URL
 * cannot flood the page.
 */
export const MAX_LISTED_UNKNOWN = 5;

/** The visible note about a lab's URL settings that were ignored (data-testid="settings-note"). */
export function SettingsNote<S extends Record<string, number | string>>({ store }: { store: SettingsStore<S> }) {
  const s = useStrings(labStrings);
  const lang = useLang((st) => st.lang);
  const notes = store((st) => st.notes);
  const dismiss = store((st) => st.dismissNotes);
  if (notes.length === 0) return null;
  const known = notes.filter((n) => n.reason !== 'unknown');
  const unknown = notes.filter((n) => n.reason === 'unknown');
  const listed = [...known, ...unknown.slice(0, MAX_LISTED_UNKNOWN)];
  const more = notes.length - listed.length;
  return (
    <div className="settings-note" data-testid="settings-note" role="note">
      <strong>{s.notesTitle}</strong>
      <ul>
        {listed.map((n, i) => (
          <li key={i} data-key={n.key}>
            {formatNote(n, lang)}
          </li>
        ))}
        {more > 0 && <li data-testid="settings-note-more">{s.moreNotes(more)}</li>}
      </ul>
      <button type="button" onClick={dismiss}>
        {s.dismiss}
      </button>
    </div>
  );
}

/** Divergence explanation (`sgd`: the diverged run used plain SGD), or the worker's error with a restart button. */
export function LabNotices({ snap, sgd, onRestart }: { snap: LabSnapshot | null; sgd: boolean; onRestart: () => void }) {
  const s = useStrings(labStrings);
  if (!snap) return null;
  if (snap.status === 'diverged') {
    const d = snap.divergence;
    return (
      <div className="lab-notice diverged" role="alert" data-testid="lab-diverged">
        <strong>{s.divergedTitle}</strong>
        {d && <p>{s.divergedWhy(d.where, d.where === 'blowup' ? d.value.toFixed(2) : String(d.value), d.iter)}</p>}
        <p>{s.divergedTry(sgd)}</p>
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
