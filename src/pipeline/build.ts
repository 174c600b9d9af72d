// The pipeline over a corpus: every document through the stages (index.ts), then the corpus's incidents, risk
// rows, sources and report. Pure: documents in, outputs out (scripts/build-data.ts writes them).

import { compareStrings } from '../common/strings.ts';
import type { BuildReport, IncidentCollection, ReportDocument, RiskRowOut, SourceOut } from './contract.ts';
import { toFeatures } from './features.ts';
import type { PipelineContext } from './context.ts';
import { processDoc, type DocResult } from './index.ts';
import { riskRowOut, sourceOut } from './output.ts';
import { assembleReport } from './report.ts';
import type { RawDoc, SourceMeta } from './types.ts';

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

/**
 * Build every output from a corpus. `skipped` are files the reader could not use (they go to the report).
 * A document whose processing throws is reported and skipped; the others still build.
 */
export function buildCorpus(
  docs: RawDoc[],
  ctx: PipelineContext,
  opts: { skipped?: SkippedDoc[]; onProgress?: (done: number, total: number, doc: RawDoc) => void } = {},
): BuildResult {
  const sorted = [...docs].sort((a, b) => compareStrings(a.id, b.id));
  const results: DocResult[] = [];
  const documents: ReportDocument[] = (opts.skipped ?? []).map((s) => ({
    id: s.file,
    file: s.file,
    status: 'skipped',
    why: s.why,
    chars: 0,
  }));
  sorted.forEach((doc, i) => {
    try {
      results.push(processDoc(doc, ctx));
      documents.push({ id: doc.id, file: doc.file, status: 'ok', why: null, chars: doc.text.length });
    } catch (e) {
      const why = `pipeline error: ${(e as Error).message}`;
      documents.push({ id: doc.id, file: doc.file, status: 'skipped', why, chars: doc.text.length });
    }
    opts.onProgress?.(i + 1, sorted.length, doc);
  });

  const meta = new Map<string, SourceMeta>(results.map((r) => [r.doc.id, r.doc.meta]));
  const claims = results.flatMap((r) => r.claims);
  const incidents = toFeatures(claims, meta, ctx);
  const risk = results.flatMap((r) =>
    r.riskRows.map((row) =>
      riskRowOut(row, r.doc.meta.title, row.placeId ? (ctx.gazetteer.get(row.placeId)?.name ?? null) : null),
    ),
  );
  const sources = results.map((r) => sourceOut(r.doc, r.clean.text));
  const report = assembleReport({ documents, results, claims, incidents, risk });
  return { incidents, risk, sources, report };
}
