// npm run bench [-- --sizes 1,10,100] [--json] [--map]
// Seeded synthetic corpus at several multiples of the sample size (geodata/sources/): MB/s and docs/s per
// pipeline stage and in total, peak memory, and the same corpus through a naive peer (compromise + the same
// gazetteer lookup). Each size runs in a fresh child process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadContext } from '../../scripts/lib/load.ts';
import { buildCorpus } from '../../src/pipeline/build.ts';
import type { PipelineContext } from '../../src/pipeline/context.ts';
import {
  processDoc,
  STAGES,
  toFeatures,
  type DocResult,
  type DocStage,
  type StageName,
} from '../../src/pipeline/index.ts';
import type { Claim, RawDoc, SourceMeta } from '../../src/pipeline/types.ts';
import { generateCorpus, type CorpusVocabulary } from './corpus.ts';
import { buildPeerLookup, peerGeoparse } from './peer.ts';
import { BENCH_STAGES, report, type BenchStage, type SizeResult } from './report.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const MAP_BENCH = join(HERE, 'map', 'run.ts');
const SEED = 20240601;

const HELP = `Pipeline benchmark on a seeded synthetic corpus.

Usage: npm run bench -- [--sizes 1,10,100] [--warmup 30] [--json] [--peer-max-mb 1] [--map]

  --sizes LIST       Multiples of the sample corpus size (geodata/sources/, ~37 KB). Default 1,10,100.
  --warmup N         Before timing, run N times the sample size (another seed) through the stages, and up to
                     0.25 MB of it through the peer (default 30; 1 was the setting before stop 5).
  --peer-max-mb X    Run the naive peer on at most X MB of each corpus and extrapolate (default 1).
  --json             Print one JSON object (all figures) as the last line.
  --map              Also run the map benchmark (tests/bench/map/run.ts) if it exists.
  -h, --help         This text.

Each document goes through the pipeline's stage list (src/pipeline/index.ts STAGES: clean, segment, mentions,
resolve, unknown, claims, risk), each stage timed, as the build runs it; then the corpus's claims go through
features once (toFeatures, as buildCorpus does), then the whole corpus through buildCorpus, then the segment,
mentions and resolve stages run as a pass of their own three times ("spot+resolve alone" and
"segment+spot+resolve alone", medians; like the peer, which runs alone too). Peak memory is the child process's
max RSS.
See docs/benchmark.md.`;

// ------------------------------------------------------------------ stages

/** Run one document through the pipeline's stages, adding each stage's time (seconds) to `seconds`. */
function runStages(doc: RawDoc, ctx: PipelineContext, seconds: Record<BenchStage, number>): DocResult {
  return processDoc(doc, ctx, (stage, ms) => (seconds[stage] += ms / 1000));
}

const zeroStages = () => Object.fromEntries(BENCH_STAGES.map((s) => [s, 0])) as Record<BenchStage, number>;
function stageOf(name: StageName): DocStage {
  const stage = STAGES.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage ${name} in src/pipeline/index.ts`);
  return stage;
}

// ------------------------------------------------------------------ worker (one size, one process)

const MB = 1024 * 1024;
const rssPeakMB = (): number => (process.resourceUsage().maxRSS * 1024) / MB;

function vocabulary(ctx: PipelineContext): CorpusVocabulary {
  const sahel = new Set(['ML', 'BF', 'NE', 'TD', 'MR']);
  const entries = ctx.gazetteer.entries;
  const towns = entries
    .filter((e) => e.kind === 'place' && e.country !== null && sahel.has(e.country))
    .sort((a, b) => b.population - a.population)
    .slice(0, 400)
    .map((e) => e.name);
  const regions = entries.filter((e) => e.kind === 'admin1' || e.kind === 'vernacular').map((e) => e.name);
  const countries = entries.filter((e) => e.kind === 'country').map((e) => e.name);
  const demonyms = ctx.patterns.flatMap((p) => (p.kind === 'demonym' ? [p.phrase] : []));
  const actors = [
    ...ctx.lexicons.actors.flatMap((a) => [a.name, ...a.aliases.slice(0, 2)]),
    'soldiers',
    'police',
  ];
  return { towns, regions, countries, demonyms, actors };
}

function sampleBytes(): number {
  const dir = join(ROOT, 'geodata', 'sources');
  return readdirSync(dir)
    .filter((f) => /\.(txt|md|html?)$/.test(f))
    .reduce((s, f) => s + statSync(join(dir, f)).size, 0);
}

/** Passes of spot+resolve alone over the corpus; the median is reported. */
const GEOPARSE_PASSES = 3;

/** The peer's warm-up: enough documents for compromise's code to be compiled too. */
const PEER_WARMUP_BYTES = 0.25e6;

function worker(size: number, peerMaxMB: number, warmup: number): SizeResult {
  const ctx = loadContext();
  const vocab = vocabulary(ctx);
  const base = sampleBytes();
  const lookup = buildPeerLookup(ctx.gazetteer.entries);
  // Warm-up on a different seed, for us and for the peer alike, so the timed pass measures the steady state
  // rather than the JIT compiling and the first touch of every table.
  let peerWarm = 0;
  const warmClaims: Claim[] = [];
  const warmMeta = new Map<string, SourceMeta>();
  for (const d of generateCorpus(vocab, { seed: SEED + 1, targetBytes: base * warmup })) {
    warmClaims.push(...runStages(d, ctx, zeroStages()).claims);
    warmMeta.set(d.id, d.meta);
    if (peerWarm < PEER_WARMUP_BYTES) {
      peerGeoparse(d.text, lookup);
      peerWarm += Buffer.byteLength(d.text);
    }
  }
  toFeatures(warmClaims, warmMeta, ctx);
  warmClaims.length = 0;
  const docs = generateCorpus(vocab, { seed: SEED, targetBytes: base * size });
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  globalThis.gc?.();
  const baselineMB = process.memoryUsage().rss / MB;
  const baselineHeapMB = process.memoryUsage().heapUsed / MB;

  // Every document through the stage list, each stage timed; only the claims are kept, for features.
  const stages = zeroStages();
  const allClaims: Claim[] = [];
  let mentions = 0;
  for (const d of docs) {
    const r = runStages(d, ctx, stages);
    for (const c of r.claims) allClaims.push(c);
    mentions += r.resolutions.length;
  }
  // Then the corpus's claims become incidents once, as buildCorpus does.
  let t = performance.now();
  toFeatures(allClaims, new Map(docs.map((d) => [d.id, d.meta])), ctx);
  stages.features = (performance.now() - t) / 1000;
  const claims = allClaims.length;
  allClaims.length = 0;
  const streamPeakMB = rssPeakMB();
  globalThis.gc?.();
  const heapAfterStreamMB = process.memoryUsage().heapUsed / MB;

  t = performance.now();
  const built = buildCorpus(docs, ctx);
  const build = (performance.now() - t) / 1000;
  const buildPeakMB = rssPeakMB();
  if (built.report.counts.documents !== docs.length) throw new Error('buildCorpus skipped documents');
  globalThis.gc?.();
  const heapWithOutputMB = process.memoryUsage().heapUsed / MB;

  // The geoparsing core as a pass of its own, like the peer: clean first (untimed: the peer gets no HTML
  // cleaning either), then the segment, mentions and resolve stages over every document, segmenting timed apart.
  // The peer splits its own sentences, so "segment+spot+resolve" is the strictest like-for-like figure.
  const [clean, seg, spot, res] = [
    stageOf('clean'),
    stageOf('segment'),
    stageOf('mentions'),
    stageOf('resolve'),
  ];
  const prepared = docs.map((doc) => {
    const d = { doc } as DocResult;
    clean.run(d, ctx);
    return d;
  });
  // Three passes, the median kept: a single pass moves by 15-20 % with the other tenants of the machine.
  const passes: { segment: number; geoparse: number }[] = [];
  for (let pass = 0; pass < GEOPARSE_PASSES; pass++) {
    let segSum = 0;
    let geo = 0;
    for (const d of prepared) {
      const t0 = performance.now();
      seg.run(d, ctx);
      const t1 = performance.now();
      spot.run(d, ctx);
      res.run(d, ctx);
      geo += performance.now() - t1;
      segSum += t1 - t0;
    }
    passes.push({ segment: segSum / 1000, geoparse: geo / 1000 });
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[(GEOPARSE_PASSES - 1) / 2] as number;
  const geoparse = median(passes.map((p) => p.geoparse));
  const segmentAlone = median(passes.map((p) => p.segment + p.geoparse));
  prepared.length = 0;

  // The peer, on a prefix of the corpus when it is large.
  let peerBytes = 0;
  let peerDocs = 0;
  let peerMentions = 0;
  let peerResolved = 0;
  t = performance.now();
  for (const d of docs) {
    if (peerBytes >= peerMaxMB * 1e6) break;
    const m = peerGeoparse(d.text, lookup);
    peerMentions += m.length;
    peerResolved += m.filter((x) => x.placeId !== null).length;
    peerBytes += Buffer.byteLength(d.text);
    peerDocs++;
  }
  const peerSeconds = (performance.now() - t) / 1000;

  return {
    size,
    docs: docs.length,
    bytes,
    stages,
    stagesTotal: BENCH_STAGES.reduce((s, k) => s + stages[k], 0),
    build,
    geoparse,
    segmentAndGeoparse: segmentAlone,
    claims,
    mentions,
    peer: {
      docs: peerDocs,
      bytes: peerBytes,
      seconds: peerSeconds,
      mentions: peerMentions,
      resolved: peerResolved,
    },
    memory: { baselineMB, baselineHeapMB, streamPeakMB, heapAfterStreamMB, buildPeakMB, heapWithOutputMB },
  };
}

// ------------------------------------------------------------------ driver

function runChild(size: number, peerMaxMB: number, warmup: number): SizeResult {
  const script = fileURLToPath(import.meta.url);
  const t0 = Date.now();
  process.stderr.write(`bench: size ${size}x ...`);
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      '--expose-gc',
      script,
      '--worker',
      String(size),
      '--peer-max-mb',
      String(peerMaxMB),
      '--warmup',
      String(warmup),
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MB, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  if (child.status !== 0) throw new Error(`bench worker for size ${size} failed (exit ${child.status})`);
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as SizeResult;
}

function runMap(): void {
  if (!existsSync(MAP_BENCH)) {
    console.log(`map benchmark: ${MAP_BENCH} does not exist yet; skipped.`);
    return;
  }
  console.log('map benchmark: running tests/bench/map/run.ts');
  const r = spawnSync(process.execPath, [...process.execArgv, MAP_BENCH], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) console.log(`map benchmark exited with ${r.status}`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1,10,100' },
      json: { type: 'boolean', default: false },
      map: { type: 'boolean', default: false },
      'peer-max-mb': { type: 'string', default: '1' },
      warmup: { type: 'string', default: '30' },
      worker: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const peerMaxMB = Number(values['peer-max-mb']);
  const warmup = Number(values.warmup);
  if (values.worker !== undefined) {
    console.log(JSON.stringify(worker(Number(values.worker), peerMaxMB, warmup)));
    return;
  }
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((s) => !(s > 0)) || !(peerMaxMB > 0) || !(warmup >= 0)) {
    console.error(`bench: bad --sizes, --peer-max-mb or --warmup\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const results = sizes.map((s) => runChild(s, peerMaxMB, warmup));
  console.log(report(results));
  if (values.map) runMap();
  if (values.json) console.log(JSON.stringify({ seed: SEED, warmup, node: process.version, results }));
}

main();
