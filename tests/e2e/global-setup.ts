// e2e global setup: build the data with the real CLI, build the app with Vite (test mode), serve dist/ on 127.0.0.1.
// Until scripts/build-data.ts exists, the seeded synthetic fixture stands in (and says so loudly).

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { writeFixture } from '../bench/map/fixture.ts';
import { servePreview } from './helpers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataMode: 'build' | 'fixture';
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let dataMode: 'build' | 'fixture' = 'build';
  if (existsSync('scripts/build-data.ts')) {
    // `npm run build:data` without npm's own start-up: the command it runs (package.json), with its defaults.
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`build:data failed (exit ${r.status})`);
  } else {
    console.warn('[e2e] scripts/build-data.ts not found: using the synthetic fixture (temporary)');
    rmSync('public/data', { recursive: true, force: true });
    writeFixture('public/data', { n: 300 });
    dataMode = 'fixture';
  }
  // mode 'test' keeps the window.__sahel hook the tests read (production builds leave it out)
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'test' });
  const { server, url } = await servePreview('dist');
  project.provide('baseUrl', url);
  project.provide('dataMode', dataMode);
  return async () => {
    await server.close();
  };
}
