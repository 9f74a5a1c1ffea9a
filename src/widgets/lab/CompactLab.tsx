import { TrainingLab } from './TrainingLab';

/**
 * The compact training lab for the §1.6 summary: learning rate, hidden size, optimizer and
 * speed, Play/Pause/Step/Reset, the boundary and the loss curve; same engine, same URL settings
 * and the same automation contract (data-testid="training-lab") as the full lab of §1.4.3.
 */
export function CompactLab() {
  return <TrainingLab compact />;
}
