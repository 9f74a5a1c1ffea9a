import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LabSession, type LabSnapshot } from '../../lab/session';
import type { ConfigureOptions } from '../../lab/client';
import { labCodec, useLabSettings, type LabSettings } from '../../state/labSettings';
import { faultFromUrl, runSettingsOf } from './labData';
import { useActiveLab } from '../../lab/activeLab';

/**
 * Owns the lab's session (worker + drawing loop) for a component's lifetime, and keeps it in step
 * with the settings store: a change of any setting that defines the run starts a new run at once
 * (playing, unless the reader has paused); speed and view changes reach the running run without
 * restarting it. The effect terminates the worker in its cleanup (StrictMode runs it twice).
 * With `inside`, the run's grids carry the network view's maps and hidden space.
 */
export function useLabSession({ inside = false }: { inside?: boolean } = {}): { session: LabSession | null; snap: LabSnapshot | null; play: () => void; reset: () => void } {
  const [session, setSession] = useState<LabSession | null>(null);
  const settings = useLabSettings((s) => s.settings);
  const key = labCodec.effectKey(settings, 'restart');
  const configuredFor = useRef<LabSession | null>(null);
  const fault = useRef(faultFromUrl());

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

  useEffect(() => {
    if (!session) return;
    const first = configuredFor.current !== session;
    configuredFor.current = session;
    const status = session.snap.status;
    const play = !first && status !== 'paused' && status !== 'error';
    const s = useLabSettings.getState().settings;
    if (status === 'error') session.restart();
    session.start(runSettingsOf(s), startOptions(s, play, inside));
  }, [session, key, inside]);

  useEffect(() => {
    session?.client.setSpeed(settings.speed);
  }, [session, settings.speed]);
  useEffect(() => {
    session?.client.setConfidence(settings.view === 'confidence');
  }, [session, settings.view]);

  const snap = useSyncExternalStore(session?.subscribeStatus ?? noSubscribe, session?.getSnapshot ?? nullSnapshot);

  const play = () => {
    if (!session) return;
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
    const s = useLabSettings.getState().settings;
    session.start(runSettingsOf(s), startOptions(s, false, inside));
  };
  return { session, snap, play, reset };
}

/** How a run of the lab starts: playing or not, at the settings' speed and view. */
function startOptions(s: LabSettings, play: boolean, inside: boolean): ConfigureOptions {
  return { play, speed: s.speed, confidence: s.view === 'confidence', inside };
}

const noSubscribe = () => () => {};
const nullSnapshot = (): LabSnapshot | null => null;
