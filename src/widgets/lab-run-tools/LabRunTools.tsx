import { StepperLink } from '../iteration-stepper/StepperLink';
import { PythonExport } from '../python-export/PythonExport';

/**
 * What the reader can take from the lab's current run elsewhere: a link to the iteration stepper
 * (§1.3.5) at the lab's iteration, and the same run as a Python script for the book's own code.
 * Self-contained (reads the settings store and the page's lab session); the lab places it.
 */
export function LabRunTools() {
  return (
    <div className="lab-run-tools" data-testid="lab-run-tools">
      <p className="lab-run-link">
        <StepperLink />
      </p>
      <PythonExport runner="loop" prefix="lab" />
    </div>
  );
}
