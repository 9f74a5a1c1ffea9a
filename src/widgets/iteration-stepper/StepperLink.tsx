import { Link, useNavigate } from 'react-router';
import { defineStrings, useStrings } from '../../app/i18n';
import { useActiveLab } from '../../lab/activeLab';
import { useLabSettings } from '../../state/labSettings';
import { STEPPER_HASH, STEPPER_PATH, stepperSearch } from './stepperUrl';

const S = defineStrings({
  ja: {
    link: 'このイテレーションをノードごとにたどる（1.3.5 節）',
    hint: '一時停止中なら次に実行されるイテレーションを、学習が終わっていれば最後のイテレーションを、同じ設定で開きます。',
  },
  en: {
    link: 'Step this iteration node by node (§1.3.5)',
    hint: 'Opens, with the same settings, the iteration that runs next when paused, or the last one when the run has finished.',
  },
});

/**
 * From the lab to the iteration stepper: the lab's run settings and its current iteration (the
 * one about to run, whose weights the boundary shows) go into the link. The iteration is read
 * when the link is followed, since the lab advances it every frame outside React.
 */
export function StepperLink() {
  const s = useStrings(S);
  const session = useActiveLab((x) => x.session);
  const settings = useLabSettings((st) => st.settings);
  const navigate = useNavigate();
  const target = () => {
    const sn = session?.getSnapshot();
    const k = sn && sn.maxIter > 0 ? Math.max(1, Math.min(sn.iter + 1, sn.maxIter)) : 1;
    return { pathname: STEPPER_PATH, search: `?${stepperSearch(settings, k)}`, hash: STEPPER_HASH };
  };
  return (
    <Link
      to={target()}
      data-testid="lab-stepper-link"
      title={s.hint}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // a new tab keeps the rendered link
        e.preventDefault();
        void navigate(target());
      }}
    >
      {s.link}
    </Link>
  );
}
