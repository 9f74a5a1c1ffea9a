import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import { useStrings } from '../../app/i18n';
import { useLabSettings } from '../../state/labSettings';
import { DatasetChart } from '../../charts/DatasetChart';
import spiralSrc from '../../nn/spiral.ts?raw';
import { SettingControl } from './SettingControl';
import { datasetSpecOf, useLabData } from './labData';
import { labStrings } from './strings';
import './lab.css';

/**
 * §1.4.1: the spiral dataset of the book's `spiral.load_data()`, with its seed, points per
 * class, classes and noise. The lab below trains on exactly this data (same store, same seed).
 */
export function DatasetView() {
  const s = useStrings(labStrings);
  const st = useLabSettings((x) => x.settings);
  const reset = useLabSettings((x) => x.reset);
  const d = useLabData(st.seed, datasetSpecOf(st));
  return (
    <Widget name="spiral-dataset" title={s.dataTitle}>
      <div className="widget-controls">
        <SettingControl store={useLabSettings} k="seed" testId="data-seed" />
        <SettingControl store={useLabSettings} k="points" testId="data-points" />
        <SettingControl store={useLabSettings} k="classes" testId="data-classes" />
        <SettingControl store={useLabSettings} k="noise" testId="data-noise" />
        <button type="button" data-testid="data-book" onClick={() => reset(['seed', 'points', 'classes', 'noise'])}>
          {s.bookSettings}
        </button>
      </div>
      <p className="data-summary" data-testid="data-summary" data-n={d.labels.length} data-x0={String(d.x[0])} data-x-last={String(d.x[d.x.length - 1])}>
        {s.dataSummary(st.points, st.classes)}
      </p>
      <DatasetChart x={d.x} labels={d.labels} classes={d.classes} ariaLabel={s.dataLabel} classLabel={s.classLabel} testId="data-chart" />
      <ShowCode source={spiralSrc} path="src/nn/spiral.ts" names={['loadSpiral']} book={<code>dataset/spiral.py: load_data</code>} />
    </Widget>
  );
}
