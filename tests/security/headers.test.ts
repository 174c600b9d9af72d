// The production build's server (`vite preview`, what `npm start` serves) sends security headers on every
// response, and the CSP header is the index.html meta tag's policy plus frame-ancestors (issue 11). A real
// request to a preview server on 127.0.0.1 checks them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { CSP } from '../../vite.config.ts';
import { temp } from './helpers.ts';

let server: PreviewServer;
let base = '';

beforeAll(async () => {
  const dist = temp('preview');
  writeFileSync(join(dist, 'index.html'), readFileSync(join(ROOT, 'index.html')));
  mkdirSync(join(dist, 'data'));
  writeFileSync(join(dist, 'data', 'sources.json'), '[]');
  server = await preview({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  base = server.resolvedUrls?.local[0] ?? '';
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('vite preview security headers', () => {
  for (const path of ['', 'data/sources.json', 'no/such/file.js']) {
    it(`on /${path}`, async () => {
      const res = await fetch(new URL(path, base));
      const h = res.headers;
      const csp = h.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(h.get('x-frame-options')).toBe('DENY');
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('no-referrer');
      await res.arrayBuffer();
    });
  }

  it('the CSP header is the meta tag policy plus frame-ancestors', async () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP);
    const res = await fetch(base);
    expect(res.headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
    expect(await res.text()).toContain('Content-Security-Policy');
  });
});
