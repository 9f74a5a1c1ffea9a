import { create } from 'zustand';
import type { LabSession } from './session';

/**
 * The page's training lab session, so companions on the same page (the Trainer view of §1.4.4)
 * send their requests to the lab's worker instead of starting a second one.
 */
export const useActiveLab = create<{ session: LabSession | null }>(() => ({ session: null }));
