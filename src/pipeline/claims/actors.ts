// Actors: who a claim names (canonical names; generic "soldiers" take the place's country; sources are no side).

import type { PipelineContext } from '../context.ts';
import type { ActorMention, GazetteerEntry, Resolution } from '../types.ts';
import type { Trigger } from './compiled.ts';
import { eventFor, MUTINY } from './event-type.ts';

// Speech words: their subject reports the event, it does not take part in it. The weak ones also name acts
// ("the government declared a state of emergency", "the UN confirmed the deaths"): speech only before "that", a
// comma or the end.
const SPEECH = '(?:said|says|say|told|recounted|explained|tweeted|wrote|added|noted)';
const WEAK_SPEECH =
  '(?:stated|confirmed|announced|reported|declared|denied|condemned|denounced|warned|indicated)(?=\\s*(?:that\\b|[,.;]|$|on\\s|in\\s+a\\s+statement))';
/** The speaker right after a mention ("the UN said", "the army said in a statement", "a military source said"). */
const SPEAKS_AFTER = new RegExp(
  `^\\s+(?:(?:(?:of|in|from)\\s+[\\p{L}-]+\\s+)?(?:(?:has|have|had)\\s+)?(?:${SPEECH}\\b|${WEAK_SPEECH})|(?:officials?\\s+(?:(?:have|has|had)\\s+)?(?:${SPEECH}\\b|${WEAK_SPEECH}))|(?:spokes\\w+|sources?)\\b)`,
  'iu',
);
/** The speaker claims its own action: "the army said it killed 10 militants" keeps the army. */
const OWN_ACTION =
  /^[\s,]*(?:on\s+\p{L}+\s+|in\s+a\s+statement\s+)?(?:(?:that\s+)?(?:it|they|its|their|we|our)\b|\p{L}+ing\b)|\b(?:its|their)\s+(?:own|soldiers|troops|men|forces|positions?)\b/iu;
/** "12 civilians reported dead", "5 soldiers confirmed killed": a toll, not a speaker. */
const TOLL_AFTER = /^\s*(?:dead|killed|missing|wounded|injured|abducted|kidnapped)\b/i;
/** The speaker right before: "according to a French government assessment", ", said MINUSMA". */
const SPEAKS_BEFORE = new RegExp(
  `(?:according\\s+to|reported\\s+by|confirmed\\s+by|,\\s*(?:${SPEECH}|stated|confirmed|announced|reported|declared|indicated))\\s+(?:(?:a|an|the|some|several|local)\\s+)?$`,
  'i',
);
const ACCORDING = /according\s+to\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;

/**
 * Is the mention a source of the report, not a side of the event? A quoted speaker ("a resident said", "the UN
 * said", "a military source said"), an attribution after "according to", a speaker named after the report
 * (", said MINUSMA"). "soldiers killed 10 militants, the army said" keeps the army through "soldiers".
 */
function isSource(a: ActorMention, text: string): boolean {
  const after = text.slice(a.end, a.end + 80);
  // The speaker right before the verb, no comma between: "killed 20 civilians, said a source" names victims,
  // and "12 civilians reported dead" is a toll.
  const m = SPEAKS_AFTER.exec(after);
  // "wounded civilians reported": victims reported, not reporting.
  if (m && !(a.actor === 'Civilians' && /reported|confirmed/i.test(m[0]))) {
    const rest = after.slice(m[0].length);
    if (!OWN_ACTION.test(rest) && !TOLL_AFTER.test(rest)) return true;
  }
  const before = text.slice(Math.max(0, a.start - 40), a.start);
  if (SPEAKS_BEFORE.test(before)) return true;
  // "according to a French government assessment": up to three words between, no comma.
  return ACCORDING.test(before) && !/[,.;]/.test(before.slice(before.toLowerCase().lastIndexOf('according')));
}

/** State forces named as mutineers: "mutinous soldiers", "mutinying police", "soldiers who mutinied". */
function mutinous(a: ActorMention, text: string, ctx: PipelineContext): boolean {
  if (a.generic === 'government') return false;
  if (!a.generic && ctx.claims.actorTypes.get(a.actor) !== 'State forces') return false;
  return (
    /\bmutin\w*\s+(?:\p{L}+\s+)?$/iu.test(text.slice(Math.max(0, a.start - 24), a.start)) ||
    /^\s+(?:who\s+(?:had\s+)?)?mutin/i.test(text.slice(a.end, a.end + 20))
  );
}

/** The group an actor had joined by the claim's date (actors.json "partOf": Katiba Macina in JNIM from 2017). */
function partOf(name: string, date: string | null, ctx: PipelineContext): string | null {
  const entry = ctx.lexicons.actors.find((a) => a.name === name) as
    { partOf?: { name: string; since: string } } | undefined;
  const p = entry?.partOf;
  return p && date !== null && date >= p.since ? p.name : null;
}

/** The actors of a claim at one place, sorted. */
export function actorsOf(
  mentions: ActorMention[],
  resolutions: Resolution[],
  place: GazetteerEntry,
  ctx: PipelineContext,
  text: string,
  date: string | null = null,
): string[] {
  const names = new Set<string>();
  for (const a of mentions) {
    if (isSource(a, text)) continue;
    const mutiny = mutinous(a, text, ctx) ? MUTINY : '';
    if (!a.generic) {
      names.add(mutiny + a.actor);
      continue;
    }
    // "soldiers" belong to the country of the place, or to the one a demonym names, or to the one whose they are
    // said to be ("Mali's army said it killed 30 militants in Burkina Faso").
    const owner = resolutions.find(
      (r) =>
        r.placeId?.startsWith('country:') &&
        r.mention.end < a.start &&
        /^['’]s\s+$/u.test(text.slice(r.mention.end, a.start)),
    );
    const code = owner
      ? (ctx.gazetteer.get(owner.placeId as string)?.country ?? place.country)
      : place.country;
    const country = code ? ctx.gazetteer.country(code) : undefined;
    if (country) names.add(mutiny + a.actor.replace('{country}', country.name));
  }
  for (const r of resolutions) if (r.mention.standsFor) names.add(r.mention.standsFor);
  for (const n of [...names]) {
    const parent = partOf(n, date, ctx);
    if (!parent) continue;
    names.delete(n);
    names.add(parent);
  }
  // A named armed group makes the "militants" of the same sentence redundant.
  const named = ctx.lexicons.actors.filter(
    (a) => names.has(a.name) && a.type === 'Rebel groups' && a.name !== 'Islamist rebels',
  );
  if (named.length) names.delete('Unidentified armed group');
  return [...names].sort();
}

/** The event type a claim would have had, for the report of an event sentence with no place. */
export function unlocatedType(
  trigger: Trigger,
  mentions: ActorMention[],
  resolutions: Resolution[],
  riot: boolean,
  ctx: PipelineContext,
  text: string,
): { eventType: string; subEventType: string } {
  const names = new Set<string>();
  for (const r of resolutions) if (r.mention.standsFor) names.add(r.mention.standsFor);
  for (const a of mentions) if (!a.generic && !isSource(a, text)) names.add(a.actor);
  const e = eventFor(trigger, [...names], ctx, riot);
  return { eventType: e.event_type, subEventType: e.sub_event_type };
}
