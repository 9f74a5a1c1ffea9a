import { loadNear } from '../ui/loadNear';

/**
 * The iteration stepper as the §1.3 pages place it: deep in §1.3.5, so its code (about 40 KB
 * gzipped with the lab's settings and the trace runner) downloads when the reader comes near it,
 * not with the page.
 */
export const IterationStepper = loadNear('iteration-stepper', 760, () => import('./IterationStepper').then((m) => m.IterationStepper));
