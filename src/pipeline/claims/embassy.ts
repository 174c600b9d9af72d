// The embassy rule: an event at an embassy with no place named is near the capital of the country the article is about.

import type { CueHit } from '../cues.ts';
import type { PipelineContext } from '../context.ts';
import { compareStrings } from '../../common/strings.ts';
import type { Token } from '../text.ts';
import type { ActorMention, GazetteerEntry, Resolution, Sentence } from '../types.ts';
import type { ClaimTables, Trigger } from './compiled.ts';

/** Resolved place mentions per country: what the document is about. */
export function countryVotes(
  resolutions: Resolution[],
  g: PipelineContext['gazetteer'],
): Map<string, number> {
  const votes = new Map<string, number>();
  for (const r of resolutions) {
    if (r.status !== 'resolved' || !r.placeId) continue;
    const country = g.get(r.placeId)?.country;
    if (country) votes.set(country, (votes.get(country) ?? 0) + 1);
  }
  return votes;
}

/** An embassy the event concerns: near the event word, and not the source of the report ("the embassy said"). */
export function missionNear(
  tokens: Token[],
  trigger: CueHit<Trigger>,
  missions: readonly CueHit<true>[],
  c: ClaimTables,
): CueHit<true> | null {
  const mission = missions.find(
    (h) => Math.min(Math.abs(h.first - trigger.last), Math.abs(trigger.first - h.last)) <= 6,
  );
  if (!mission) return null;
  for (let i = Math.max(0, mission.first - 4); i <= Math.min(tokens.length - 1, mission.last + 4); i++)
    if (c.attribution.has((tokens[i] as Token).key)) return null;
  // "embassy guards", "an embassy vehicle": people or things of the embassy, which may be anywhere.
  if (c.missionThings.has(tokens[mission.last + 1]?.key ?? '')) return null;
  return mission;
}

/** What the embassy rule reads of the document. */
export interface EmbassyDoc {
  text: string;
  resolutions: Resolution[];
  actors: ActorMention[];
}

/**
 * Where an event at an embassy happened when the sentence names no place: the capital of the country the document
 * is about, the embassy's own country excluded ("the French embassy" in an article about France and Mali is in
 * Bamako). Only when the embassy is what the event concerns: near the event word, not the source of the report.
 * Null when the host is unclear (a tie, or only the embassy's own country) or its capital unknown.
 */
export function embassyPlace(
  s: Sentence,
  tokens: Token[],
  mission: CueHit<true>,
  input: EmbassyDoc,
  votes: Map<string, number>,
  ctx: PipelineContext,
): GazetteerEntry | null {
  // The mission's own country: a name right before it ("US embassy", "France's embassy") or after "embassy of".
  const own = new Set<string>();
  const g = ctx.gazetteer;
  const owns = missionOwner(s, tokens, [mission], input.text);
  for (const r of input.resolutions) {
    if (r.mention.sentence !== s.index || !owns(r.mention.start, r.mention.end)) continue;
    for (const id of r.mention.candidates) {
      const country = g.get(id)?.country;
      if (country) own.add(country);
    }
  }
  for (const a of input.actors) {
    if (a.sentence !== s.index || !owns(a.start, a.end)) continue;
    const country = ctx.lexicons.actors.find((x) => x.name === a.actor)?.country;
    if (country) own.add(country);
  }
  const ranked = [...votes.entries()]
    .filter(([country]) => !own.has(country))
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return ctx.claims.capitals.get(first[0]) ?? null;
}

/**
 * Is text[start, end) the country a mission belongs to: right before it ("US embassy", "Mali's embassy") or
 * after "embassy of"? Such a name says whose embassy it is, not where the event happened.
 */
export function missionOwner(
  s: Sentence,
  tokens: Token[],
  missions: CueHit<true>[],
  text: string,
): (start: number, end: number) => boolean {
  const spans = missions.map((m) => ({
    at: s.start + (tokens[m.first] as Token).start,
    after: s.start + (tokens[m.last] as Token).end,
  }));
  return (start, end) =>
    spans.some(
      ({ at, after }) =>
        (end <= at && /^\s*(?:['’]s\s*)?$/.test(text.slice(end, at))) ||
        (start >= after && /^\s+of\s+(?:the\s+)?$/i.test(text.slice(after, start))),
    );
}
