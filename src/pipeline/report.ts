// The build report: every place mention with its fate, every event sentence left without a place, every dropped
// stretch of text and every skipped file (report.json), and its summary for people (report.txt).

import type { BuildReport, IncidentCollection, ReportDocument, ReportEntry, RiskRowOut } from './contract.ts';
import type { DocResult } from './index.ts';
import { unlocatedOut } from './output.ts';
import { roleWords } from './roles.ts';
import type { Claim } from './types.ts';

/** What the report is assembled from: the documents' fates, their stage results and the corpus outputs. */
export interface ReportInput {
  /** Skipped files first, then every document in build order. */
  documents: ReportDocument[];
  results: readonly DocResult[];
  claims: readonly Claim[];
  incidents: IncidentCollection;
  risk: readonly RiskRowOut[];
}

/** A sentence longer than this is shown around its mention only, so a long line costs each mention a bounded
 * window, not the whole line (1 MB of "Gao " once wrote the line with each of its 250,000 mentions). */
const MAX_SENTENCE = 600;
const WINDOW = 150;

function contextOf(
  s: { start: number; text: string } | undefined,
  m: { start: number; end: number },
): string {
  if (!s) return '';
  if (s.text.length <= MAX_SENTENCE) return s.text;
  const from = Math.max(0, m.start - s.start - WINDOW);
  const to = Math.min(s.text.length, m.end - s.start + WINDOW);
  return `${from > 0 ? '…' : ''}${s.text.slice(from, to)}${to < s.text.length ? '…' : ''}`;
}

function mentionEntries(r: DocResult, claimSentences: Set<string>): ReportEntry[] {
  const sentences = r.segmented.sentences;
  return r.resolutions.map((res) => ({
    source_id: r.doc.id,
    start: res.mention.start,
    end: res.mention.end,
    surface: res.mention.surface,
    sentence: contextOf(sentences[res.mention.sentence], res.mention),
    status: res.status,
    place_id: res.placeId,
    alternatives: res.ranked.slice(0, 4).map((x) => x.id),
    why: [
      res.why,
      res.role && res.role.role !== 'event' ? `role: ${roleWords(res.role)}` : null,
      res.status === 'resolved' && !claimSentences.has(`${r.doc.id}:${res.mention.sentence}`)
        ? 'context only (no event claim in this sentence)'
        : null,
    ]
      .filter((x) => x !== null)
      .join('; '),
    role: res.role?.role ?? null,
    role_cue: res.role?.cue || null,
  }));
}

function droppedEntries(r: DocResult): BuildReport['dropped'] {
  const out: BuildReport['dropped'] = r.clean.dropped.map((d) => ({ ...d, source_id: r.doc.id }));
  for (const t of r.segmented.tables) {
    if (t.duplicates) {
      out.push({
        source_id: r.doc.id,
        reason: 'duplicate-table',
        start: r.clean.offsets[t.start] ?? 0,
        end: r.clean.offsets[t.end] ?? 0,
        text: `table "${t.header.join(' | ')}" repeated ${t.duplicates} more time(s); kept once`,
      });
    }
  }
  return out;
}

export function assembleReport(input: ReportInput): BuildReport {
  const report: BuildReport = {
    documents: input.documents,
    mentions: [],
    dropped: [],
    unlocated: [],
    counts: {},
  };
  const claimSentences = new Set(input.claims.map((c) => `${c.sourceId}:${c.sentence}`));
  for (const r of input.results) {
    for (const m of mentionEntries(r, claimSentences)) report.mentions.push(m);
    for (const u of r.unlocated) report.unlocated.push(unlocatedOut(u));
    for (const x of droppedEntries(r)) report.dropped.push(x);
  }

  const { results, incidents, risk } = input;
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
  for (const role of [...new Set(report.mentions.map((m) => m.role))].filter((x) => x !== null).sort())
    count(`mentions_role_${role}`, report.mentions.filter((m) => m.role === role).length);
  count('claims', input.claims.length);
  count('events_unlocated', report.unlocated.length);
  count('incidents', incidents.features.length);
  count('incidents_point', incidents.features.filter((f) => f.geometry).length);
  count('incidents_region', incidents.features.filter((f) => !f.geometry).length);
  count('risk_rows', risk.length);
  count('risk_rows_located', risk.filter((r) => r.place_id).length);
  count('dropped', report.dropped.length);
  return report;
}

/** Items by their source id, each list in its original order. */
function bySource<T extends { source_id: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of items) {
    const list = map.get(x.source_id);
    if (list) list.push(x);
    else map.set(x.source_id, [x]);
  }
  return map;
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
  // Grouped once by source: filtering the whole report per document was quadratic in the corpus size.
  const mentions = bySource(report.mentions);
  const unlocated = bySource(report.unlocated);
  const dropped = bySource(report.dropped);
  // Every built document, even one with no place mention: its dropped text is listed too.
  for (const d of report.documents.filter((x) => x.status === 'ok')) {
    lines.push('', `== ${d.id}`);
    for (const m of mentions.get(d.id) ?? []) lines.push(`  [${m.start}-${m.end}] ${m.surface}: ${m.why}`);
    for (const u of unlocated.get(d.id) ?? [])
      lines.push(`  event with no place (${u.event_type}) [${u.start}-${u.end}]: ${u.why}`);
    for (const x of dropped.get(d.id) ?? [])
      lines.push(`  dropped (${x.reason}) [${x.start}-${x.end}]: ${JSON.stringify(x.text.slice(0, 80))}`);
  }
  return `${lines.join('\n')}\n`;
}
