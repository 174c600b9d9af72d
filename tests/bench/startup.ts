// npm run bench:startup [-- --runs 3] [--geodata DIR] [--json]
// Start-up cost of the pipeline: loadContext (read the gazetteer, the Sahel layers and the lexicons, compile the
// context) in fresh child processes, so each run's time and peak memory are its own. No randomness: the input is
// the geodata folder, the figures are medians over the runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadContext } from '../../scripts/lib/load.ts';

const HELP = `Start-up benchmark: time and peak memory of loadContext (scripts/lib/load.ts).

Usage: npm run bench:startup -- [--runs N] [--geodata DIR] [--json]

  --runs N        Fresh child processes to run (default 3); medians are printed.
  --geodata DIR   The geodata folder to load (default geodata/).
  --json          Print one JSON object (all figures) as the last line.
  -h, --help      This text.

Per run: wall and CPU time of loadContext (CPU time counts GC threads too; wall time moves with the machine's
load), the process's peak RSS at its end (node and tsx included: an empty process
is measured too and printed as the baseline), and the JS heap held by the context after a full GC.`;

const MB = 1024 * 1024;

interface RunResult {
  loadMs: number;
  /** CPU time (user + system, all threads) of loadContext: steadier than wall time on a shared machine. */
  cpuMs: number;
  peakRssMB: number;
  heapMB: number;
  entries: number;
  phrases: number;
}

/** One measurement inside this process (the child's side). */
function child(geodataDir: string | undefined, empty: boolean): RunResult {
  if (empty) {
    return {
      loadMs: 0,
      cpuMs: 0,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      heapMB: 0,
      entries: 0,
      phrases: 0,
    };
  }
  const t = performance.now();
  const cpu = process.cpuUsage();
  const ctx = loadContext(geodataDir ? { geodataDir } : {});
  const loadMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  globalThis.gc?.();
  const heapMB = process.memoryUsage().heapUsed / MB;
  return {
    loadMs,
    cpuMs,
    peakRssMB,
    heapMB,
    entries: ctx.gazetteer.entries.length,
    phrases: ctx.trie.phrases().length,
  };
}

function spawnRun(args: string[]): RunResult {
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as RunResult;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};

function main(): void {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      geodata: { type: 'string' },
      json: { type: 'boolean', default: false },
      child: { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.child) {
    console.log(JSON.stringify(child(values.geodata, values.empty)));
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive integer, not ${values.runs}`);
  const geo = values.geodata ? ['--geodata', values.geodata] : [];
  const baseline = spawnRun(['--empty']);
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnRun(geo);
    results.push(r);
    if (!values.json)
      console.log(
        `run ${i + 1}: loadContext ${(r.loadMs / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s), peak RSS ${r.peakRssMB.toFixed(0)} MB, ` +
          `heap after GC ${r.heapMB.toFixed(0)} MB`,
      );
  }
  const first = results[0] as RunResult;
  const summary = {
    runs,
    loadSeconds: Number((median(results.map((r) => r.loadMs)) / 1000).toFixed(3)),
    cpuSeconds: Number((median(results.map((r) => r.cpuMs)) / 1000).toFixed(3)),
    peakRssMB: Math.round(median(results.map((r) => r.peakRssMB))),
    heapMB: Math.round(median(results.map((r) => r.heapMB))),
    baselineRssMB: Math.round(baseline.peakRssMB),
    entries: first.entries,
    phrases: first.phrases,
  };
  if (values.json) console.log(JSON.stringify(summary));
  else
    console.log(
      `median of ${runs}: loadContext ${summary.loadSeconds.toFixed(2)} s (CPU ${summary.cpuSeconds.toFixed(2)} s), peak RSS ${summary.peakRssMB} MB ` +
        `(empty process ${summary.baselineRssMB} MB), heap after GC ${summary.heapMB} MB; ` +
        `${summary.entries} gazetteer entries, ${summary.phrases} trie phrases`,
    );
}

main();
