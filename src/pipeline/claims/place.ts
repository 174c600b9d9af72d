// Place choice: where a claim is, by the finest place the sentence names, else the embassy rule, else carry-over.

import type { CueHit } from '../cues.ts';
import type { PipelineContext } from '../context.ts';
import { fold, tokenize, type Token } from '../text.ts';
import type { GazetteerEntry, GeoPrecision, Resolution, Sentence, Span } from '../types.ts';
import type { CarryOver } from './carry-over.ts';
import type { ClaimTables, Trigger } from './compiled.ts';
import { embassyPlace, missionNear, missionOwner, type EmbassyDoc } from './embassy.ts';

export interface Place {
  entry: GazetteerEntry;
  precision: GeoPrecision;
}

export const KIND_RANK: Record<GazetteerEntry['kind'], number> = {
  place: 0,
  admin2: 1,
  admin1: 2,
  vernacular: 3,
  country: 4,
  continent: 6,
  water: 6,
};
/** How fine a place is: a vernacular region inside one country ("central Mali") is finer than the country, one
 * spanning several ("Sahel") is coarser. */
function fineness(e: GazetteerEntry): number {
  return e.kind === 'vernacular' && !e.country ? 5 : KIND_RANK[e.kind];
}

function inSpans(spans: Span[], x: Span): boolean {
  return spans.some((sp) => x.start >= sp.start && x.end <= sp.end);
}

/** What place choice reads of the document. */
export interface PlaceDoc extends EmbassyDoc {
  /** Names the gazetteer lacks, and bracketed hierarchies (src/pipeline/unknown.ts). */
  unknown?: Resolution[];
  context?: Span[];
}

export interface PlaceChoice {
  places: Place[];
  /** An embassy the event concerns, when the sentence names no place (its claim is at the host's capital). */
  mission: CueHit<true> | null;
  /** Unknown names of the sentence: its claim is near the first unit named for them. */
  unknownHere: Resolution[];
}

/** The places of one event sentence; `here` are the sentence's resolutions, `votes` the document's countries. */
export function choosePlaces(
  s: Sentence,
  tokens: Token[],
  trigger: CueHit<Trigger>,
  here: Resolution[],
  doc: PlaceDoc,
  votes: Map<string, number>,
  carry: CarryOver,
  c: ClaimTables,
  ctx: PipelineContext,
): PlaceChoice {
  // Places: the finest resolved level in the sentence (demonyms only give context, and so does the country
  // an embassy belongs to: "Mali's embassy" is not in Mali).
  const missions = c.missions.find(tokens);
  const owns = missionOwner(s, tokens, missions, doc.text);
  const named = here.filter(
    (r) =>
      r.status === 'resolved' &&
      r.placeId &&
      r.mention.via !== 'demonym' &&
      !owns(r.mention.start, r.mention.end),
  );
  // Names inside a bracketed hierarchy say where their head is; they are event places only for an unknown
  // head ("Ogossagou (Bankass, Mopti)") or when the sentence names no other place.
  const unknownHere = (doc.unknown ?? []).filter((u) => u.mention.sentence === s.index);
  const outside = named.filter((r) => !inSpans(doc.context ?? [], r.mention));
  const resolved = unknownHere.length || !outside.length ? named : outside;
  const mission = resolved.length ? null : missionNear(tokens, trigger, missions, c);
  const embassy = mission ? embassyPlace(s, tokens, mission, doc, votes, ctx) : null;
  if (resolved.length) {
    const places = namedPlaces(s, resolved, unknownHere.length > 0, c, ctx);
    carry.named(s, places);
    return { places, mission, unknownHere };
  }
  // "the US embassy evacuating non-emergency personnel": a diplomatic mission is in the host country's
  // capital, and the host is the country the document is about. Inferred, so "near" at best; before the
  // discourse rule, since an embassy is not where the previous sentence's events were.
  if (embassy) return { places: [{ entry: embassy, precision: 2 }], mission, unknownHere };
  const carried = mission ? null : carry.carried(s);
  return { places: carried ?? [], mission, unknownHere };
}

/** The finest places among those the sentence names, each with its precision. */
function namedPlaces(
  s: Sentence,
  resolved: Resolution[],
  unknown: boolean,
  c: ClaimTables,
  ctx: PipelineContext,
): Place[] {
  const places: Place[] = [];
  const entries = resolved.map((r) => ({ r, e: ctx.gazetteer.get(r.placeId as string) as GazetteerEntry }));
  const finest = Math.min(...entries.map(({ e }) => fineness(e)));
  const seen = new Set<string>();
  for (const { r, e } of entries) {
    if (fineness(e) !== finest || seen.has(e.id)) continue;
    // An unknown village is placed at the first (most specific) unit named for it, "near" at best.
    if (unknown && places.length) break;
    seen.add(e.id);
    const precision = geoPrecision(e, r, s, c);
    places.push({ entry: e, precision: unknown ? (Math.max(precision, 2) as GeoPrecision) : precision });
  }
  return places;
}

function geoPrecision(e: GazetteerEntry, r: Resolution, s: Sentence, c: ClaimTables): GeoPrecision {
  if (e.kind === 'country' || e.kind === 'continent' || (e.kind === 'vernacular' && !e.country)) return 3;
  if (e.kind !== 'place') return 2;
  // A qualifier within the four words before the name: "in the vicinity of Mopti", "near Gao".
  const before = s.text.slice(Math.max(0, r.mention.start - s.start - 40), r.mention.start - s.start);
  const toks = tokenize(fold(before)).slice(-5);
  return c.qualifiers.find(toks).length ? 2 : 1;
}
