/**
 * What each node in the gallery starts with: the inputs and upstream gradients the reader can
 * then edit, and the backward formula in TeX (shapes are filled in from the live arrays).
 */
import type { NodeKind } from './nodeGallery';

export interface NodeDefaults {
  inputs: string[];
  upstream: string[];
}

export const NODE_DEFAULTS: Record<NodeKind, NodeDefaults> = {
  add: { inputs: ['2', '3'], upstream: ['1.5'] },
  mul: { inputs: ['2', '3'], upstream: ['1.5'] },
  branch: { inputs: ['2'], upstream: ['1', '0.5'] },
  repeat: { inputs: ['[1, 2, 3]'], upstream: ['[[1, 0, 0], [0, 1, 0], [1, 1, 1]]'] },
  sum: { inputs: ['[[1, 2, 3], [4, 5, 6], [7, 8, 9]]'], upstream: ['[1, 0.5, -1]'] },
  matmul: { inputs: ['[[1, 2], [3, 4]]', '[[1, 0, 2], [0, 1, 3]]'], upstream: ['[[1, 0, 0], [0, 1, 1]]'] },
};

const shp = ([r, c]: [number, number]) => `(${r},${c})`;

/** The node's forward and backward in TeX, with the current shapes written under MatMul's factors. */
export function nodeTex(kind: NodeKind, inShapes: [number, number][], outShape: [number, number], repeatN: number): string[] {
  switch (kind) {
    case 'add':
      return ['z = x + y', '\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial z},\\quad \\frac{\\partial L}{\\partial y} = \\frac{\\partial L}{\\partial z}'];
    case 'mul':
      return ['z = x \\times y', '\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial z}\\, y,\\quad \\frac{\\partial L}{\\partial y} = \\frac{\\partial L}{\\partial z}\\, x'];
    case 'branch':
      return ['y_1 = x,\\quad y_2 = x', '\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial y_1} + \\frac{\\partial L}{\\partial y_2}'];
    case 'repeat':
      return [
        `\\underset{(${repeatN},D)}{y} = \\texttt{np.repeat}(\\underset{(1,D)}{x},\\ ${repeatN},\\ \\texttt{axis=0})`,
        '\\frac{\\partial L}{\\partial x} = \\textstyle\\sum_{n} \\frac{\\partial L}{\\partial y_n}\\quad(\\texttt{np.sum(dy, axis=0, keepdims=True)} = \\text{Sum})',
      ];
    case 'sum':
      return [
        '\\underset{(1,D)}{y} = \\texttt{np.sum}(\\underset{(N,D)}{x},\\ \\texttt{axis=0, keepdims=True})',
        '\\frac{\\partial L}{\\partial x_n} = \\frac{\\partial L}{\\partial y}\\quad(\\texttt{np.repeat(dy, N, axis=0)} = \\text{Repeat})',
      ];
    case 'matmul': {
      const [x, W] = inShapes;
      const wT: [number, number] = [W[1], W[0]];
      const xT: [number, number] = [x[1], x[0]];
      return [
        `\\underset{${shp(outShape)}}{y} = \\underset{${shp(x)}}{x}\\,\\underset{${shp(W)}}{W}`,
        `\\underset{${shp(x)}}{\\frac{\\partial L}{\\partial x}} = \\underset{${shp(outShape)}}{\\frac{\\partial L}{\\partial y}}\\,\\underset{${shp(wT)}}{W^{\\top}},\\qquad \\underset{${shp(W)}}{\\frac{\\partial L}{\\partial W}} = \\underset{${shp(xT)}}{x^{\\top}}\\,\\underset{${shp(outShape)}}{\\frac{\\partial L}{\\partial y}}`,
      ];
    }
  }
}
