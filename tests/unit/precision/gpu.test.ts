import { describe, expect, it } from 'vitest';
import { agreement } from '../../../src/gpu/compare';
import { dispatchSize, gridUniform, packParams } from '../../../src/gpu/gpuClassGrid';
import { CLASS_GRID_WGSL } from '../../../src/gpu/classGridShader';
import { mat } from '../../../src/nn/matrix';
import { LAB_SCHEMA } from '../../../src/state/labSettings';

describe('WebGPU class grid helpers (pure parts)', () => {
  it('packs W1, b1, W2, b2 in the order the shader reads them, as float32', () => {
    const v = (...a: number[]) => new Float64Array(a);
    const p = packParams({ W1: mat(2, 2, v(1, 2, 3, 4)), b1: v(5, 6), W2: mat(2, 3, v(7, 8, 9, 10, 11, 12)), b2: v(13, 14, 0.1) });
    expect(p.hidden).toBe(2);
    expect(p.classes).toBe(3);
    expect(Array.from(p.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, Math.fround(0.1)]);
    expect(() => packParams({ W1: mat(1, 3, v(1, 2, 3)), b1: v(5, 6), W2: mat(0, 0), b2: v() })).toThrow(/shapes/);
  });

  it('fills the uniform block as struct Grid declares it', () => {
    const buf = gridUniform({ rows: 3, cols: 5, xMin: -1.5, yMin: 0.25, xStep: 0.1, yStep: 0.2 }, 10, 3, 128);
    const u = new Uint32Array(buf);
    const f = new Float32Array(buf);
    expect([u[0], u[1], u[2], u[3]]).toEqual([3, 5, 10, 3]);
    expect([f[4], f[5], f[6], f[7]]).toEqual([-1.5, 0.25, Math.fround(0.1), Math.fround(0.2)]);
    expect([u[8], u[9], u[10]]).toEqual([15, 4, 128]);
    // the WGSL struct has exactly these twelve 4-byte fields
    const fields = /struct Grid \{([\s\S]*?)\}/.exec(CLASS_GRID_WGSL)![1].match(/^\s*\w+:/gm)!;
    expect(fields).toHaveLength(buf.byteLength / 4);
  });

  it('dispatches enough invocations for the book grid without passing 65535 groups per dimension', () => {
    const words = Math.ceil((2112 * 2047) / 4);
    const d = dispatchSize(words);
    expect(d.x).toBeLessThanOrEqual(65535);
    expect(d.x * d.y * 64).toBeGreaterThanOrEqual(words);
    const big = dispatchSize(65535 * 64 * 3 + 1);
    expect(big.x).toBe(65535);
    expect(big.y).toBe(4);
    expect(big.perRow).toBe(65535 * 64);
  });

  it('declares a score array in the shader for at least as many classes as the lab’s classes slider allows', () => {
    const classes = LAB_SCHEMA.find((e) => e.key === 'classes');
    if (classes?.kind !== 'int') throw new Error('the lab schema has no integer classes setting');
    const declared = Number(/var score: array<f32, (\d+)>/.exec(CLASS_GRID_WGSL)?.[1]);
    expect(declared).toBeGreaterThanOrEqual(classes.max);
  });

  it('measures agreement as the fraction of equal cells', () => {
    expect(agreement(Uint8Array.from([0, 1, 2, 2]), Uint8Array.from([0, 1, 1, 2]))).toBe(0.75);
    expect(agreement(new Uint8Array(0), new Uint8Array(0))).toBe(1);
    expect(() => agreement(new Uint8Array(2), new Uint8Array(3))).toThrow();
  });
});
