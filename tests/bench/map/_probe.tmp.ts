import { preview } from 'vite';
import { launchChromium } from '../../e2e/helpers.ts';
const server = await preview({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: '.cache/bench-map' }, preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls!.local[0]!;
const b = await launchChromium();
try {
  const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${url}tests/bench/map/bench.html?n=100000&mode=app`);
  await page.waitForFunction('window.__sahel?.map?.loaded()');
  await page.waitForTimeout(5000);
  const r = await page.evaluate(`(async () => {
    const m = window.__sahel.map, app = window.__sahel.app;
    const out = [];
    for (let k = 0; k < 4; k++) {
      const t0 = performance.now();
      await new Promise(r => { m.once('idle', r); m.triggerRepaint(); });
      out.push({ repaintOnly: Math.round(performance.now() - t0) });
    }
    for (let k = 0; k < 6; k++) {
      const t0 = performance.now();
      const idle = new Promise(r => m.once('idle', r));
      app.filters.actors = [['JNIM','France','AQIM','Wagner Group','ECOWAS','VDP'][k]];
      await Promise.resolve(); await new Promise(r => setTimeout(r, 0));
      const tSvelte = performance.now() - t0;
      let tFrame = 0;
      await new Promise(r => requestAnimationFrame(() => { tFrame = performance.now() - t0; r(); }));
      await idle;
      out.push({ svelteAndEffects: Math.round(tSvelte), firstFrame: Math.round(tFrame), idle: Math.round(performance.now() - t0), filterMs: Math.round(app.lastFilterMs) });
    }
    return out;
  })()`);
  console.log(JSON.stringify(r, null, 0));
} finally { await b.close(); await server.close(); }
