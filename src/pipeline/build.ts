// The pipeline over a corpus: every document through the stages (index.ts), kept only as what the outputs need
// (DocOutput: claims, risk rows, the source record, its report entries), then the corpus's incidents and report.
// Pure: documents in, outputs out. scripts/build-data.ts runs docOutput on worker threads and streams the outputs;
// buildCorpus is the same in memory, for the evaluation and the tests.

import { compareStrings } from '../common/strings.ts';
import type { BuildReport, IncidentCollection, ReportDocument, RiskRowOut, SourceOut } from './contract.ts';
import { toFeatures } from './features.ts';
import type { PipelineContext } from './context.ts';
import { processDoc } from './index.ts';
import { riskRowOut, sourceOut } from './output.ts';
import { addTally, docReport, emptyTally, incidentCounts, reportCounts, type DocReport } from './report.ts';
import type { Claim, RawDoc, SourceMeta } from './types.ts';

export interface BuildResult {
  incidents: IncidentCollection;
  risk: RiskRowOut[];
  sources: SourceOut[];
  report: BuildReport;
}

export interface SkippedDoc {
  file: string;
  why: string;
}

/** What the outputs need of one built document; its stage results (clean text, tokens, mentions) are gone. */
export interface DocOutput {
  id: string;
  file: string;
  meta: SourceMeta;
  claims: Claim[];
  risk: RiskRowOut[];
  source: SourceOut;
  report: DocReport;
}

/** One document through the stages, reduced to what the outputs need. Throws when a stage throws. */
export function docOutput(doc: RawDoc, ctx: PipelineContext): DocOutput {
  const r = processDoc(doc, ctx);
  const risk = r.riskRows.map((row) =>
    riskRowOut(row, doc.meta.title, row.placeId ? (ctx.gazetteer.get(row.placeId)?.name ?? null) : null),
  );
  return {
    id: doc.id,
    file: doc.file,
    meta: doc.meta,
    claims: r.claims,
    risk,
    source: sourceOut(doc, r.clean.text),
    report: docReport(r, risk),
  };
}

/** The report's record of a skipped file. */
export const skippedRecord = (s: SkippedDoc): ReportDocument => ({
  id: s.file,
  file: s.file,
  status: 'skipped',
  why: s.why,
  chars: 0,
});

/** Documents in build order: by id (the outputs are sorted by it, whatever order the files were read in). */
export const buildOrder = <T extends { id: string }>(docs: readonly T[]): T[] =>
  [...docs].sort((a, b) => compareStrings(a.id, b.id));

/**
 * Build every output from a corpus, in memory. `skipped` are files the reader could not use (they go to the
 * report). A document whose processing throws is reported and skipped; the others still build.
 */
export function buildCorpus(
  docs: RawDoc[],
  ctx: PipelineContext,
  opts: { skipped?: SkippedDoc[]; onProgress?: (done: number, total: number, doc: RawDoc) => void } = {},
): BuildResult {
  const sorted = buildOrder(docs);
  const outs: DocOutput[] = [];
  const documents: ReportDocument[] = (opts.skipped ?? []).map(skippedRecord);
  sorted.forEach((doc, i) => {
    try {
      outs.push(docOutput(doc, ctx));
      documents.push({ id: doc.id, file: doc.file, status: 'ok', why: null, chars: doc.text.length });
    } catch (e) {
      const why = `pipeline error: ${(e as Error).message}`;
      documents.push({ id: doc.id, file: doc.file, status: 'skipped', why, chars: doc.text.length });
    }
    opts.onProgress?.(i + 1, sorted.length, doc);
  });

  const meta = new Map<string, SourceMeta>(outs.map((o) => [o.id, o.meta]));
  const incidents = toFeatures(
    outs.flatMap((o) => o.claims),
    meta,
    ctx,
  );
  const total = emptyTally();
  for (const o of outs) addTally(total, o.report.tally);
  const report: BuildReport = {
    documents,
    mentions: outs.flatMap((o) => o.report.mentions),
    dropped: outs.flatMap((o) => o.report.dropped),
    unlocated: outs.flatMap((o) => o.report.unlocated),
    counts: reportCounts(
      total,
      { built: outs.length, skipped: documents.filter((d) => d.status === 'skipped').length },
      incidentCounts(incidents),
    ),
  };
  return { incidents, risk: outs.flatMap((o) => o.risk), sources: outs.map((o) => o.source), report };
}
