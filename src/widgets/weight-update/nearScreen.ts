import { loadNear } from '../ui/loadNear';

/**
 * The weight-update widget as the §1.3 pages place it: last on the page (§1.3.6), so its code
 * (the six optimizers on the bowl, their formulas) downloads when the reader comes near it.
 */
export const WeightUpdate = loadNear('weight-update', 1400, () => import('./WeightUpdate').then((m) => m.WeightUpdate));
