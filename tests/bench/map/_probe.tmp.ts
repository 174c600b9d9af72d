import { preview } from 'vite';
import { launchChromium } from '../../e2e/helpers.ts';
const server = await preview({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  build: { outDir: '.cache/bench-map' },
  preview: { host: '127.0.0.1', port: 0 },
});
const url = server.resolvedUrls!.local[0]!;
const b = await launchChromium();
try {
  const page = await b.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${url}tests/bench/map/bench.html?n=10000&mode=app`);
  await page.waitForFunction('window.__sahel?.map?.loaded()');
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(`(async () => {
    const m = window.__sahel.map, app = window.__sahel.app;
    const out = [];
    for (const hideLabels of [false, true]) {
      m.setLayoutProperty('cluster-labels', 'visibility', hideLabels ? 'none' : 'visible');
      await new Promise(r => m.once('idle', r));
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        let tjs = 0, tset = 0;
        const origSet = m.getSource('clusters').setData.bind(m.getSource('clusters'));
        const idle = new Promise(r => m.once('idle', r));
        app.filters.actors = [['JNIM','France','AQIM','Wagner Group','ECOWAS'][k]];
        await new Promise(r => requestAnimationFrame(() => { tjs = performance.now() - t0; r(); }));
        await idle;
        out.push({ hideLabels, js: Math.round(tjs), idle: Math.round(performance.now() - t0) });
      }
    }
    return out;
  })()`);
  console.log(JSON.stringify(r));
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: {
      nodes: {
        id: number;
        callFrame: { functionName: string; url: string; lineNumber: number };
        hitCount?: number;
      }[];
    };
  };
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + (n.hitCount ?? 0));
  }
  console.log(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${v}\t${k}`)
      .join('\n'),
  );
} finally {
  await b.close();
  await server.close();
}
