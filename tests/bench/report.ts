// The bench's figures as tables: MB/s and docs/s per stage and size, then sizes, ratios to the peer and memory.
import { loadavg } from 'node:os';
import { formatTable } from '../../src/eval/table.ts';
import { STAGES, type StageName } from '../../src/pipeline/index.ts';

/** The pipeline's per-document stages, in order, then features over the corpus's claims (as buildCorpus runs them). */
export const BENCH_STAGES = [...STAGES.map((s) => s.name), 'features'] as const satisfies readonly string[];
export type BenchStage = StageName | 'features';

export interface SizeResult {
  size: number;
  docs: number;
  bytes: number;
  /** Seconds per stage, summed over documents (features: one pass over the corpus's claims). */
  stages: Record<BenchStage, number>;
  /** Stage sum. */
  stagesTotal: number;
  /** buildCorpus over the whole corpus (the stages, features, outputs and report). */
  build: number;
  /**
   * The mentions + resolve stages as a pass of their own over the cleaned, segmented corpus (median of three): the
   * geoparsing core under the same conditions as the peer, which also runs alone (see docs/benchmark.md).
   */
  geoparse: number;
  /** segment + mentions + resolve alone (median of three passes). */
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

const mbps = (bytes: number, s: number): string =>
  s > 0 ? (bytes / 1e6 / s).toFixed(s > 0 && bytes / 1e6 / s < 1 ? 3 : 1) : '-';
const dps = (docs: number, s: number): string => (s > 0 ? (docs / s).toFixed(0) : '-');

export function report(results: SizeResult[]): string {
  const out: string[] = [];
  const head = ['stage', ...results.flatMap((r) => [`${r.size}x MB/s`, `${r.size}x docs/s`])];
  const rows: string[][] = [head];
  for (const s of BENCH_STAGES)
    rows.push([s, ...results.flatMap((r) => [mbps(r.bytes, r.stages[s]), dps(r.docs, r.stages[s])])]);
  rows.push([
    'spot+resolve',
    ...results.flatMap((r) => {
      const t = r.stages.mentions + r.stages.resolve;
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
    const sr = r.bytes / (r.stages.mentions + r.stages.resolve);
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
