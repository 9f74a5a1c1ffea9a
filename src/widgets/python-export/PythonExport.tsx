import { useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { pythonScript } from './pythonScript';
import type { DatasetSpec } from '../../lab/datasets';
import type { RunnerKind } from '../../lab/runner';
import { useActiveLab } from '../../lab/activeLab';
import { useLang } from '../../state/lang';
import { useLabSettings } from '../../state/labSettings';
import { runSettingsOf } from '../lab/labData';
import { saveFile } from '../ui/saveFile';
import './PythonExport.css';

const S = defineStrings({
  ja: {
    open: 'Python で同じ学習を実行する',
    close: 'Python のスクリプトを閉じる',
    howLoop:
      'このスクリプトは本のコードそのもの（two_layer_net.py、common/optimizer.py、dataset/spiral.py）を使います。lab_run.py という名前で本のリポジトリの ch01/ フォルダに保存し、そこで python3 lab_run.py と実行してください。最後の 2 行（final_loss と accuracy）は、この学習が最後まで進んだときにラボが表示する損失と正解率と同じになります。NumPy だけで動き、matplotlib は要りません。',
    howTrainer:
      'このスクリプトは本の Trainer（common/trainer.py）をそのまま使います。lab_run.py という名前で本のリポジトリの ch01/ フォルダに保存し、そこで python3 lab_run.py と実行してください。最後の 2 行は、上の Trainer の結果の損失と正解率と同じになります。NumPy だけで動き、matplotlib は要りません。',
    copy: 'コピー',
    copied: 'コピーしました。',
    copyFailed: 'コピーできませんでした。スクリプトを選択したので、Ctrl+C（Mac は ⌘C）でコピーしてください。',
    download: 'lab_run.py をダウンロード',
    diverged: (iter: number) => `ラボではこの学習はイテレーション ${iter} で発散と判定されて止まりました。スクリプトは最後まで学習するので、最後の値はラボと一致しません。`,
    scriptLabel: 'Python のスクリプト',
  },
  en: {
    open: 'Same run in Python',
    close: 'Hide the Python script',
    howLoop:
      'This script runs on the book’s own code (two_layer_net.py, common/optimizer.py, dataset/spiral.py). Save it as lab_run.py in the ch01/ folder of the book’s repository and run python3 lab_run.py there. Its last two lines (final_loss and accuracy) equal the loss and accuracy the lab shows once this run has finished. It needs NumPy only, no matplotlib.',
    howTrainer:
      'This script runs the book’s own Trainer (common/trainer.py). Save it as lab_run.py in the ch01/ folder of the book’s repository and run python3 lab_run.py there. Its last two lines equal the loss and accuracy of the Trainer result above. It needs NumPy only, no matplotlib.',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy. The script is selected now: press Ctrl+C (⌘C on a Mac) to copy it.',
    download: 'Download lab_run.py',
    diverged: (iter: number) => `In the lab this run was stopped as diverged at iteration ${iter}. The script trains to the end, so its last values will not match the lab’s.`,
    scriptLabel: 'The Python script',
  },
});

const noSubscribe = () => () => {};

/**
 * "Same run in Python": a button that shows the lab's current run as a Python 3 script for the
 * book's own code (pythonScript.ts), with copy and download. `runner` picks the custom
 * loop (the lab) or Trainer.fit (§1.4.4); `dataset` replaces the settings' spiral (e.g. drawn points).
 * Test ids: `<prefix>-export-python` (the button) and `<prefix>-python-script` (the whole script).
 */
export function PythonExport({ runner = 'loop', prefix = 'lab', dataset }: { runner?: RunnerKind; prefix?: string; dataset?: DatasetSpec }) {
  const s = useStrings(S);
  const lang = useLang((st) => st.lang);
  const settings = useLabSettings((st) => st.settings);
  const [open, setOpen] = useState(false);
  const [copyNote, setCopyNote] = useState<'' | 'copied' | 'failed'>('');
  const pre = useRef<HTMLPreElement>(null);
  const id = useId();
  const session = useActiveLab((x) => x.session);
  const snap = useSyncExternalStore(session?.subscribeStatus ?? noSubscribe, () => session?.getSnapshot() ?? null);

  const run = useMemo(() => runSettingsOf(settings, runner), [settings, runner]);
  const result = useMemo(() => {
    if (!open) return { script: '' };
    try {
      return { script: pythonScript(dataset ? { ...run, data: dataset } : run, lang) };
    } catch (e) {
      return { script: '', error: e instanceof Error ? e.message : String(e) };
    }
  }, [open, run, dataset, lang]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(result.script);
      setCopyNote('copied');
    } catch {
      // no clipboard permission (or no secure context): select the text for a manual copy
      const sel = window.getSelection();
      if (pre.current && sel) {
        const range = document.createRange();
        range.selectNodeContents(pre.current);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      setCopyNote('failed');
    }
  }

  const diverged = runner === 'loop' && snap?.status === 'diverged';
  return (
    <div className="py-export">
      <button type="button" data-testid={`${prefix}-export-python`} aria-expanded={open} aria-controls={id} onClick={() => { setOpen(!open); setCopyNote(''); }}>
        {open ? s.close : s.open}
      </button>
      {open && (
        <div className="py-panel" id={id}>
          <p className="w-note">{runner === 'trainer' ? s.howTrainer : s.howLoop}</p>
          {diverged && <p className="py-warn" role="note">{s.diverged(snap.iter)}</p>}
          {result.error ? (
            <p className="error-msg" role="alert">{result.error}</p>
          ) : (
            <>
              <div className="py-actions">
                <button type="button" data-testid={`${prefix}-python-copy`} onClick={() => void copy()}>{s.copy}</button>
                <button type="button" data-testid={`${prefix}-python-download`} onClick={() => saveFile(result.script, 'lab_run.py', 'text/x-python')}>
                  {s.download}
                </button>
                <span role="status" className="py-copy-note">{copyNote === 'copied' ? s.copied : copyNote === 'failed' ? s.copyFailed : ''}</span>
              </div>
              <pre className="py-script" ref={pre} tabIndex={0} aria-label={s.scriptLabel} data-testid={`${prefix}-python-script`}>
                {result.script}
              </pre>
            </>
          )}
        </div>
      )}
    </div>
  );
}
