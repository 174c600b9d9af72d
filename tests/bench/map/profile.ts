// Where a filter change's time goes: the bench page (?n=&mode=app) in Chromium, a trace over a few filter changes,
// busy time per thread (main, MapLibre workers, compositor, GPU) and the functions with the most self time.
// Run: npx tsx tests/bench/map/profile.ts [n=100000] [actor|date] [overview|zoomed] [runs=5] [--no-build]
// Builds the bench page into .cache/bench-map-prof (not the bench's own folder, so both can run).

import { readFileSync } from 'node:fs';
import { launchChromium } from '../../e2e/helpers.ts';
import { buildBenchPage, serveBenchPage } from './bench-page.ts';

const OUT = '.cache/bench-map-prof';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Map filter-change profile (not part of npm test): a Chromium trace over a few filter changes of the
bench page, with busy time per thread and the functions with the most self time.

Usage: npx tsx tests/bench/map/profile.ts [n=100000] [actor|date] [overview|zoomed] [runs=5] [options]
  --no-build     reuse the bench page already built in ${OUT}
  --summarize    only summarize the last trace (.cache/profile-trace.json)
  --layers, --plain, --exp, --trace, --drop=LAYER   experiments described in docs/map-data.md`);
  process.exit(0);
}
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const n = Number(args[0] ?? 100_000);
const change = (args[1] ?? 'actor') as 'actor' | 'date';
const where = args[2] ?? 'overview';
const runs = Number(args[3] ?? 5);

if (process.argv.includes('--summarize')) {
  summarize(JSON.parse(readFileSync('.cache/profile-trace.json', 'utf8')) as Trace);
  process.exit(0);
}
if (!process.argv.includes('--no-build')) await buildBenchPage(OUT);

const { server, url } = await serveBenchPage(OUT);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'log' && console.log(`page: ${m.text()}`));
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(`${url}bench.html?n=${n}&mode=app`, { timeout: 300_000 });
  await page.waitForFunction(
    () => {
      const h = (window as unknown as { __sahel?: { attached?: boolean; firstIdle?: number } }).__sahel;
      return h?.attached && h.firstIdle !== undefined;
    },
    undefined,
    { timeout: 300_000, polling: 100 },
  );
  const idle = () =>
    page.evaluate(
      () =>
        new Promise<void>((r) => {
          const m = (
            window as unknown as {
              __sahel: { map: { once(e: string, f: () => void): void; triggerRepaint(): void } };
            }
          ).__sahel.map;
          m.once('idle', () => r());
          m.triggerRepaint();
        }),
    );
  await idle();
  await page.waitForTimeout(3000);
  await idle();
  if (where === 'zoomed') {
    await page.evaluate(() =>
      (window as unknown as { __sahel: { map: { jumpTo(o: object): void } } }).__sahel.map.jumpTo({
        center: [-4.18, 14.48],
        zoom: 7,
      }),
    );
    await page.waitForTimeout(500);
    await idle();
    await page.waitForTimeout(3000);
    await idle();
  }
  if (process.argv.includes('--layers')) {
    // the cost of one frame (until the next animation frame after it: the canvas is read back there), with every
    // layer and with each layer hidden in turn
    const costs = await page.evaluate(async () => {
      const m = (window as unknown as { __sahel: { map: import('maplibre-gl').Map } }).__sahel.map;
      const frame = async () => {
        const t0 = performance.now();
        await new Promise<void>((r) => {
          m.once('render', () => r());
          m.triggerRepaint();
        });
        await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      };
      const med = async () => {
        const xs: number[] = [];
        for (let k = 0; k < 7; k++) xs.push(await frame());
        return Math.round(xs.sort((a, b) => a - b)[3]!);
      };
      const out: [string, number][] = [['all', await med()]];
      for (const l of m.getStyle().layers) {
        if (m.getLayoutProperty(l.id, 'visibility') === 'none') continue;
        m.setLayoutProperty(l.id, 'visibility', 'none');
        out.push([l.id, await med()]);
        m.setLayoutProperty(l.id, 'visibility', 'visible');
      }
      const all = m.getStyle().layers.map((l) => l.id);
      for (const id of all) m.setLayoutProperty(id, 'visibility', 'none');
      out.push(['none', await med()]);
      for (const id of all) m.setLayoutProperty(id, 'visibility', 'visible');
      return out;
    });
    for (const [id, ms] of costs) console.log(`  frame without ${id.padEnd(24)} ${ms} ms`);
  }
  if (process.argv.includes('--exp')) {
    if (process.argv.includes('--trace'))
      await browser.startTracing(page, {
        path: '.cache/profile-trace.json',
        categories: [
          'devtools.timeline',
          'toplevel',
          'disabled-by-default-v8.cpu_profiler',
          'blink.user_timing',
        ],
      });
    // the map alone: setFilter on the three point layers vs a global-state filter reloaded through the style
    const out = await page.evaluate(async () => {
      const m = (window as unknown as { __sahel: { map: import('maplibre-gl').Map } }).__sahel.map;
      const actors = ['|JNIM|', '|Wagner Group|', '|Military Forces of Mali|', '|France|', '|AQIM|'];
      const base: Record<string, unknown> = {
        'incident-points': ['!', ['has', 'count']],
        'incident-approx': ['all', ['==', ['get', 'gp'], 2]],
        'incident-outer': ['all', ['in', ['get', 'mod'], ['literal', ['claimed', 'alleged']]]],
      };
      const one = async (f: () => void) => {
        const t0 = performance.now();
        let renders = 0;
        const onR = () => renders++;
        m.on('render', onR);
        const idle = new Promise<void>((r) => m.once('idle', () => r()));
        f();
        await idle;
        m.off('render', onR);
        return `${Math.round(performance.now() - t0)}(${renders})`;
      };
      const res: string[] = [];
      for (let k = 0; k < 6; k++)
        res.push(
          await one(() => {
            for (const [id, b] of Object.entries(base))
              m.setFilter(id, ['all', b, ['in', actors[k % 5]!, ['get', 'act']]] as never);
          }),
        );
      const A = res.join(' ');
      res.length = 0;
      const style = (m as unknown as { style: { setGlobalStateProperty(n: string, v: unknown): void } })
        .style;
      const n = (window as unknown as { __sahel: { app: { data: { ix: { n: number } } } } }).__sahel.app.data
        .ix.n;
      const mask = (k: number) => {
        const a = new Array<number>(n);
        for (let i = 0; i < n; i++) a[i] = Math.imul(i + k * 7919, 0x9e3779b1) >>> 29 < 3 ? 1 : 0;
        return a;
      };
      style.setGlobalStateProperty('mask', mask(0));
      const pass = ['in', 1, ['slice', ['global-state', 'mask'], ['get', 'fid'], ['+', ['get', 'fid'], 1]]];
      for (const [id, b] of Object.entries(base)) m.setFilter(id, ['all', b, pass] as never);
      await new Promise<void>((r) => m.once('idle', () => r()));
      const masks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(mask);
      for (let k = 0; k < 6; k++)
        res.push(
          await one(() => {
            const a = performance.now();
            style.setGlobalStateProperty('mask', masks[k]);
            res.push(`sync ${Math.round(performance.now() - a)}`);
          }),
        );
      const B = res.join(' ');
      res.length = 0;
      if (!location.search.includes('both')) return `setFilter: ${A}\nmask via style: ${B}`;
      for (let k = 6; k < 12; k++) res.push(await one(() => m.setGlobalStateProperty('mask', masks[k])));
      const t0 = performance.now();
      const arr = Array.from(new Uint8Array(n));
      const t1 = performance.now();
      void arr;
      return `setFilter: ${A}\nmask via style: ${B}\nmask via map: ${res.join(' ')}\nArray.from ${n}: ${Math.round(t1 - t0)} ms`;
    });
    console.log(out);
    if (process.argv.includes('--trace')) {
      await browser.stopTracing();
      summarize(JSON.parse(readFileSync('.cache/profile-trace.json', 'utf8')) as Trace);
    }
    process.exit(0);
  }
  if (process.argv.includes('--plain')) {
    const t = await measure(page, change, runs, 0);
    console.log(
      `n=${n} ${change} ${where}: main · idle`,
      t.map((x) => x.map(Math.round).join(' · ')).join(', '),
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () =>
      Math.round(
        ((await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ??
          NaN) / 1048576,
      );
    const before = await heap();
    await cdp.send('HeapProfiler.collectGarbage');
    console.log(`JS heap ${before} MB, ${await heap()} MB after GC`);
    process.exit(0);
  }
  const drop = process.argv.find((a) => a.startsWith('--drop='))?.slice(7);
  if (drop) {
    const t = await measure(page, change, runs, 100);
    console.log(`before dropping: main · idle`, t.map((x) => x.map(Math.round).join(' · ')).join(', '));
    await page.evaluate((ids) => {
      const m = (window as unknown as { __sahel: { map: import('maplibre-gl').Map } }).__sahel.map;
      for (const id of ids.split(',')) m.removeLayer(id);
    }, drop);
    await idle();
    await page.waitForTimeout(2000);
    const t2 = await measure(page, change, runs, 200);
    console.log(
      `after dropping ${drop}: main · idle`,
      t2.map((x) => x.map(Math.round).join(' · ')).join(', '),
    );
    process.exit(0);
  }
  await browser.startTracing(page, {
    path: '.cache/profile-trace.json',
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'toplevel',
      'disabled-by-default-v8.cpu_profiler',
      'gpu',
      'blink.user_timing',
    ],
  });
  const times = await measure(page, change, runs, 0);
  await browser.stopTracing();
  console.log(
    `n=${n} ${change} ${where}: main · idle ms per change:`,
    times.map((t) => t.map(Math.round).join(' · ')).join(', '),
  );
  summarize(JSON.parse(readFileSync('.cache/profile-trace.json', 'utf8')) as Trace);
} finally {
  await browser.close();
  await server.close();
}

async function measure(
  page: import('playwright-core').Page,
  change: string,
  runs: number,
  k0: number,
): Promise<number[][]> {
  const times: number[][] = [];
  for (let k = 0; k < runs; k++) {
    times.push(
      await page.evaluate(
        async ({ change, k }) => {
          const actors = ['JNIM', 'Wagner Group', 'Military Forces of Mali', 'France', 'AQIM'];
          const day = (d: number) =>
            new Date(Date.UTC(2014, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
          const w = window as unknown as {
            __sahel: {
              map: { once(e: string, cb: () => void): void };
              app: { filters: { actors: string[]; dateFrom: string | null; dateTo: string | null } };
            };
          };
          const m = w.__sahel.map as unknown as {
            once(e: string, cb: () => void): void;
            on(e: string, cb: () => void): void;
            off(e: string, cb: () => void): void;
          };
          const t0 = performance.now();
          const frames: number[] = [];
          const onRender = () => frames.push(Math.round(performance.now() - t0));
          m.on('render', onRender);
          const onData = (e: {
            sourceId?: string;
            sourceDataType?: string;
            tile?: { tileID: { canonical: { z: number; x: number; y: number } } };
            isSourceLoaded?: boolean;
          }) => {
            if (e.sourceId)
              frames.push(
                `${e.sourceId}:${e.sourceDataType ?? ''}${e.tile ? `:${e.tile.tileID.canonical.z}/${e.tile.tileID.canonical.x}/${e.tile.tileID.canonical.y}` : ''}@${Math.round(performance.now() - t0)}` as unknown as number,
              );
          };
          (m as unknown as { on(e: string, f: typeof onData): void }).on('sourcedata', onData);
          const idle = new Promise<void>((r) => m.once('idle', () => r()));
          performance.mark(`change-${k}`);
          if (change === 'actor') w.__sahel.app.filters.actors = [actors[k % actors.length]!];
          else {
            w.__sahel.app.filters.dateFrom = day(k * 30);
            w.__sahel.app.filters.dateTo = day(k * 30 + 365);
          }
          await Promise.resolve();
          await Promise.resolve();
          const main = performance.now() - t0;
          await idle;
          m.off('render', onRender);
          (m as unknown as { off(e: string, f: typeof onData): void }).off('sourcedata', onData);
          console.log(`renders at ${frames.join(' ')}`);
          return [main, performance.now() - t0];
        },
        { change, k: k + k0 },
      ),
    );
  }
  return times;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { functionName: string; url?: string; lineNumber: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}
type Trace = { traceEvents: TraceEvent[] } | TraceEvent[];

function summarize(t: Trace): void {
  const evs = Array.isArray(t) ? t : t.traceEvents;
  const names = new Map<string, string>();
  for (const e of evs)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const marks = evs.filter((e) => e.name.startsWith('change-')).map((e) => e.ts);
  const t0 = marks.length
    ? Math.min(...marks)
    : Math.min(...evs.filter((e) => e.ph === 'X').map((e) => e.ts));
  let t1 = 0;
  for (const e of evs) if (e.ph === 'X' && e.ts + (e.dur ?? 0) > t1) t1 = e.ts + (e.dur ?? 0);
  // per thread: busy time (union of outermost events) and self time per event name
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of evs) {
    if (e.ph !== 'X' || e.ts < t0 || !e.dur) continue;
    const k = `${e.pid}:${e.tid}`;
    let l = byThread.get(k);
    if (!l) byThread.set(k, (l = []));
    l.push(e);
  }
  const rows: [string, number, Map<string, number>][] = [];
  for (const [k, l] of byThread) {
    l.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; end: number; child: number }[] = [];
    let busy = 0;
    const pop = () => {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur! - top.child) / 1000);
    };
    for (const e of l) {
      while (stack.length && stack[stack.length - 1]!.end <= e.ts) pop();
      const end = e.ts + e.dur!;
      if (stack.length)
        stack[stack.length - 1]!.child += Math.min(e.dur!, stack[stack.length - 1]!.end - e.ts);
      else busy += e.dur! / 1000;
      stack.push({ e, end: Math.min(end, stack.length ? stack[stack.length - 1]!.end : end), child: 0 });
    }
    while (stack.length) pop();
    rows.push([k, busy, self]);
  }
  console.log(`window ${((t1 - t0) / 1000).toFixed(0)} ms; busy ms per thread, then self time by event:`);
  for (const [k, busy, self] of rows.sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    console.log(`  ${(names.get(k) ?? k).padEnd(28)} ${busy.toFixed(0)}`);
    for (const [nm, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8))
      console.log(`      ${v.toFixed(0).padStart(6)}  ${nm}`);
  }
  // JS self time per function per thread, from the sampling profiler
  const profiles = new Map<string, { nodes: Map<number, string>; self: Map<string, number>; tid: string }>();
  for (const e of evs) {
    if (e.name === 'Profile' && e.id)
      profiles.set(e.id, { nodes: new Map(), self: new Map(), tid: `${e.pid}:${e.tid}` });
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(e.id);
    const d = e.args?.data;
    if (!p || !d) continue;
    for (const nd of d.cpuProfile?.nodes ?? []) {
      const f = nd.callFrame;
      const file = (f.url ?? '').split('/').pop() ?? '';
      p.nodes.set(nd.id, `${f.functionName || '(anon)'} ${file}:${f.lineNumber}`);
    }
    const samples = d.cpuProfile?.samples ?? [];
    const deltas = d.timeDeltas ?? [];
    samples.forEach((s, i) => {
      const name = p.nodes.get(s) ?? String(s);
      p.self.set(name, (p.self.get(name) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
    });
  }
  for (const p of profiles.values()) {
    const total = [...p.self.values()].reduce((a, b) => a + b, 0);
    if (total < 20) continue;
    console.log(
      `JS samples on ${names.get(p.tid) ?? p.tid}: ${total.toFixed(0)} ms (includes time before the window)`,
    );
    for (const [f, v] of [...p.self].sort((a, b) => b[1] - a[1]).slice(0, 18))
      console.log(`  ${v.toFixed(0).padStart(6)}  ${f}`);
  }
}
