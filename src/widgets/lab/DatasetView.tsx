import { Widget } from '../ui/Widget';
import { ShowCode } from '../ui/ShowCode';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { useStrings } from '../../app/i18n';
import { useLang } from '../../state/lang';
import { DATA_SOURCES, DRAWN_LIMITS, labCodec, savedDrawnSet, useLabSettings, type DataSource } from '../../state/labSettings';
import { encodePoints } from '../../state/pointsCodec';
import { CLASSIC_SEEDS } from '../../nn/datasets';
import { mat } from '../../nn/matrix';
import { DatasetChart } from '../../charts/DatasetChart';
import spiralSrc from '../../nn/spiral.ts?raw';
import { SettingControl } from './SettingControl';
import { datasetSpecOf, useLabData } from './labData';
import { labStrings } from './strings';
import { OwnData } from './data/OwnData';
import { drawStrings } from './data/strings';
import './lab.css';

/**
 * §1.4.1: the lab's data. By default the spiral of the book's `spiral.load_data()`, with its seed,
 * points per class, classes and noise; or a classic 2-D set (circles, moons, XOR, blobs); or the
 * reader's own points, drawn here. The lab below trains on exactly this data (same store).
 */
export function DatasetView() {
  const s = useStrings(labStrings);
  const ds = useStrings(drawStrings);
  const lang = useLang((x) => x.lang);
  const st = useLabSettings((x) => x.settings);
  const set = useLabSettings((x) => x.set);
  const reset = useLabSettings((x) => x.reset);
  const d = useLabData(st.seed, datasetSpecOf(st));

  const choose = (source: DataSource) => {
    if (source === st.data) return;
    if (source !== 'drawn') return set({ data: source, pts: '' });
    // start from the set saved in this browser, or from the points on screen
    set({ data: 'drawn', pts: savedDrawnSet() || codeOf(d) });
  };

  return (
    <Widget name="spiral-dataset" title={s.dataTitle}>
      <ChoiceGroup
        label={ds.sourceLabel}
        value={st.data}
        options={DATA_SOURCES.map((o) => ({ value: o, label: labCodec.label('data', lang, o) }))}
        onChange={choose}
        testId="data-source"
      />
      {st.data === 'spiral' && (
        <div className="widget-controls">
          <SettingControl store={useLabSettings} k="seed" testId="data-seed" />
          <SettingControl store={useLabSettings} k="points" testId="data-points" />
          <SettingControl store={useLabSettings} k="classes" testId="data-classes" />
          <SettingControl store={useLabSettings} k="noise" testId="data-noise" />
          <button type="button" data-testid="data-book" onClick={() => reset(['seed', 'points', 'classes', 'noise', 'data', 'pts'])}>
            {s.bookSettings}
          </button>
        </div>
      )}
      <p className="data-summary" data-testid="data-summary" data-source={st.data} data-n={d.labels.length} data-x0={String(d.x[0])} data-x-last={String(d.x[d.x.length - 1])}>
        {st.data === 'spiral' ? s.dataSummary(st.points, st.classes) : st.data === 'drawn' ? ds.drawnNote : ds.classicNote(CLASSIC_SEEDS[st.data], d.labels.length, d.classes)}
      </p>
      {st.data === 'drawn' ? (
        <OwnData />
      ) : (
        <>
          <DatasetChart x={d.x} labels={d.labels} classes={d.classes} ariaLabel={s.dataLabel} classLabel={s.classLabel} testId="data-chart" />
          {st.data !== 'spiral' && (
            <button type="button" data-testid="data-edit" onClick={() => set({ data: 'drawn', pts: codeOf(d) })}>
              {ds.editThis}
            </button>
          )}
        </>
      )}
      {st.data === 'spiral' && <ShowCode source={spiralSrc} path="src/nn/spiral.ts" names={['loadSpiral']} book={<code>dataset/spiral.py: load_data</code>} />}
    </Widget>
  );
}

/** The URL code of the points on screen (snapped to the code's 0.001 grid). */
function codeOf(d: { x: Float64Array; labels: Int32Array; classes: number }): string {
  return encodePoints({ x: mat(d.labels.length, 2, d.x), labels: d.labels, classes: d.classes }, DRAWN_LIMITS);
}
