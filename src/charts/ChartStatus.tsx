import { defineStrings, useStrings } from '../app/i18n';

const S = defineStrings({
  ja: { loading: 'グラフを読み込み中…', failed: 'グラフ描画ライブラリを読み込めませんでした。ネットワークを確認して再試行してください。', retry: '再試行' },
  en: { loading: 'Loading the chart…', failed: 'The charting library could not be loaded. Check the connection and try again.', retry: 'Try again' },
});

/** What a chart shows before Plotly has arrived, or when it could not be loaded (with a retry). */
export function ChartStatus({ failed, loaded, onRetry, loadingText }: { failed: boolean; loaded: boolean; onRetry: () => void; loadingText?: string }) {
  const s = useStrings(S);
  if (failed) {
    return (
      <div className="error-msg" role="alert">
        {s.failed}{' '}
        <button type="button" onClick={onRetry}>
          {s.retry}
        </button>
      </div>
    );
  }
  return loaded ? null : <p className="loading">{loadingText ?? s.loading}</p>;
}
