// One toolchain: Vite builds the map (src/app) and Vitest runs the unit and end-to-end tests.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The content security policy, also in index.html's meta tag (tests/security/headers.test.ts keeps the two
 * equal). The header adds what a meta tag cannot carry: frame-ancestors (no page may frame the map).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers on every response of `vite preview`, the production build's server (npm start). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const DATA_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `data/X` as its precompressed sibling `data/X.gz` (the build writes them for map/) with Content-Encoding
 * gzip when the browser accepts it: 6-7x fewer bytes and no compression per request. Anything else falls through
 * to Vite's own static files.
 */
function precompressedData(headers: Record<string, string>): Plugin {
  const handler =
    (root: () => string) =>
    (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
      const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const type = DATA_TYPES[extname(path)];
      if (!accepts || !type || !path.startsWith('/data/') || (req.method !== 'GET' && req.method !== 'HEAD'))
        return next();
      const dir = resolve(root());
      const file = resolve(dir, `.${path}.gz`);
      if (!file.startsWith(dir + sep)) return next();
      let size: number;
      try {
        const st = statSync(file);
        if (!st.isFile()) return next();
        size = st.size;
      } catch {
        return next();
      }
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', String(size));
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', 'no-cache');
      if (req.method === 'HEAD') return void res.end();
      createReadStream(file).pipe(res);
    };
  let outDir = 'dist';
  let publicDir = 'public';
  return {
    name: 'precompressed-data',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
      publicDir = c.publicDir || resolve(c.root, 'public');
    },
    configureServer(server) {
      server.middlewares.use(handler(() => publicDir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(handler(() => outDir));
    },
  };
}

export default defineConfig({
  plugins: [svelte(), precompressedData(SECURITY_HEADERS)],
  root: '.',
  publicDir: 'public',
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, headers: SECURITY_HEADERS },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // The CLI tests spawn whole builds, whose start-up (loading the village gazetteer) takes seconds on a
          // busy 2-core machine: a ceiling, not a speed target (benchmarks live in tests/bench/).
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // One gazetteer context a worker, not one a file: loading it (tests/pipeline/helpers.ts) takes seconds,
          // and two dozen files import it. Non-isolated workers keep imported modules from file to file (each
          // test file itself still runs afresh); no test mocks a module or stubs a global. Two workers: most of
          // the slow files wait on the child processes they start.
          isolate: false,
          maxWorkers: 2,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // One worker for every file in turn (they share the preview server and Chromium's CPU): not isolated, so
          // playwright-core and the helpers are imported once. Its own group order: after the unit files, as before.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
