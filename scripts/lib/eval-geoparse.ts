// npm run eval -- --geoparse DOCS.jsonl TOPONYMS.csv: recognition P/R/F1 and acc@161 km on geoparsing gold
// (Gritta et al.'s convention), per corpus, with published figures beside ours (--anchors).
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { processDoc } from '../../src/pipeline/index.ts';
import type { PipelineContext } from '../../src/pipeline/context.ts';
import {
  anchorsFor,
  parseAnchors,
  settingLabel,
  type Anchor,
  type AnchorMetric,
} from '../../src/eval/anchors.ts';
import {
  docKey,
  geoparseDocToRaw,
  parseGeoparseCorpus,
  predictionsFrom,
  scoreGeoparseDoc,
  summariseGeoparseRun,
  type GeoparseDocResult,
} from '../../src/eval/geoparse.ts';
import type { GeoparseSummary } from '../../src/eval/gritta.ts';
import { formatTable, km, pct, round4 } from '../../src/eval/table.ts';
import { Progress, readText } from './eval-common.ts';

export function runGeoparse(
  docsFile: string,
  toponymsFile: string,
  ctx: PipelineContext,
  limit: number,
  json: boolean,
  anchorsFile: string | null,
  dump: string | null,
): void {
  const corpus = parseGeoparseCorpus(readText(docsFile), readText(toponymsFile));
  const docs = corpus.docs.slice(0, limit);
  const point = (id: string) => ctx.gazetteer.get(id)?.point;
  const progress = new Progress('eval geoparse', docs.length);
  const results: GeoparseDocResult[] = [];
  let failures = 0;
  let firstFailure = '';
  const t0 = performance.now();
  docs.forEach((doc, i) => {
    const gold = corpus.gold.get(docKey(doc.corpus, doc.doc_id)) ?? [];
    let preds: ReturnType<typeof predictionsFrom> = [];
    try {
      const r = processDoc(geoparseDocToRaw(doc), ctx);
      preds = predictionsFrom(doc.text, r.clean.offsets, r.resolutions, point);
    } catch (e) {
      failures++;
      if (firstFailure === '') firstFailure = `${doc.doc_id}: ${(e as Error).message}`;
    }
    results.push(scoreGeoparseDoc(doc.corpus, gold, preds));
    progress.tick(i + 1);
  });
  const seconds = (performance.now() - t0) / 1000;
  const report = summariseGeoparseRun(results);
  if (dump) {
    const lines = results.map((r, i) => {
      const d = docs[i];
      const g = r.gritta;
      return JSON.stringify({
        corpus: r.corpus,
        doc_id: d?.doc_id,
        tp: g.tp,
        fp: g.fp,
        fn: g.fn,
        missed: g.unmatchedGold.map((t) => t.surface),
        spurious: g.unmatchedPred.map((t) => `${t.surface}=${t.placeId ?? ''}`),
        far: g.matches
          .filter((m) => m.km >= 161)
          .map((m) => `${m.gold.surface}=${m.pred.placeId ?? ''}:${Math.round(m.km)}km`),
      });
    });
    writeFileSync(dump, lines.join('\n') + '\n');
  }

  const row = (label: string, match: string, s: GeoparseSummary): string[] => [
    label,
    match,
    String(s.n),
    String(s.docs),
    pct(s.precision),
    pct(s.recall),
    pct(s.f1),
    pct(s.acc161),
    km(s.median_km),
    km(s.mean_km),
  ];
  const out: string[] = [];
  out.push(
    `Geoparsing: ${basename(docsFile)} + ${basename(toponymsFile)}: ${docs.length} documents in ${seconds.toFixed(1)} s` +
      (corpus.problems.length
        ? `, ${corpus.problems.length} problems (first: ${corpus.problems[0]?.where}: ${corpus.problems[0]?.why})`
        : ''),
  );
  if (failures)
    out.push(`pipeline errors: ${failures} documents (scored as no predictions); first: ${firstFailure}`);
  out.push('');
  const table: string[][] = [
    ['corpus', 'matching', 'gold', 'docs', 'P', 'R', 'F1', 'acc@161km', 'median', 'mean'],
  ];
  for (const c of report.byCorpus) {
    table.push(row(c.corpus, 'Gritta', c.gritta));
    table.push(row(c.corpus, 'overlap', c.overlap));
  }
  if (report.byCorpus.length > 1) {
    table.push(row('all', 'Gritta', report.all));
    table.push(row('all', 'overlap', report.allOverlap));
  }
  out.push(formatTable(table));
  out.push(
    '(Gritta: midpoints < 10 chars apart and equal lower-cased strings, the published convention; overlap: any overlap,',
  );
  out.push(
    ' for reference only. acc@161km and distances over matched toponyms; gold = toponyms with coordinates.)',
  );

  if (anchorsFile) {
    const anchors = parseAnchors(readText(anchorsFile));
    const metrics: AnchorMetric[] = ['precision', 'recall', 'f1', 'acc161', 'median_km'];
    const cmp: string[][] = [['corpus', 'metric', 'ours', 'system', 'published', 'setting']];
    for (const c of report.byCorpus) {
      for (const m of metrics) {
        const found = anchorsFor(anchors, c.corpus, m);
        if (found.length === 0) continue;
        const ours = c.gritta[m];
        const fmt = (x: number | null): string => (m === 'median_km' ? km(x) : pct(x));
        const sorted = [...found].sort((a: Anchor, b: Anchor) =>
          m === 'median_km' ? a.value - b.value : b.value - a.value,
        );
        sorted.forEach((a, i) =>
          cmp.push([
            i === 0 ? c.corpus : '',
            i === 0 ? m : '',
            i === 0 ? fmt(ours) : '',
            a.system,
            fmt(a.value),
            settingLabel(a.setting),
          ]),
        );
      }
    }
    out.push('');
    out.push(
      cmp.length > 1
        ? `Published figures (${basename(anchorsFile)}) for the same corpus and metric:\n${formatTable(cmp)}`
        : `No published figures in ${basename(anchorsFile)} for these corpora.`,
    );
  }
  console.log(out.join('\n'));
  if (json) {
    const a = report.all;
    console.log(
      JSON.stringify({
        n: a.n,
        precision: round4(a.precision),
        recall: round4(a.recall),
        f1: round4(a.f1),
        acc161: round4(a.acc161),
        median_km: round4(a.median_km),
        docs: a.docs,
        mean_km: round4(a.mean_km),
        overlap_f1: round4(report.allOverlap.f1),
        by_corpus: Object.fromEntries(
          report.byCorpus.map((c) => [
            c.corpus,
            {
              n: c.gritta.n,
              precision: round4(c.gritta.precision),
              recall: round4(c.gritta.recall),
              f1: round4(c.gritta.f1),
              acc161: round4(c.gritta.acc161),
              median_km: round4(c.gritta.median_km),
            },
          ]),
        ),
        pipeline_errors: failures,
      }),
    );
  }
}
