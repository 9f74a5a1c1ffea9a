/**
 * One training worker for the widgets of a page that only send requests (train a model to the
 * end, predict a grid of given weights), instead of one worker each: §1.5's precision lab, its
 * h = 0.001 comparison and the GPU benchmark share it. The worker starts on first use; a client
 * whose worker failed (e.g. stopped answering on a starved machine) is replaced on the next use;
 * the worker ends when the last widget using it unmounts. The training lab's own run is not
 * shared: it lives in its LabSession (session.ts).
 */
import { useCallback, useEffect } from 'react';
import { LabClient } from './client';

let shared: LabClient | undefined;
let users = 0;

/** The page's shared client, as a getter to call when a request is about to be sent. */
export function useSharedLabClient(): () => LabClient {
  useEffect(() => {
    users++;
    return () => {
      users--;
      if (users === 0) {
        shared?.dispose();
        shared = undefined;
      }
    };
  }, []);
  return useCallback(() => {
    if (!shared || shared.hasFailed) {
      shared?.dispose();
      shared = new LabClient();
    }
    return shared;
  }, []);
}
