import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/sw/csp';

const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v] as const));

describe('content security policy', () => {
  it('public/_headers sends exactly the header policy of src/sw/csp.ts', () => {
    const text = readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8');
    const line = text.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
    expect(line?.trim().slice('Content-Security-Policy:'.length).trim()).toBe(contentSecurityPolicy('header'));
  });

  it.each(['meta', 'header'] as const)('the %s policy allows no eval, no inline script and no remote host; WebAssembly compiles', (mode) => {
    const d = directives(contentSecurityPolicy(mode));
    expect(d.get('default-src')).toEqual(["'self'"]);
    // 'wasm-unsafe-eval' lets the SIMD kernels' module compile; JavaScript eval stays blocked
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    for (const [, sources] of d) {
      for (const src of sources) {
        expect(src).not.toMatch(/^'unsafe-eval'$|^\*|^https?:|^wss?:|^\w+\.\w+/);
      }
    }
  });

  it('the meta policy leaves out frame-ancestors, which a <meta> cannot carry', () => {
    expect(directives(contentSecurityPolicy('meta')).has('frame-ancestors')).toBe(false);
    expect(directives(contentSecurityPolicy('header')).has('frame-ancestors')).toBe(true);
  });

  it('the dev policy opens only inline scripts and the dev server socket, never eval', () => {
    const d = directives(contentSecurityPolicy('dev', '127.0.0.1:4405'));
    expect(d.get('script-src')).toEqual(["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4405']);
    expect(contentSecurityPolicy('dev')).not.toMatch(/'unsafe-eval'/);
  });
});
