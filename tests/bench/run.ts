// npm run bench [-- --sizes 1,10,100] [--json] [--map]
// Seeded synthetic corpus at several multiples of the sample size (geodata/sources/): MB/s and docs/s per
// pipeline stage and in total, peak memory, and the same corpus through a naive peer (compromise + the same
// gazetteer lookup). Each size runs in a fresh child process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { loadContext } from '../../scripts/lib/load.ts';
import type { PipelineContext } from '../../src/pipeline/context.ts';
import { cleanDoc } from '../../src/pipeline/clean.ts';
import { segment } from '../../src/pipeline/segment.ts';
import { spotMentions } from '../../src/pipeline/mentions.ts';
import { resolveMentions } from '../../src/pipeline/resolve.ts';
import { extractClaims, extractRiskRows } from '../../src/pipeline/claims/index.ts';
import { toFeatures } from '../../src/pipeline/features.ts';
import { buildCorpus } from '../../src/pipeline/build.ts';
import type { RawDoc } from '../../src/pipeline/types.ts';
import { formatTable } from '../../src/eval/table.ts';
import { generateCorpus, type CorpusVocabulary } from './corpus.ts';
import { buildPeerLookup, peerGeoparse } from './peer.ts';

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

Stages are timed one by one on every document (cleanDoc, segment, spotMentions, resolveMentions, extractClaims,
toFeatures), then the whole corpus goes through buildCorpus, then segment, spotMentions and resolveMentions run as
a pass of their own three times ("spot+resolve alone" and "segment+spot+resolve alone", medians; like the peer,
which runs alone too). Peak memory is the child process's max RSS.
See docs/benchmark.md.`;

// ------------------------------------------------------------------ stages

export const STAGES = [
  'cleanDoc',
  'segment',
  'spotMentions',
  'resolveMentions',
  'extractClaims',
  'toFeatures',
] as const;
export type StageName = (typeof STAGES)[number];

interface StageRun {
  seconds: Record<StageName, number>;
  mentions: number;
  claims: number;
}

/** Run one document through the stages exported by src/pipeline one by one, timing each. */
function runStages(doc: RawDoc, ctx: PipelineContext): StageRun {
  const t0 = performance.now();
  const clean = cleanDoc(doc, ctx);
  const t1 = performance.now();
  const seg = segment(clean);
  const t2 = performance.now();
  const spotted = spotMentions(clean.text, seg.sentences, ctx);
  const t3 = performance.now();
  const resolutions = resolveMentions(spotted.mentions, ctx);
  const t4 = performance.now();
  const { claims } = extractClaims(
    {
      sourceId: doc.id,
      text: clean.text,
      published: doc.meta.published,
      sentences: seg.sentences,
      resolutions,
      actors: spotted.actors,
      tokens: spotted.tokens,
      headingsAreText: spotted.headingsAreText,
    },
    ctx,
  );
  extractRiskRows(doc.id, seg, ctx);
  const t5 = performance.now();
  toFeatures(claims, new Map([[doc.id, doc.meta]]), ctx);
  const t6 = performance.now();
  return {
    seconds: {
      cleanDoc: (t1 - t0) / 1000,
      segment: (t2 - t1) / 1000,
      spotMentions: (t3 - t2) / 1000,
      resolveMentions: (t4 - t3) / 1000,
      extractClaims: (t5 - t4) / 1000,
      toFeatures: (t6 - t5) / 1000,
    },
    mentions: resolutions.length,
    claims: claims.length,
  };
}

// ------------------------------------------------------------------ worker (one size, one process)

export interface SizeResult {
  size: number;
  docs: number;
  bytes: number;
  /** Seconds per stage, summed over documents. */
  stages: Record<StageName, number>;
  /** Stage sum. */
  stagesTotal: number;
  /** buildCorpus over the whole corpus (includes cross-document work). */
  build: number;
  /**
   * spotMentions + resolveMentions as a pass of their own over the cleaned, segmented corpus (median of three): the
   * geoparsing core under the same conditions as the peer, which also runs alone (see docs/benchmark.md).
   */
  geoparse: number;
  /** segment + spotMentions + resolveMentions alone (median of three passes). */
  segmentAndGeoparse: number;
  claims: number;
  mentions: number;
  peer: { docs: number; bytes: number; seconds: number; mentions: number; resolved: number };
  memory: {
    baselineMB: number;
    baselineHeapMB: number;
    streamPeakMB: number;
    heapAfterStreamMB: number;
    buildPeakMB: number;
    heapWithOutputMB: number;
  };
}

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
  for (const d of generateCorpus(vocab, { seed: SEED + 1, targetBytes: base * warmup })) {
    runStages(d, ctx);
    if (peerWarm < PEER_WARMUP_BYTES) {
      peerGeoparse(d.text, lookup);
      peerWarm += Buffer.byteLength(d.text);
    }
  }
  const docs = generateCorpus(vocab, { seed: SEED, targetBytes: base * size });
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  globalThis.gc?.();
  const baselineMB = process.memoryUsage().rss / MB;
  const baselineHeapMB = process.memoryUsage().heapUsed / MB;

  const stages = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<StageName, number>;
  let claims = 0;
  let mentions = 0;
  for (const d of docs) {
    const r = runStages(d, ctx);
    for (const s of STAGES) stages[s] += r.seconds[s];
    claims += r.claims;
    mentions += r.mentions;
  }
  const streamPeakMB = rssPeakMB();
  globalThis.gc?.();
  const heapAfterStreamMB = process.memoryUsage().heapUsed / MB;

  let t = performance.now();
  const built = buildCorpus(docs, ctx);
  const build = (performance.now() - t) / 1000;
  const buildPeakMB = rssPeakMB();
  if (built.report.counts.documents !== docs.length) throw new Error('buildCorpus skipped documents');
  globalThis.gc?.();
  const heapWithOutputMB = process.memoryUsage().heapUsed / MB;

  // The geoparsing core as a pass of its own, like the peer: clean first (untimed: the peer gets no HTML
  // cleaning either), then segment, spot and resolve every document, segmenting timed apart. The peer splits
  // its own sentences, so "segment+spot+resolve" is the strictest like-for-like figure.
  const prepared = docs.map((d) => cleanDoc(d, ctx));
  // Three passes, the median kept: a single pass moves by 15-20 % with the other tenants of the machine.
  const passes: { segment: number; geoparse: number }[] = [];
  for (let pass = 0; pass < GEOPARSE_PASSES; pass++) {
    let seg = 0;
    let geo = 0;
    for (const clean of prepared) {
      const t0 = performance.now();
      const { sentences } = segment(clean);
      const t1 = performance.now();
      resolveMentions(spotMentions(clean.text, sentences, ctx).mentions, ctx);
      geo += performance.now() - t1;
      seg += t1 - t0;
    }
    passes.push({ segment: seg / 1000, geoparse: geo / 1000 });
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
    stagesTotal: STAGES.reduce((s, k) => s + stages[k], 0),
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

const mbps = (bytes: number, s: number): string =>
  s > 0 ? (bytes / 1e6 / s).toFixed(s > 0 && bytes / 1e6 / s < 1 ? 3 : 1) : '-';
const dps = (docs: number, s: number): string => (s > 0 ? (docs / s).toFixed(0) : '-');

function report(results: SizeResult[]): string {
  const out: string[] = [];
  const head = ['stage', ...results.flatMap((r) => [`${r.size}x MB/s`, `${r.size}x docs/s`])];
  const rows: string[][] = [head];
  for (const s of STAGES)
    rows.push([s, ...results.flatMap((r) => [mbps(r.bytes, r.stages[s]), dps(r.docs, r.stages[s])])]);
  rows.push([
    'spot+resolve',
    ...results.flatMap((r) => {
      const t = r.stages.spotMentions + r.stages.resolveMentions;
      return [mbps(r.bytes, t), dps(r.docs, t)];
    }),
  ]);
  rows.push([
    'spot+resolve alone',
    ...results.flatMap((r) => [mbps(r.bytes, r.geoparse), dps(r.docs, r.geoparse)]),
  ]);
  rows.push([
    'segment+spot+resolve alone',
    ...results.flatMap((r) => [mbps(r.bytes, r.segmentAndGeoparse), dps(r.docs, r.segmentAndGeoparse)]),
  ]);
  rows.push([
    'all stages',
    ...results.flatMap((r) => [mbps(r.bytes, r.stagesTotal), dps(r.docs, r.stagesTotal)]),
  ]);
  rows.push(['buildCorpus', ...results.flatMap((r) => [mbps(r.bytes, r.build), dps(r.docs, r.build)])]);
  rows.push([
    'peer (compromise)',
    ...results.flatMap((r) => [mbps(r.peer.bytes, r.peer.seconds), dps(r.peer.docs, r.peer.seconds)]),
  ]);
  out.push(formatTable(rows));
  out.push('');
  const rows2: string[][] = [
    [
      'size',
      'docs',
      'MB',
      'mentions',
      'claims',
      'peer docs',
      'alone / peer',
      'with segment / peer',
      'interleaved / peer',
      'RSS base',
      'RSS peak stream',
      'RSS peak build',
      'heap base',
      'heap after stream',
      'heap with output',
      's/MB (all)',
    ],
  ];
  for (const r of results) {
    const sr = r.bytes / (r.stages.spotMentions + r.stages.resolveMentions);
    const peer = r.peer.bytes / r.peer.seconds;
    rows2.push([
      `${r.size}x`,
      String(r.docs),
      (r.bytes / 1e6).toFixed(2),
      String(r.mentions),
      String(r.claims),
      r.peer.docs < r.docs ? `${r.peer.docs}/${r.docs}` : String(r.peer.docs),
      `${(r.bytes / r.geoparse / peer).toFixed(0)}x`,
      `${(r.bytes / r.segmentAndGeoparse / peer).toFixed(0)}x`,
      `${(sr / peer).toFixed(0)}x`,
      r.memory.baselineMB.toFixed(0),
      r.memory.streamPeakMB.toFixed(0),
      r.memory.buildPeakMB.toFixed(0),
      r.memory.baselineHeapMB.toFixed(0),
      r.memory.heapAfterStreamMB.toFixed(0),
      r.memory.heapWithOutputMB.toFixed(0),
      (r.stagesTotal / (r.bytes / 1e6)).toFixed(3),
    ]);
  }
  out.push(formatTable(rows2));
  out.push(
    '(peer: compromise places() + exact gazetteer lookup, alone, on raw text; "alone / peer" compares it with',
  );
  out.push(
    ' spot+resolve alone, "with segment / peer" with segment+spot+resolve alone (the peer splits its own',
  );
  out.push(
    ' sentences), "interleaved / peer" with spot+resolve timed between the other stages. The peer runs on a prefix when "peer',
  );
  out.push(' docs" shows a fraction, its rate extrapolated.');
  out.push(" Memory in MB: max RSS of the size's own process; heap = V8 heap used after a full GC;");
  out.push(
    ' base = after loading the context and generating the corpus; "after stream" = outputs dropped per document;',
  );
  out.push(
    ' "with output" = the buildCorpus result held. Load average at start: ' +
      (loadavg()[0] ?? 0).toFixed(1) +
      '.)',
  );
  return out.join('\n');
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
