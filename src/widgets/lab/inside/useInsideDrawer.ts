import { useEffect, type RefObject } from 'react';
import type { LabSession } from '../../../lab/session';
import type { HiddenSpaceHandle } from './HiddenSpaceView';
import type { NetworkViewHandle } from './NetworkView';

/**
 * "Inside the network" (§1.4) in the lab: the network view and the hidden space draw what the
 * worker sends with a boundary grid, in the same animation frame (the session calls the drawer
 * attached here) through the refs given to the two views.
 */
export function useInsideDrawer(session: LabSession | null, net: RefObject<NetworkViewHandle | null>, space: RefObject<HiddenSpaceHandle | null>): void {
  useEffect(() => {
    if (!session) return;
    session.attach({
      inside: (f, g) => {
        net.current?.draw(f.maps, g.iter);
        space.current?.draw(f.space);
      },
    });
    return () => session.attach({ inside: undefined });
  }, [session, net, space]);
}
