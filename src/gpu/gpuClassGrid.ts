/**
 * WebGPU class grid (§1.5.2): the browser's counterpart of running the book's NumPy code on a
 * GPU with CuPy. The same prediction as the CPU path (the core's `classGrid`), in a compute
 * shader; callers fall back to the CPU worker whenever {@link openGpuClassGrid} says no.
 *
 * WebGPU code stays here, out of src/nn, so the core keeps running in Node.
 */
import type { GridGeometry } from '../lab/tasks/classify2d';
import type { TwoLayerParams } from '../nn/twoLayerNet';
import { CLASS_GRID_WGSL, MAX_GPU_CLASSES, POINTS_PER_WORD, WORKGROUP_SIZE } from './classGridShader';

// WebGPU's flag values (from the spec). TypeScript's DOM library declares the GPU interfaces but
// not these global namespaces, and referring to the globals would also throw where WebGPU is absent.
const BUF = { MAP_READ: 0x0001, COPY_SRC: 0x0004, COPY_DST: 0x0008, UNIFORM: 0x0040, STORAGE: 0x0080 } as const;
const MAP_READ_MODE = 0x0001;

export type GpuUnavailable = 'no-webgpu' | 'no-adapter' | 'no-device' | 'too-many-classes' | 'too-large';

/** Why the GPU path did not run, with the browser's message when there was one. */
export class GpuUnavailableError extends Error {
  constructor(readonly reason: GpuUnavailable, message: string) {
    super(message);
    this.name = 'GpuUnavailableError';
  }
}

/** Packs the four parameters in the order the shader reads them, as float32. */
export function packParams(p: TwoLayerParams): { data: Float32Array; hidden: number; classes: number } {
  const hidden = p.b1.length;
  const classes = p.b2.length;
  if (p.W1.data.length !== 2 * hidden || p.W2.data.length !== hidden * classes) {
    throw new Error(`packParams: shapes do not fit (W1 ${p.W1.data.length}, b1 ${hidden}, W2 ${p.W2.data.length}, b2 ${classes})`);
  }
  const data = new Float32Array(3 * hidden + hidden * classes + classes);
  data.set(p.W1.data, 0);
  data.set(p.b1, 2 * hidden);
  data.set(p.W2.data, 3 * hidden);
  data.set(p.b2, 3 * hidden + hidden * classes);
  return { data, hidden, classes };
}

/** The uniform block (see `struct Grid` in the shader): 12 × 4 bytes. */
export function gridUniform(g: GridGeometry, hidden: number, classes: number, perRow: number): ArrayBuffer {
  const buf = new ArrayBuffer(48);
  const u = new Uint32Array(buf);
  const f = new Float32Array(buf);
  const total = g.rows * g.cols;
  u[0] = g.rows;
  u[1] = g.cols;
  u[2] = hidden;
  u[3] = classes;
  f[4] = g.xMin;
  f[5] = g.yMin;
  f[6] = g.xStep;
  f[7] = g.yStep;
  u[8] = total;
  u[9] = Math.ceil(total / POINTS_PER_WORD);
  u[10] = perRow;
  return buf;
}

/** Workgroups to dispatch for `words` invocations: x ≤ 65535 (WebGPU's per-dimension limit). */
export function dispatchSize(words: number, maxPerDim = 65535): { x: number; y: number; perRow: number } {
  const groups = Math.max(1, Math.ceil(words / WORKGROUP_SIZE));
  const x = Math.min(groups, maxPerDim);
  const y = Math.ceil(groups / x);
  return { x, y, perRow: x * WORKGROUP_SIZE };
}

export interface GpuInfo {
  /** e.g. 'google swiftshader' */
  adapter: string;
  /** A software adapter (like Chromium's SwiftShader): correct results, speed means little. */
  fallback: boolean;
}

/** A ready WebGPU device and pipeline that computes class grids. */
export interface GpuClassGrid {
  info: GpuInfo;
  classGrid(params: TwoLayerParams, grid: GridGeometry): Promise<Uint8Array>;
  destroy(): void;
}

/** Asks the browser for WebGPU; rejects with {@link GpuUnavailableError} when it has none. */
export async function openGpuClassGrid(): Promise<GpuClassGrid> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) throw new GpuUnavailableError('no-webgpu', 'navigator.gpu is missing');
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (e) {
    throw new GpuUnavailableError('no-adapter', String(e));
  }
  if (!adapter) throw new GpuUnavailableError('no-adapter', 'requestAdapter() returned null');
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice();
  } catch (e) {
    throw new GpuUnavailableError('no-device', String(e));
  }
  const info: GpuInfo = {
    adapter: [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'WebGPU',
    fallback: Boolean((adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean })?.isFallbackAdapter),
  };
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ code: CLASS_GRID_WGSL });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const err = await device.popErrorScope();
  if (err) {
    device.destroy();
    throw new GpuUnavailableError('no-device', `shader: ${err.message}`);
  }
  const maxBytes = device.limits.maxStorageBufferBindingSize;

  async function classGrid(params: TwoLayerParams, g: GridGeometry): Promise<Uint8Array> {
    const { data, hidden, classes } = packParams(params);
    if (classes > MAX_GPU_CLASSES) throw new GpuUnavailableError('too-many-classes', `${classes} classes > ${MAX_GPU_CLASSES}`);
    const total = g.rows * g.cols;
    const words = Math.ceil(total / POINTS_PER_WORD);
    const outBytes = Math.max(4, words * 4);
    if (outBytes > maxBytes) throw new GpuUnavailableError('too-large', `${outBytes} bytes > ${maxBytes}`);
    const d = dispatchSize(words, device.limits.maxComputeWorkgroupsPerDimension);
    const uniform = device.createBuffer({ size: 48, usage: BUF.UNIFORM | BUF.COPY_DST });
    device.queue.writeBuffer(uniform, 0, gridUniform(g, hidden, classes, d.perRow));
    const paramBuf = device.createBuffer({ size: Math.max(16, data.byteLength), usage: BUF.STORAGE | BUF.COPY_DST });
    device.queue.writeBuffer(paramBuf, 0, data);
    const out = device.createBuffer({ size: outBytes, usage: BUF.STORAGE | BUF.COPY_SRC });
    const read = device.createBuffer({ size: outBytes, usage: BUF.MAP_READ | BUF.COPY_DST });
    try {
      device.pushErrorScope('validation');
      const bind = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: uniform } },
          { binding: 1, resource: { buffer: paramBuf } },
          { binding: 2, resource: { buffer: out } },
        ],
      });
      const enc = device.createCommandEncoder();
      const pass = enc.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bind);
      pass.dispatchWorkgroups(d.x, d.y);
      pass.end();
      enc.copyBufferToBuffer(out, 0, read, 0, outBytes);
      device.queue.submit([enc.finish()]);
      const e = await device.popErrorScope();
      if (e) throw new Error(`WebGPU: ${e.message}`);
      await read.mapAsync(MAP_READ_MODE);
      // Four 8-bit classes per little-endian u32: the bytes are the classes in grid order.
      const classesOut = new Uint8Array(read.getMappedRange().slice(0, total));
      read.unmap();
      return classesOut;
    } finally {
      uniform.destroy();
      paramBuf.destroy();
      out.destroy();
      read.destroy();
    }
  }

  return { info, classGrid, destroy: () => device.destroy() };
}
