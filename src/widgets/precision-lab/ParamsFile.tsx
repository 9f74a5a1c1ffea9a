import { useId, useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { loadParamsNpz, NpyError, saveParamsNpz } from '../../nn/npy';
import { useLang } from '../../state/lang';
import { named } from './bookRun';
import { describeFileError } from './fileErrors';
import { saveFile } from '../ui/saveFile';
import type { ParamsPayload } from '../../lab/protocol';

const S = defineStrings({
  ja: {
    download: '重みをダウンロード（TwoLayerNet.npz、float16）',
    load: '重みのファイル（.npz）を読み込む',
    loadHint: 'np.savez で保存した W1, b1, W2, b2（形状 (2, H), (H,), (H, C), (C,)）の .npz を選んでください。',
    loaded: (name: string, dtypes: string) => `${name} を読み込みました（${dtypes}）。`,
    reading: '読み込み中…',
  },
  en: {
    download: 'Download the weights (TwoLayerNet.npz, float16)',
    load: 'Load a weights file (.npz)',
    loadHint: 'Pick an .npz saved with np.savez holding W1, b1, W2, b2 with shapes (2, H), (H,), (H, C), (C,).',
    loaded: (name: string, dtypes: string) => `Loaded ${name} (${dtypes}).`,
    reading: 'Reading…',
  },
});

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

  function download() {
    saveFile(saveParamsNpz(named(params)) as BlobPart, 'TwoLayerNet.npz', 'application/octet-stream');
  }

  async function load(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    setOk(undefined);
    setBusy(true);
    try {
      // Size first: a huge file is refused before a single byte is read into memory.
      if (file.size > MAX_PARAMS_FILE) {
        throw new NpyError('too-large', `${file.size} bytes`, { size: file.size, limit: MAX_PARAMS_FILE });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const [[, H], , [, C]] = params.shapes;
      const p = loadParamsNpz(bytes, { hiddenSize: H, outputSize: C }, { maxBytes: MAX_PARAMS_FILE });
      onLoaded({ params: [p.W1.data, p.b1, p.W2.data, p.b2], shapes: params.shapes.map((d) => d.slice()) });
      setOk(s.loaded(file.name, Object.entries(p.dtypes).map(([k, v]) => `${k} ${v}`).join(', ')));
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
        <label className="field-label" htmlFor={id}>
          {s.load}
        </label>
        <input
          id={id}
          type="file"
          accept=".npz,application/zip,application/octet-stream"
          data-testid="params-file"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            void load(e.currentTarget.files?.[0]);
            e.currentTarget.value = ''; // the same file can be picked again
          }}
        />
        <span id={`${id}-hint`} className="w-note">{s.loadHint}</span>
      </div>
      {busy && <p role="status">{s.reading}</p>}
      {error !== undefined && (
        <p className="error-msg" role="alert" data-testid="params-file-error">
          {describeFileError(error, lang)}
        </p>
      )}
      {ok && (
        <p className="pl-ok" role="status" data-testid="params-file-ok">
          {ok}
        </p>
      )}
    </div>
  );
}
