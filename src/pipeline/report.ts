// The build report: every place mention with its fate, every event sentence left without a place, every dropped
// stretch of text and every skipped file (report.json), and its summary for people (report.txt). Built one document
// at a time (docReport), so the build can write each document's entries as it goes and hold none of them.

import type {
  BuildReport,
  IncidentCollection,
  MentionStatus,
  ReportEntry,
  UnlocatedOut,
} from './contract.ts';
import type { DocResult } from './index.ts';
import { unlocatedOut } from './output.ts';
import { roleWords } from './roles.ts';

/** A sentence longer than this is shown around its mention only, so a long line costs each mention a bounded
 * window, not the whole line (1 MB of "Gao " once wrote the line with each of its 250,000 mentions). */
const MAX_SENTENCE = 600;
const WINDOW = 150;
/** The report lists at most this many identical mentions (same name, fate and reason) a sentence and a document,
 * and this many mentions a sentence; the rest are counted, and said on a listed entry like them. 1 MB of "Gao "
 * gave 250,000 entries. */
export const MAX_IDENTICAL_MENTIONS = 20;
export const MAX_IDENTICAL_DOC_MENTIONS = 100;
export const MAX_SENTENCE_MENTIONS = 200;

const STATUSES: readonly MentionStatus[] = ['resolved', 'ambiguous', 'rejected', 'unknown'];

/** One document's part of the report, and what its counts add. */
export interface DocReport {
  mentions: ReportEntry[];
  unlocated: UnlocatedOut[];
  dropped: BuildReport['dropped'];
  tally: DocTally;
}

/** What one document adds to the report's counts (mentions counted whether listed or not). */
export interface DocTally {
  sentences: number;
  mentions: number;
  status: Record<MentionStatus, number>;
  roles: Record<string, number>;
  /** Mentions not listed in the report (over the caps above). */
  unlisted: number;
  claims: number;
  unlocated: number;
  risk: number;
  riskLocated: number;
  dropped: number;
}

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

function mentionEntries(r: DocResult, tally: DocTally): ReportEntry[] {
  const sentences = r.segmented.sentences;
  const claimSentences = new Set(r.claims.map((c) => c.sentence));
  const out: ReportEntry[] = [];
  const inSentence = new Map<string, number>();
  const inDoc = new Map<string, { n: number; last: ReportEntry | null }>();
  const perSentence = new Map<number, { listed: number; last: ReportEntry }>();
  const unlisted = new Map<ReportEntry, number>();
  for (const res of r.resolutions) {
    const status = res.status;
    tally.mentions++;
    tally.status[status]++;
    const role = res.role?.role ?? null;
    if (role !== null) tally.roles[role] = (tally.roles[role] ?? 0) + 1;
    const why = [
      res.why,
      res.role && res.role.role !== 'event' ? `role: ${roleWords(res.role)}` : null,
      status === 'resolved' && !claimSentences.has(res.mention.sentence)
        ? 'context only (no event claim in this sentence)'
        : null,
    ]
      .filter((x) => x !== null)
      .join('; ');
    const s = res.mention.sentence;
    const key = JSON.stringify([res.mention.surface, status, res.placeId, why, role, res.role?.cue || null]);
    const sKey = `${s}:${key}`;
    const nS = inSentence.get(sKey) ?? 0;
    inSentence.set(sKey, nS + 1);
    const doc = inDoc.get(key) ?? { n: 0, last: null };
    inDoc.set(key, doc);
    doc.n++;
    const sent = perSentence.get(s);
    if (
      nS >= MAX_IDENTICAL_MENTIONS ||
      doc.n > MAX_IDENTICAL_DOC_MENTIONS ||
      (sent && sent.listed >= MAX_SENTENCE_MENTIONS)
    ) {
      tally.unlisted++;
      // Said on the last listed entry like it (there is one unless the sentence cap came first: then the
      // sentence's last listed entry).
      const on = (doc.last ?? sent?.last) as ReportEntry;
      unlisted.set(on, (unlisted.get(on) ?? 0) + 1);
      continue;
    }
    const entry: ReportEntry = {
      source_id: r.doc.id,
      start: res.mention.start,
      end: res.mention.end,
      surface: res.mention.surface,
      sentence: contextOf(sentences[s], res.mention),
      status,
      place_id: res.placeId,
      alternatives: res.ranked.slice(0, 4).map((x) => x.id),
      why,
      role,
      role_cue: res.role?.cue || null,
    };
    out.push(entry);
    doc.last = entry;
    if (sent) {
      sent.listed++;
      sent.last = entry;
    } else perSentence.set(s, { listed: 1, last: entry });
  }
  for (const [entry, n] of unlisted)
    entry.why +=
      `; ${n} more mention(s) like this one not listed (the report lists at most ${MAX_IDENTICAL_MENTIONS} ` +
      `identical mentions a sentence, ${MAX_IDENTICAL_DOC_MENTIONS} a document and ${MAX_SENTENCE_MENTIONS} ` +
      'mentions a sentence; all are counted)';
  return out;
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

export function emptyTally(): DocTally {
  return {
    sentences: 0,
    mentions: 0,
    status: { resolved: 0, ambiguous: 0, rejected: 0, unknown: 0 },
    roles: {},
    unlisted: 0,
    claims: 0,
    unlocated: 0,
    risk: 0,
    riskLocated: 0,
    dropped: 0,
  };
}

/** One built document's report entries and counts. `risk` is its risk rows (located when they have a place). */
export function docReport(r: DocResult, risk: readonly { place_id: string | null }[]): DocReport {
  const tally = emptyTally();
  const mentions = mentionEntries(r, tally);
  const unlocated = r.unlocated.map(unlocatedOut);
  const dropped = droppedEntries(r);
  tally.sentences = r.segmented.sentences.length;
  tally.claims = r.claims.length;
  tally.unlocated = unlocated.length;
  tally.risk = risk.length;
  tally.riskLocated = risk.filter((x) => x.place_id).length;
  tally.dropped = dropped.length;
  return { mentions, unlocated, dropped, tally };
}

/** `into` plus `t`, in place. */
export function addTally(into: DocTally, t: DocTally): void {
  into.sentences += t.sentences;
  into.mentions += t.mentions;
  for (const s of STATUSES) into.status[s] += t.status[s];
  for (const [k, v] of Object.entries(t.roles)) into.roles[k] = (into.roles[k] ?? 0) + v;
  into.unlisted += t.unlisted;
  into.claims += t.claims;
  into.unlocated += t.unlocated;
  into.risk += t.risk;
  into.riskLocated += t.riskLocated;
  into.dropped += t.dropped;
}

export interface IncidentCounts {
  incidents: number;
  point: number;
  region: number;
}

export function incidentCounts(incidents: IncidentCollection): IncidentCounts {
  const point = incidents.features.filter((f) => f.geometry).length;
  return { incidents: incidents.features.length, point, region: incidents.features.length - point };
}

/** The report's counts, keys in the order report.json has always had ("mentions_unlisted" only when some are). */
export function reportCounts(
  total: DocTally,
  docs: { built: number; skipped: number },
  incidents: IncidentCounts,
): Record<string, number> {
  const c: Record<string, number> = {};
  c.documents = docs.built;
  c.documents_skipped = docs.skipped;
  c.sentences = total.sentences;
  c.mentions = total.mentions;
  for (const st of STATUSES) c[`mentions_${st}`] = total.status[st];
  for (const role of Object.keys(total.roles).sort())
    c[`mentions_role_${role}`] = total.roles[role] as number;
  if (total.unlisted) c.mentions_unlisted = total.unlisted;
  c.claims = total.claims;
  c.events_unlocated = total.unlocated;
  c.incidents = incidents.incidents;
  c.incidents_point = incidents.point;
  c.incidents_region = incidents.region;
  c.risk_rows = total.risk;
  c.risk_rows_located = total.riskLocated;
  c.dropped = total.dropped;
  return c;
}

/** report.txt's opening: the counts in words, then the skipped files. Lines, to be joined with "\n". */
export function summaryHead(report: Pick<BuildReport, 'counts' | 'documents'>): string[] {
  const lines: string[] = [];
  const c = report.counts;
  lines.push('Sahel incident map: build report', '');
  lines.push(
    `${c.documents ?? 0} documents built, ${c.documents_skipped ?? 0} skipped; ${c.sentences ?? 0} sentences; ${c.mentions ?? 0} place mentions ` +
      `(${c.mentions_resolved ?? 0} resolved, ${c.mentions_ambiguous ?? 0} ambiguous, ${c.mentions_rejected ?? 0} rejected, ${c.mentions_unknown ?? 0} unknown` +
      `${c.mentions_unlisted ? `; ${c.mentions_unlisted} not listed, over a sentence's cap` : ''}); ` +
      `${c.claims ?? 0} claims in ${c.incidents ?? 0} incidents (${c.incidents_point ?? 0} points, ${c.incidents_region ?? 0} region-level), ` +
      `${c.events_unlocated ?? 0} event sentences with no place; ` +
      `${c.risk_rows ?? 0} risk rows (${c.risk_rows_located ?? 0} located); ${c.dropped ?? 0} stretches of text dropped.`,
  );
  const skipped = report.documents.filter((d) => d.status === 'skipped');
  if (skipped.length) {
    lines.push('', 'Skipped files:');
    for (const d of skipped) lines.push(`  ${d.file}: ${d.why}`);
  }
  return lines;
}

/** One built document's section of report.txt (every built document has one, even with nothing in it). */
/** What a summary section reads of each entry (the CLI escapes only these fields). */
export interface SectionPart {
  mentions: readonly Pick<ReportEntry, 'start' | 'end' | 'surface' | 'why'>[];
  unlocated: readonly Pick<UnlocatedOut, 'event_type' | 'start' | 'end' | 'why'>[];
  dropped: readonly Pick<BuildReport['dropped'][number], 'reason' | 'start' | 'end' | 'text'>[];
}

export function summarySection(id: string, part: SectionPart): string[] {
  const lines = ['', `== ${id}`];
  for (const m of part.mentions) lines.push(`  [${m.start}-${m.end}] ${m.surface}: ${m.why}`);
  for (const u of part.unlocated)
    lines.push(`  event with no place (${u.event_type}) [${u.start}-${u.end}]: ${u.why}`);
  for (const x of part.dropped)
    lines.push(`  dropped (${x.reason}) [${x.start}-${x.end}]: ${JSON.stringify(x.text.slice(0, 80))}`);
  return lines;
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

/** A readable summary of a whole report held in memory (report.txt; the CLI writes it section by section). */
export function summarize(report: BuildReport): string {
  const lines = summaryHead(report);
  // Grouped once by source: filtering the whole report per document was quadratic in the corpus size.
  const mentions = bySource(report.mentions);
  const unlocated = bySource(report.unlocated);
  const dropped = bySource(report.dropped);
  for (const d of report.documents.filter((x) => x.status === 'ok')) {
    const part = {
      mentions: mentions.get(d.id) ?? [],
      unlocated: unlocated.get(d.id) ?? [],
      dropped: dropped.get(d.id) ?? [],
    };
    for (const line of summarySection(d.id, part)) lines.push(line); // no spread: a section can be long
  }
  return `${lines.join('\n')}\n`;
}
