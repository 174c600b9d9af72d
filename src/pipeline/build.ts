// The whole pipeline over one document and over a corpus. Pure: documents in, outputs out.

import { compareStrings } from '../shared/strings.ts';
import { cleanDoc } from './clean.ts';
import { extractClaims, extractRiskRows } from './claims/index.ts';
import { toFeatures } from './features.ts';
import type { PipelineContext } from './gazetteer.ts';
import { spotMentions, type Spotted } from './mentions.ts';
import { resolveMentions } from './resolve.ts';
import { segment } from './segment.ts';
import { findUnknownPlaces } from './unknown.ts';
import type {
  BuildReport,
  Claim,
  CleanDoc,
  IncidentCollection,
  RawDoc,
  ReportEntry,
  Resolution,
  RiskRow,
  RiskRowOut,
  Segmented,
  SourceMeta,
  SourceOut,
  UnlocatedEvent,
} from './types.ts';

export interface DocResult {
  doc: RawDoc;
  clean: CleanDoc;
  segmented: Segmented;
  spotted: Spotted;
  resolutions: Resolution[];
  claims: Claim[];
  unlocated: UnlocatedEvent[];
  riskRows: RiskRow[];
}

export function processDoc(doc: RawDoc, ctx: PipelineContext): DocResult {
  const clean = cleanDoc(doc, ctx);
  const segmented = segment(clean);
  const spotted = spotMentions(clean.text, segmented.sentences, ctx);
  const known = resolveMentions(spotted.mentions, ctx);
  const { resolutions, unknown, context } = findUnknownPlaces(
    clean.text,
    segmented.sentences,
    known,
    spotted.actors,
    ctx,
  );
  const { claims, unlocated } = extractClaims(
    {
      unknown,
      context,
      sourceId: doc.id,
      text: clean.text,
      published: doc.meta.published,
      sentences: segmented.sentences,
      resolutions,
      actors: spotted.actors,
    },
    ctx,
  );
  const riskRows = extractRiskRows(doc.id, segmented, ctx);
  return { doc, clean, segmented, spotted, resolutions, claims, unlocated, riskRows };
}

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
  const report: BuildReport = { documents: [], mentions: [], dropped: [], unlocated: [], counts: {} };
  for (const s of opts.skipped ?? [])
    report.documents.push({ id: s.file, file: s.file, status: 'skipped', why: s.why, chars: 0 });
  sorted.forEach((doc, i) => {
    try {
      results.push(processDoc(doc, ctx));
      report.documents.push({ id: doc.id, file: doc.file, status: 'ok', why: null, chars: doc.text.length });
    } catch (e) {
      report.documents.push({
        id: doc.id,
        file: doc.file,
        status: 'skipped',
        why: `pipeline error: ${(e as Error).message}`,
        chars: doc.text.length,
      });
    }
    opts.onProgress?.(i + 1, sorted.length, doc);
  });

  const meta = new Map<string, SourceMeta>(results.map((r) => [r.doc.id, r.doc.meta]));
  const claims = results.flatMap((r) => r.claims);
  const incidents = toFeatures(claims, meta, ctx);
  const claimSentences = new Set(claims.map((c) => `${c.sourceId}:${c.sentence}`));

  for (const r of results) {
    const sentences = r.segmented.sentences;
    for (const res of r.resolutions) {
      const s = sentences[res.mention.sentence];
      const entry: ReportEntry = {
        source_id: r.doc.id,
        start: res.mention.start,
        end: res.mention.end,
        surface: res.mention.surface,
        sentence: s?.text ?? '',
        status: res.status,
        place_id: res.placeId,
        alternatives: res.ranked.slice(0, 4).map((x) => x.id),
        why:
          res.status === 'resolved' && !claimSentences.has(`${r.doc.id}:${res.mention.sentence}`)
            ? `${res.why}; context only (no event claim in this sentence)`
            : res.why,
      };
      report.mentions.push(entry);
    }
    for (const u of r.unlocated) {
      report.unlocated.push({
        source_id: u.sourceId,
        start: u.start,
        end: u.end,
        sentence: u.text,
        event_type: u.eventType,
        sub_event_type: u.subEventType,
        why: u.why,
      });
    }
    for (const d of r.clean.dropped) report.dropped.push({ ...d, source_id: r.doc.id });
    for (const t of r.segmented.tables) {
      if (t.duplicates) {
        report.dropped.push({
          source_id: r.doc.id,
          reason: 'duplicate-table',
          start: r.clean.offsets[t.start] ?? 0,
          end: r.clean.offsets[t.end] ?? 0,
          text: `table "${t.header.join(' | ')}" repeated ${t.duplicates} more time(s); kept once`,
        });
      }
    }
  }

  const risk: RiskRowOut[] = results.flatMap((r) =>
    r.riskRows.map((row) => ({
      id: row.id,
      source_id: row.sourceId,
      source_title: r.doc.meta.title,
      table: row.table,
      region_id: row.regionId,
      place_id: row.placeId,
      region_name: row.placeId ? (ctx.gazetteer.get(row.placeId)?.name ?? null) : null,
      header: row.header,
      cells: row.cells,
      start: row.start,
      end: row.end,
    })),
  );
  const sources: SourceOut[] = results.map((r) => ({
    id: r.doc.id,
    file: r.doc.file,
    title: r.doc.meta.title,
    publisher: r.doc.meta.publisher,
    published: r.doc.meta.published,
    text: r.clean.text,
  }));

  const count = (k: string, n: number) => (report.counts[k] = n);
  count('documents', results.length);
  count('documents_skipped', report.documents.filter((d) => d.status === 'skipped').length);
  count(
    'sentences',
    results.reduce((n, r) => n + r.segmented.sentences.length, 0),
  );
  count('mentions', report.mentions.length);
  for (const st of ['resolved', 'ambiguous', 'rejected', 'unknown'] as const)
    count(`mentions_${st}`, report.mentions.filter((m) => m.status === st).length);
  count('claims', claims.length);
  count('events_unlocated', report.unlocated.length);
  count('incidents', incidents.features.length);
  count('incidents_point', incidents.features.filter((f) => f.geometry).length);
  count('incidents_region', incidents.features.filter((f) => !f.geometry).length);
  count('risk_rows', risk.length);
  count('risk_rows_located', risk.filter((r) => r.place_id).length);
  count('dropped', report.dropped.length);
  return { incidents, risk, sources, report };
}

/** A readable summary of the report for people (report.txt). */
export function summarize(report: BuildReport): string {
  const lines: string[] = [];
  const c = report.counts;
  lines.push('Sahel incident map: build report', '');
  lines.push(
    `${c.documents ?? 0} documents built, ${c.documents_skipped ?? 0} skipped; ${c.sentences ?? 0} sentences; ${c.mentions ?? 0} place mentions ` +
      `(${c.mentions_resolved ?? 0} resolved, ${c.mentions_ambiguous ?? 0} ambiguous, ${c.mentions_rejected ?? 0} rejected, ${c.mentions_unknown ?? 0} unknown); ` +
      `${c.claims ?? 0} claims in ${c.incidents ?? 0} incidents (${c.incidents_point ?? 0} points, ${c.incidents_region ?? 0} region-level), ` +
      `${c.events_unlocated ?? 0} event sentences with no place; ` +
      `${c.risk_rows ?? 0} risk rows (${c.risk_rows_located ?? 0} located); ${c.dropped ?? 0} stretches of text dropped.`,
  );
  const skipped = report.documents.filter((d) => d.status === 'skipped');
  if (skipped.length) {
    lines.push('', 'Skipped files:');
    for (const d of skipped) lines.push(`  ${d.file}: ${d.why}`);
  }
  const bySource = new Map<string, ReportEntry[]>();
  for (const m of report.mentions) {
    const list = bySource.get(m.source_id);
    if (list) list.push(m);
    else bySource.set(m.source_id, [m]);
  }
  // Every built document, even one with no place mention: its dropped text is listed too.
  for (const d of report.documents.filter((x) => x.status === 'ok')) {
    lines.push('', `== ${d.id}`);
    for (const m of bySource.get(d.id) ?? []) lines.push(`  [${m.start}-${m.end}] ${m.surface}: ${m.why}`);
    for (const u of report.unlocated.filter((y) => y.source_id === d.id)) {
      lines.push(`  event with no place (${u.event_type}) [${u.start}-${u.end}]: ${u.why}`);
    }
    for (const x of report.dropped.filter((y) => y.source_id === d.id)) {
      lines.push(`  dropped (${x.reason}) [${x.start}-${x.end}]: ${JSON.stringify(x.text.slice(0, 80))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
