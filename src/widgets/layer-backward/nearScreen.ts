import { loadNear } from '../ui/loadNear';

/**
 * The layer-backward widget as the §1.3 pages place it: in §1.3.5, far down the page, so its
 * code (the layers' gradient checks) downloads when the reader comes near it.
 */
export const LayerBackward = loadNear('layer-backward', 1200, () => import('./LayerBackward').then((m) => m.LayerBackward));
