// A Chromium trace summed up: busy time per thread (union of outermost events), self time per event name, and JS
// self time per function from the sampling profiler. Used by profile.ts and first-load.ts.

/** What the benches trace: timeline events, V8's sampling profiler, GPU tasks and the page's marks. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
  'gpu',
  'blink.user_timing',
];

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
export type Trace = { traceEvents: TraceEvent[] } | TraceEvent[];

export function summarize(t: Trace, startMark = 'change-'): void {
  const evs = Array.isArray(t) ? t : t.traceEvents;
  const names = new Map<string, string>();
  for (const e of evs)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const marks = evs.filter((e) => e.name.startsWith(startMark)).map((e) => e.ts);
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

/** Busy ms of the busiest threads in each `bucketMs` slice of the trace: what runs when, and what overlaps. */
export function busyTimeline(t: Trace, bucketMs = 500, threads = 6): void {
  const evs = Array.isArray(t) ? t : t.traceEvents;
  const names = new Map<string, string>();
  for (const e of evs)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const xs = evs.filter((e) => e.ph === 'X' && e.dur);
  const t0 = Math.min(...xs.map((e) => e.ts));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of xs) {
    const k = `${e.pid}:${e.tid}`;
    let l = byThread.get(k);
    if (!l) byThread.set(k, (l = []));
    l.push(e);
  }
  const rows: [string, number[], number][] = [];
  for (const [k, l] of byThread) {
    l.sort((a, b) => a.ts - b.ts);
    const buckets: number[] = [];
    let end = -Infinity;
    let total = 0;
    // only outermost events: a child inside its parent counts once
    for (const e of l) {
      const s = Math.max(e.ts, end);
      const f = e.ts + e.dur!;
      if (f <= s) continue;
      end = f;
      total += (f - s) / 1000;
      for (let x = s; x < f;) {
        const b = Math.floor((x - t0) / 1000 / bucketMs);
        const bEnd = t0 + (b + 1) * bucketMs * 1000;
        const y = Math.min(f, bEnd);
        buckets[b] = (buckets[b] ?? 0) + (y - x) / 1000;
        x = y;
      }
    }
    rows.push([k, buckets, total]);
  }
  rows.sort((a, b) => b[2] - a[2]);
  console.log(`busy ms per ${bucketMs} ms from the trace's start:`);
  for (const [k, b, total] of rows.slice(0, threads))
    console.log(
      `  ${(names.get(k) ?? k).slice(0, 22).padEnd(22)} ${total.toFixed(0).padStart(6)} |` +
        Array.from(b, (v) => (v ? v.toFixed(0) : '0').padStart(4)).join(''),
    );
}
