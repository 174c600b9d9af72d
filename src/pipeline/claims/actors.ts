// Actors: who a claim names (canonical names; generic "soldiers" take the place's country; people quoted are no side).

import type { PipelineContext } from '../context.ts';
import type { ActorMention, GazetteerEntry, Resolution } from '../types.ts';
import type { Trigger } from './compiled.ts';
import { eventFor } from './event-type.ts';

/** "a resident said", "locals told AFP", "according to villagers": people quoted, not people the event hit. */
function quoted(a: ActorMention, text: string): boolean {
  return (
    // The speaker right before the verb, no comma between: "killed 20 civilians, said a source" names victims,
    // and "12 civilians reported dead" is a toll.
    /^\s+(?:(?:of|in|from)\s+[\p{L}-]+\s+)?(?:said|says|say|told|recounted|explained)\b/iu.test(
      text.slice(a.end, a.end + 40),
    ) ||
    /according\s+to\s+(?:a|the|some|several|local)?\s*$/i.test(text.slice(Math.max(0, a.start - 24), a.start))
  );
}

/** The actors of a claim at one place, sorted. */
export function actorsOf(
  mentions: ActorMention[],
  resolutions: Resolution[],
  place: GazetteerEntry,
  ctx: PipelineContext,
  text: string,
): string[] {
  const names = new Set<string>();
  for (const a of mentions) {
    if (a.actor === 'Civilians' && quoted(a, text)) continue;
    if (!a.generic) {
      names.add(a.actor);
      continue;
    }
    // "soldiers" belong to the country of the place, or to the one a demonym names.
    const code = place.country;
    const country = code ? ctx.gazetteer.country(code) : undefined;
    if (country) names.add(a.actor.replace('{country}', country.name));
  }
  for (const r of resolutions) if (r.mention.standsFor) names.add(r.mention.standsFor);
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
  for (const a of mentions)
    if (!a.generic && !(a.actor === 'Civilians' && quoted(a, text))) names.add(a.actor);
  const e = eventFor(trigger, [...names], ctx, riot);
  return { eventType: e.event_type, subEventType: e.sub_event_type };
}
