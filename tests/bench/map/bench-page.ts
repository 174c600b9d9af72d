// The bench page (tests/bench/map/bench.html) built into a folder with an empty data fixture, for run.ts and
// profile.ts.
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { writeFixture } from './fixture.ts';

export async function buildBenchPage(out: string): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    publicDir: false,
    // the bench page reads the app through window.__sahel, which only test builds have
    mode: 'test',
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: 'tests/bench/map/bench.html' } },
  });
  writeFixture(join(out, 'data'), { n: 0 });
  // served from the root, where the app finds data/ (the CSP's base-uri 'none' forbids a <base> tag)
  renameSync(join(out, 'tests/bench/map/bench.html'), join(out, 'bench.html'));
}

/** A preview server for a built bench folder, on a free local port, and the page's base URL. */
export async function serveBenchPage(out: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir: out },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  return { server, url: server.resolvedUrls!.local[0]! };
}
