// The production build (`npm run build`, what `npm start` serves) carries no test hook and still works.
// The rest of the suite runs the test-mode build of global-setup.ts, which has window.__sahel.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentCollection } from '../../src/pipeline/contract.ts';
import { guardNetwork, launchChromium, servePreview } from './helpers.ts';

const DIR = '.cache/e2e-production';
const HOOK = '__sahel';
let server: PreviewServer;
let url: string;
let browser: Browser;

/** Names of the built scripts that contain `needle`. */
function scriptsWith(dir: string, needle: string): string[] {
  return readdirSync(join(dir, 'assets'))
    .filter((f) => /\.m?js$/.test(f))
    .filter((f) => readFileSync(join(dir, 'assets', f), 'utf8').includes(needle));
}

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  // exactly `npm run build`, outside vitest's NODE_ENV=test
  const env = { ...process.env };
  delete env.NODE_ENV;
  const r = spawnSync(
    'npm',
    ['run', '--silent', 'build', '--', '--outDir', DIR, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env,
    },
  );
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
  ({ server, url } = await servePreview(DIR));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(DIR, { recursive: true, force: true });
});

describe('production build', () => {
  it('has no test hook in any script, while the test build has one (so the search can fail)', () => {
    expect(scriptsWith(DIR, HOOK)).toEqual([]);
    expect(scriptsWith('dist', HOOK).length).toBeGreaterThan(0);
  });

  it('opens, loads the data and draws the map without it', async () => {
    const incidents = JSON.parse(
      readFileSync(join(DIR, 'data/incidents.geojson'), 'utf8'),
    ) as IncidentCollection;
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const log = await guardNetwork(page);
    await page.goto(url);
    await page.locator('.app[data-status="ready"]').waitFor({ timeout: 30_000 });
    await page.locator('.maplibregl-canvas').waitFor();
    await expect(page.getByTestId('count').innerText()).resolves.toBe(String(incidents.features.length));
    expect(await page.evaluate((name) => name in window, HOOK)).toBe(false);
    expect(log.pageErrors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.external).toEqual([]);
    await page.close();
  });
});
