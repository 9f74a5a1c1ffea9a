import { describe, expect, it } from 'vitest';
import { keepWidgetImports } from '../../../src/app/keptWidgetsPlugin';

describe('keepWidgetImports (MDX widgets kept across the language switch)', () => {
  it('wraps every component imported from src/widgets and leaves other imports alone', () => {
    const mdx = [
      "import { TrainingLab } from '../../src/widgets/lab/TrainingLab'",
      "import { A, B as C } from '../../src/widgets/x/X';",
      "import numpy from './not-a-widget'",
      '',
      '# Title',
      '',
      '<TrainingLab />',
    ].join('\n');
    expect(keepWidgetImports(mdx)).toBe(
      [
        "import { keptWidget } from '/src/app/KeptWidgets.tsx'",
        "import { TrainingLab as TrainingLab__widget } from '../../src/widgets/lab/TrainingLab'",
        "export const TrainingLab = keptWidget(TrainingLab__widget, 'TrainingLab')",
        "import { A as A__widget, B as C__widget } from '../../src/widgets/x/X'",
        "export const A = keptWidget(A__widget, 'A')",
        "export const C = keptWidget(C__widget, 'C')",
        "import numpy from './not-a-widget'",
        '',
        '# Title',
        '',
        '<TrainingLab />',
      ].join('\n'),
    );
  });

  it('returns a page without widgets unchanged, and never touches prose that mentions an import', () => {
    const mdx = "# Title\n\nThe book writes `import { x } from '../src/widgets/y'` here.\n";
    expect(keepWidgetImports(mdx)).toBe(mdx);
  });
});
