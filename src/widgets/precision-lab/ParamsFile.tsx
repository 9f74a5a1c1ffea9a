import { useId, useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { loadParamsNpz, NpyError, saveParamsNpz } from '../../nn/npy';
import { useLang } from '../../state/lang';
import { named } from './bookRun';
import { describeFileError, pickleToNpz } from './fileErrors';
import { labCodec } from '../../state/labSettings';
import type { NumberSpec } from '../../state/settings';
import { saveFile } from '../ui/saveFile';
import type { ParamsPayload } from '../../lab/protocol';

const S = defineStrings({
  ja: {
    download: '重みをダウンロード（TwoLayerNet.npz、float16）',
    load: '重みのファイル（.npz）を読み込む',
    loadHint: (lo: number, hi: number, c: number) => `np.savez で保存した W1、b1、W2、b2（形状は (2, H)、(H,)、(H, ${c})、(${c},)。隠れ層 H は ${lo}〜${hi}）の .npz を選んでください。`,
    loaded: (name: string, dtypes: string, h: number, c: number) => `${name} を読み込みました（${dtypes}）。モデルは TwoLayerNet(2, ${h}, ${c}) です。`,
    convert: '.pkl を .npz に変換する（Python）',
    reading: '読み込み中…',
  },
  en: {
    download: 'Download the weights (TwoLayerNet.npz, float16)',
    load: 'Load a weights file (.npz)',
    loadHint: (lo: number, hi: number, c: number) => `Pick an .npz saved with np.savez holding W1, b1, W2, b2 with shapes (2, H), (H,), (H, ${c}), (${c},), for a hidden size H from ${lo} to ${hi}.`,
    loaded: (name: string, dtypes: string, h: number, c: number) => `Loaded ${name} (${dtypes}): the model is now TwoLayerNet(2, ${h}, ${c}).`,
    convert: 'Convert the .pkl to .npz (Python)',
    reading: 'Reading…',
  },
});

/** The lab's hidden-size limits: a file of any size the lab can train loads. */
const HIDDEN = labCodec.spec('hidden') as NumberSpec;

/** Files above this are refused before being read: the chapter's weights take a few KB. */
export const MAX_PARAMS_FILE = 1024 * 1024;

/**
 * Download the current weights as the book's save_params would (float16, as .npz), or load an
 * .npz into the model: a valid file replaces the weights; any bad file leaves them untouched
 * and says why (params-file-error).
 */
export function ParamsFile({ params, onLoaded }: { params: ParamsPayload; onLoaded: (p: ParamsPayload) => void }) {
  const s = useStrings(S);
  const lang = useLang((st) => st.lang);
  const id = useId();
  const [error, setError] = useState<unknown>();
  const [ok, setOk] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState('');
  const C = params.shapes[3][0];

  function download() {
    saveFile(saveParamsNpz(named(params)) as BlobPart, 'TwoLayerNet.npz', 'application/octet-stream');
  }

  async function load(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    setOk(undefined);
    setFileName(file.name);
    setBusy(true);
    try {
      // Size first: a huge file is refused before a single byte is read into memory.
      if (file.size > MAX_PARAMS_FILE) {
        throw new NpyError('too-large', `${file.size} bytes`, { size: file.size, limit: MAX_PARAMS_FILE });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Any hidden size the lab accepts (the model takes the file's); the classes are the data's.
      const p = loadParamsNpz(bytes, { outputSize: C }, { maxBytes: MAX_PARAMS_FILE });
      const H = p.W1.cols;
      if (H < HIDDEN.min || H > HIDDEN.max) {
        throw new NpyError('wrong-shape', `W1 has ${H} columns`, { name: 'W1', got: `(2, ${H})`, want: `(2, ${HIDDEN.min}…${HIDDEN.max})` });
      }
      onLoaded({ params: [p.W1.data, p.b1, p.W2.data, p.b2], shapes: [[2, H], [H], [H, C], [C]] });
      setOk(s.loaded(file.name, Object.entries(p.dtypes).map(([k, v]) => `${k} ${v}`).join(', '), H, C));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pl-file">
      <button type="button" data-testid="params-download" onClick={download}>
        {s.download}
      </button>
      <div className="field">
        <input
          id={id}
          className="file-input"
          type="file"
          accept=".npz,.pkl,application/zip,application/octet-stream"
          data-testid="params-file"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            void load(e.currentTarget.files?.[0]);
            e.currentTarget.value = ''; // the same file can be picked again
          }}
        />
        <label className="file-button" htmlFor={id}>
          {s.load}
        </label>
        <span id={`${id}-hint`} className="w-note">{s.loadHint(HIDDEN.min, HIDDEN.max, C)}</span>
      </div>
      {busy && <p role="status">{s.reading}</p>}
      {error !== undefined && (
        <p className="error-msg" role="alert" data-testid="params-file-error">
          {describeFileError(error, lang)}
        </p>
      )}
      {error instanceof NpyError && error.code === 'pickle' && (
        <figure className="pl-convert">
          <figcaption>{s.convert}</figcaption>
          <pre data-testid="params-file-pickle-hint">
            <code>{pickleToNpz(fileName)}</code>
          </pre>
        </figure>
      )}
      {ok && (
        <p className="pl-ok" role="status" data-testid="params-file-ok">
          {ok}
        </p>
      )}
    </div>
  );
}
