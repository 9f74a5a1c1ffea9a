import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { LabSession, type LabSnapshot } from '../../lab/session';
import type { ConfigureOptions } from '../../lab/client';
import { labCodec, useLabSettings, type LabSettings } from '../../state/labSettings';
import { faultFromUrl, runSettingsOf } from './labData';
import { useActiveLab } from '../../lab/activeLab';
import { useSettled } from './useSettled';

/** A change of these settings made outside the lab (1.4.1's data, 1.4.2's hidden size, the address). */
export interface UpstreamChange {
  key: keyof LabSettings & string;
  from: string;
  to: string;
}

/**
 * A settled change counts as the reader's own when one of the lab's controls changed a value
 * since the last run started, at most this long ago (a value typed in the lab long before an
 * outside change must not make that change play). Not a timing of the settle wait: on a busy
 * machine the settled run can start seconds after the input.
 */
const OWN_CHANGE_MS = 10_000;

/**
 * Owns the lab's session (worker + drawing loop) for a component's lifetime, and keeps it in step
 * with the settings store. A change of a setting that defines the run starts a new run once it
 * has settled (useSettled: a slider's drag or key repeats make one run, not one per value):
 * - made with the lab's own controls (inside `root`), the new run plays, unless the reader had
 *   paused;
 * - made elsewhere (the dataset of 1.4.1, the hidden size of 1.4.2, Back/Forward), the lab waits
 *   idle with the new settings and says what changed (`upstream`), since the reader is not
 *   looking at it.
 * Speed and view changes reach the running run without restarting it. The effect terminates the
 * worker in its cleanup (StrictMode runs it twice). With `inside`, the run's grids carry the
 * network view's maps and hidden space.
 */
export function useLabSession(root: RefObject<HTMLElement | null>, { inside = false }: { inside?: boolean } = {}): {
  session: LabSession | null;
  snap: LabSnapshot | null;
  play: () => void;
  reset: () => void;
  upstream: UpstreamChange[] | null;
} {
  const [session, setSession] = useState<LabSession | null>(null);
  const settings = useLabSettings((s) => s.settings);
  const settledKey = useSettled(labCodec.effectKey(settings, 'restart'));
  const configuredFor = useRef<LabSession | null>(null);
  const startedWith = useRef<LabSettings | null>(null);
  const lastOwnInput = useRef(-Infinity);
  const lastStart = useRef(-Infinity);
  const fault = useRef(faultFromUrl());
  const [upstream, setUpstream] = useState<UpstreamChange[] | null>(null);

  useEffect(() => {
    // The address is the truth: after an in-app navigation the store may hold another page's
    // settings, so read them again before the first run.
    useLabSettings.syncFromUrl();
    const ses = new LabSession();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the session owns a worker: made after mount, disposed in the cleanup, it reaches render only through state
    setSession(ses);
    useActiveLab.setState({ session: ses });
    return () => {
      if (useActiveLab.getState().session === ses) useActiveLab.setState({ session: null });
      ses.dispose();
    };
  }, []);

  // The reader's own touches of the lab's controls (anything inside its root).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const mark = () => {
      lastOwnInput.current = performance.now();
    };
    // a value changed, or a click (the book-settings button, a point drawn on the lab's pad);
    // Play and Reset start runs themselves, which ends the window (lastStart)
    const events = ['input', 'change', 'click'] as const;
    for (const e of events) el.addEventListener(e, mark, { capture: true, passive: true });
    return () => {
      for (const e of events) el.removeEventListener(e, mark, { capture: true });
    };
  }, [root]);

  useEffect(() => {
    if (!session) return;
    const first = configuredFor.current !== session;
    configuredFor.current = session;
    const status = session.snap.status;
    const s = useLabSettings.getState().settings;
    const now = performance.now();
    const own = lastOwnInput.current > lastStart.current && now - lastOwnInput.current < OWN_CHANGE_MS;
    lastStart.current = now;
    const changes = first || own ? null : changesBetween(startedWith.current, s);
    const play = !first && own && status !== 'paused' && status !== 'error';
    startedWith.current = s;
    if (status === 'error') session.restart();
    session.start(runSettingsOf(s), startOptions(s, play, inside));
    // what changed is known only when the settled change reaches the session
    setUpstream(changes && changes.length > 0 ? changes : null);
  }, [session, settledKey, inside]);

  useEffect(() => {
    session?.client.setSpeed(settings.speed);
  }, [session, settings.speed]);
  useEffect(() => {
    session?.client.setConfidence(settings.view === 'confidence');
  }, [session, settings.view]);

  const snap = useSyncExternalStore(session?.subscribeStatus ?? noSubscribe, session?.getSnapshot ?? nullSnapshot);

  const play = () => {
    if (!session) return;
    lastStart.current = performance.now();
    setUpstream(null);
    if (fault.current) {
      session.client.injectFault(fault.current);
      fault.current = undefined;
    }
    const st = session.snap.status;
    if (st === 'done' || st === 'diverged') {
      const s = useLabSettings.getState().settings;
      session.start(runSettingsOf(s), startOptions(s, true, inside));
    } else session.client.play();
  };
  const reset = () => {
    if (!session) return;
    lastStart.current = performance.now();
    setUpstream(null);
    const s = useLabSettings.getState().settings;
    session.start(runSettingsOf(s), startOptions(s, false, inside));
  };
  return { session, snap, play, reset, upstream };
}

/** The run-defining settings that differ between two settings objects, as text. */
function changesBetween(before: LabSettings | null, after: LabSettings): UpstreamChange[] {
  if (!before) return [];
  return labCodec
    .keysWith('restart')
    .filter((k) => before[k] !== after[k])
    .map((k) => ({ key: k, from: String(before[k]), to: String(after[k]) }));
}

/** How a run of the lab starts: playing or not, at the settings' speed and view. */
function startOptions(s: LabSettings, play: boolean, inside: boolean): ConfigureOptions {
  return { play, speed: s.speed, confidence: s.view === 'confidence', inside };
}

const noSubscribe = () => () => {};
const nullSnapshot = (): LabSnapshot | null => null;
