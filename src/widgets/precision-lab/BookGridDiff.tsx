import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { groupDigits } from '../../app/numberFormat';
import type { LabClient } from '../../lab/client';
import { BOOK } from '../../nn/book';
import { useSharedLabClient } from '../../lab/sharedClient';
import { settingsFor } from './bookRun';
import type { ParamsPayload } from '../../lab/protocol';

const S = defineStrings({
  ja: {
    run: '本と同じ h = 0.001 の格子で数える',
    busy: '約 430 万点を 2 回予測しています（ワーカー内）…',
    result: (changed: number, total: number) => `h = 0.001 の格子 ${groupDigits(total, 'ja')} 点のうち、float16 で保存し直すとクラスが変わる点：${groupDigits(changed, 'ja')}（${((changed / total) * 100).toPrecision(2)}%）`,
    failed: (m: string) => `数えられませんでした：${m}`,
  },
  en: {
    run: 'Count on the book’s h = 0.001 grid',
    busy: 'Predicting about 4.3 million points twice (in the worker)…',
    result: (changed: number, total: number) => `On the h = 0.001 grid, ${groupDigits(changed, 'en')} of ${groupDigits(total, 'en')} points (${((changed / total) * 100).toPrecision(2)}%) change class after the float16 round trip`,
    failed: (m: string) => `Counting failed: ${m}`,
  },
});

/** Predicts the book's 0.001 grid with both models in the lab worker and counts cells that differ. */
async function countChanged(lab: LabClient, before: ParamsPayload, after: ParamsPayload): Promise<{ changed: number; total: number }> {
  const settings = settingsFor(before);
  const a = await lab.gridOf(settings, before, { h: BOOK.h });
  const b = await lab.gridOf(settings, after, { h: BOOK.h });
  let changed = 0;
  for (let i = 0; i < a.classes.length; i++) if (a.classes[i] !== b.classes[i]) changed++;
  return { changed, total: a.classes.length };
}

/** The boundary change at the resolution the book draws, where the small plots show none. */
export function BookGridDiff({ before, after }: { before: ParamsPayload; after: ParamsPayload }) {
  const s = useStrings(S);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'error'>('idle');
  const [result, setResult] = useState<{ changed: number; total: number }>();
  const [error, setError] = useState<string>();
  const labClient = useSharedLabClient();

  // A new model makes the old count wrong: clear it while rendering for the new model.
  const [countedFor, setCountedFor] = useState(before);
  if (countedFor !== before) {
    setCountedFor(before);
    setResult(undefined);
    setState('idle');
  }

  async function run() {
    setState('running');
    setError(undefined);
    try {
      const r = await countChanged(labClient(), before, after);
      setResult(r);
      setState('done');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setState('error');
    }
  }

  return (
    <div className="pl-bookgrid" data-testid="book-grid-diff" data-state={state} data-cells={result?.changed} data-total={result?.total}>
      <button type="button" onClick={run} disabled={state === 'running'} data-testid="book-grid-diff-run">
        {s.run}
      </button>
      {state === 'running' && (
        <span className="pl-busy" role="status">
          <span className="pl-spinner" aria-hidden="true" /> {s.busy}
        </span>
      )}
      {result && <p className="readout pl-facts" role="status">{s.result(result.changed, result.total)}</p>}
      {error && <p className="error-msg" role="alert">{s.failed(error)}</p>}
    </div>
  );
}
