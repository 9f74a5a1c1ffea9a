import { useState } from 'react';
import { defineStrings, useStrings } from '../../app/i18n';
import { Widget } from '../ui/Widget';
import { Slider } from '../ui/Slider';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { TextField } from '../ui/TextField';
import { ShowCode } from '../ui/ShowCode';
import { Tex } from '../weight-update/Tex';
import { type Mat, mat } from '../../nn/matrix';
import nodesSrc from '../../nn/nodes.ts?raw';
import layersSrc from '../../nn/layers.ts?raw';
import { NODE_EDGES, NODE_KINDS, type NodeKind, dualForward, outputShapes, runNode, shapeProblem } from './nodeGallery';
import { NODE_DEFAULTS, nodeTex } from './nodeDefaults';
import { formatArray, parseArray } from './parseArray';
import { NodeDiagram } from './NodeDiagram';
import { CheckTable } from './CheckTable';
import '../ui/controls.css';
import './graph-nodes.css';

const S = defineStrings({
  ja: {
    title: '計算グラフのノード図鑑',
    node: 'ノード',
    names: { add: '加算（+）', mul: '乗算（×）', branch: '分岐', repeat: 'Repeat', sum: 'Sum', matmul: 'MatMul' } as Record<NodeKind, string>,
    input: (n: string) => `入力 ${n}`,
    upstream: (n: string) => `上流から来る勾配 ∂L/∂${n}`,
    repeatN: '複製する数 N',
    ones: '上流の勾配をすべて 1 にする',
    reset: '初期値に戻す',
    diagram: 'ノードの図。青い数字が順伝播の値、「∂L/∂… =」と書いた太字の数字が逆伝播の勾配です。',
    errors: {
      syntax: '数か [1, 2] や [[1, 2], [3, 4]] の形で書いてください。',
      ragged: '行ごとに要素の数をそろえてください。',
      empty: '値を入れてください。',
      tooBig: '64 要素までにしてください。',
      sameShape: 'x と y は同じ形にしてください。',
      oneRow: 'Repeat の入力は 1 行（形状 (1, D)）にしてください。',
      matmulShape: 'x の列数と W の行数をそろえてください（形状チェック）。',
    },
    upShape: (r: number, c: number) => `出力と同じ形 (${r},${c}) にしてください。`,
    dual: (node: string, same: boolean) => `${node} ノードの順伝播に同じ上流の勾配を入れると：${same ? '逆伝播の結果とまったく同じです ✓' : '逆伝播の結果と違います ✗'}`,
  },
  en: {
    title: 'A gallery of computational-graph nodes',
    node: 'Node',
    names: { add: 'Add (+)', mul: 'Multiply (×)', branch: 'Branch', repeat: 'Repeat', sum: 'Sum', matmul: 'MatMul' } as Record<NodeKind, string>,
    input: (n: string) => `Input ${n}`,
    upstream: (n: string) => `Upstream gradient ∂L/∂${n}`,
    repeatN: 'Copies N',
    ones: 'Set the upstream gradients to ones',
    reset: 'Back to the defaults',
    diagram: 'The node. Blue numbers are forward values; the bold numbers marked “∂L/∂… =” are the gradients flowing back.',
    errors: {
      syntax: 'Write a number, or an array like [1, 2] or [[1, 2], [3, 4]].',
      ragged: 'Every row needs the same number of values.',
      empty: 'Enter a value.',
      tooBig: 'At most 64 values, please.',
      sameShape: 'x and y must have the same shape.',
      oneRow: 'Repeat takes one row, shape (1, D).',
      matmulShape: 'The columns of x must match the rows of W (the shape check).',
    },
    upShape: (r: number, c: number) => `Use the output’s shape (${r},${c}).`,
    dual: (node: string, same: boolean) => `The ${node} node’s forward, fed the same upstream gradient: ${same ? 'exactly this node’s backward ✓' : 'differs from this node’s backward ✗'}`,
  },
});

const SYMBOL: Record<NodeKind, string> = { add: '+', mul: '×', branch: '•', repeat: 'Rep', sum: 'Sum', matmul: 'MatMul' };

function ones(r: number, c: number): Mat {
  return mat(r, c, new Float64Array(r * c).fill(1));
}

/** §1.3.4: pick a node, edit its inputs and its upstream gradient, see forward, backward and a numerical check. */
export function GraphNodes() {
  const s = useStrings(S);
  const [kind, setKind] = useState<NodeKind>('add');
  const [texts, setTexts] = useState(NODE_DEFAULTS);
  const [repeatN, setRepeatN] = useState(3);
  const cur = texts[kind];
  const edges = NODE_EDGES[kind];
  const edit = (part: 'inputs' | 'upstream', i: number) => (v: string) =>
    setTexts((t) => ({ ...t, [kind]: { ...t[kind], [part]: t[kind][part].map((x, j) => (j === i ? v : x)) } }));

  const parsedIn = cur.inputs.map(parseArray);
  const inputs = parsedIn.every((p) => p.ok) ? parsedIn.map((p) => (p as { value: Mat }).value) : null;
  const problem = inputs ? shapeProblem(kind, inputs) : null;
  const outShapes = inputs && !problem ? outputShapes(kind, inputs, repeatN) : null;
  const parsedUp = cur.upstream.map(parseArray);
  const upErrors = parsedUp.map((p, i) => {
    if (!p.ok) return s.errors[p.error];
    const want = outShapes?.[i];
    return want && (p.value.rows !== want[0] || p.value.cols !== want[1]) ? s.upShape(want[0], want[1]) : undefined;
  });
  const upstream = outShapes && upErrors.every((e) => !e) ? parsedUp.map((p) => (p as { value: Mat }).value) : null;
  const run = inputs && upstream ? runNode(kind, inputs, upstream, repeatN) : null;

  const setUpstreamOnes = () => {
    if (!outShapes) return;
    setTexts((t) => ({ ...t, [kind]: { ...t[kind], upstream: outShapes.map(([r, c]) => formatArray(ones(r, c))) } }));
  };
  const changeN = (n: number) => {
    setRepeatN(n);
    const d = inputs?.[0]?.cols ?? 3;
    setTexts((t) => ({ ...t, repeat: { ...t.repeat, upstream: [formatArray(ones(n, d))] } }));
  };
  const dual = run && upstream && inputs ? dualForward(kind, upstream[0], inputs[0].rows) : null;
  const dualSame = !!dual && !!run && dual.value.data.every((v, i) => v === run.grads[0].data[i]) && dual.value.data.length === run.grads[0].data.length;
  const tex = inputs && outShapes ? nodeTex(kind, inputs.map((m) => [m.rows, m.cols]), outShapes[0], repeatN) : [];

  return (
    <Widget name="graph-nodes" title={s.title}>
      <div className="widget-controls">
        <ChoiceGroup label={s.node} value={kind} options={NODE_KINDS.map((k) => ({ value: k, label: s.names[k] }))} onChange={setKind} testId="graph-node-kind" />
        {kind === 'repeat' && <Slider label={s.repeatN} value={repeatN} min={1} max={4} step={1} onChange={changeN} testId="graph-repeat-n" />}
      </div>
      <div className="gn-fields">
        {cur.inputs.map((v, i) => (
          <TextField key={`${kind}-in-${i}`} label={s.input(edges.inputs[i])} value={v} onChange={edit('inputs', i)} testId={`graph-input-${i}`} size={24}
            error={!parsedIn[i].ok ? s.errors[(parsedIn[i] as { error: 'syntax' }).error] : i === cur.inputs.length - 1 && problem ? s.errors[problem] : undefined} />
        ))}
        {cur.upstream.map((v, i) => (
          <TextField key={`${kind}-up-${i}`} label={s.upstream(edges.outputs[i])} value={v} onChange={edit('upstream', i)} testId={`graph-upstream-${i}`} size={24} error={upErrors[i]} />
        ))}
      </div>
      <div className="gn-buttons">
        <button type="button" onClick={setUpstreamOnes} disabled={!outShapes}>{s.ones}</button>
        <button type="button" onClick={() => setTexts((t) => ({ ...t, [kind]: NODE_DEFAULTS[kind] }))}>{s.reset}</button>
      </div>
      <NodeDiagram
        symbol={SYMBOL[kind]}
        label={s.diagram}
        inputs={edges.inputs.map((name, i) => ({ name, value: inputs?.[i], grad: run?.grads[i] }))}
        outputs={edges.outputs.map((name, i) => ({ name, value: run?.outputs[i], grad: upstream?.[i] }))}
      />
      <div className="gn-tex">
        {tex.map((t) => (
          <div key={t}>
            <Tex tex={t} />
          </div>
        ))}
      </div>
      {dual && (
        <p className="gn-dual" data-testid="graph-dual" data-same={String(dualSame)}>
          {s.dual(dual.node, dualSame)} <code>{formatArray(dual.value)}</code>
        </p>
      )}
      {run && <CheckTable run={run} inputNames={edges.inputs} outputNames={edges.outputs} />}
      <ShowCode source={kind === 'matmul' ? layersSrc : nodesSrc} path={kind === 'matmul' ? 'src/nn/layers.ts' : 'src/nn/nodes.ts'}
        names={[{ add: 'AddNode', mul: 'MulNode', branch: 'BranchNode', repeat: 'RepeatNode', sum: 'SumNode', matmul: 'MatMul' }[kind]]}
        book={<code>{kind === 'matmul' ? 'common/layers.py: MatMul' : kind === 'repeat' || kind === 'sum' ? `np.${kind === 'repeat' ? 'repeat' : 'sum'}(…, axis=0)` : '§1.3.4'}</code>} />
    </Widget>
  );
}
