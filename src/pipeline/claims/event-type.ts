// Event type: which ACLED event type and sub-type a sentence reports, from its event words and who is involved.

import type { CueHit } from '../cues.ts';
import type { PipelineContext } from '../context.ts';
import type { Token } from '../text.ts';
import type { ActorMention, Sentence } from '../types.ts';
import type { Trigger } from './compiled.ts';

export interface EventWords {
  /** Every event word of the sentence, in token order. */
  hits: CueHit<Trigger>[];
  /** The event word that decides: the first of the most specific trigger. */
  trigger: CueHit<Trigger>;
  /** A violent demonstration (a riot). */
  riot: boolean;
  /** The trigger the event type comes from: a protest about violence is a protest, not the violence. */
  eventTrigger: Trigger;
}

/** The sentence's event words, or null when it has none (no event, no claim). */
export function eventWords(
  s: Sentence,
  tokens: Token[],
  actors: ActorMention[],
  ctx: PipelineContext,
): EventWords | null {
  const hits = ctx.claims.triggers.find(tokens);
  if (!hits.length) return null;
  // "soldiers seized power", "mutinous soldiers overthrew the president": a coup, not a seizure or a mutiny (a
  // trigger's overrides set the words it beats aside); then the first of the most specific.
  const beaten = new Set(hits.flatMap((h) => [...(h.value.overrides ?? [])]));
  const kept = hits.filter((h) => !beaten.has(h.value.sub_event_type));
  const trigger = [...(kept.length ? kept : hits)].sort(
    (a, b) => a.value.rank - b.value.rank || a.first - b.first,
  )[0] as CueHit<Trigger>;
  const riot = violentDemonstration(s, tokens, trigger, hits, actors, ctx.claims.notByCrowds);
  // "students demonstrated against the killing of a classmate": a protest about violence is a protest.
  const protest = hits.find(
    (h) =>
      h.value.event_type === 'Protests' &&
      h.first < trigger.first &&
      !/(ers|ors)$/.test((tokens[h.first] as Token).key),
  );
  const eventTrigger =
    !riot && protest && trigger.value.event_type === 'Battles' ? protest.value : trigger.value;
  return { hits, trigger, riot, eventTrigger };
}

/**
 * Does the sentence tell of a violent demonstration? Demonstrators who burn, loot or throw stones (the
 * destruction word within a few words of the protest word), or demonstrators named first who attack
 * ("demonstrators attacked a police station", but not "soldiers fired on demonstrators").
 */
function violentDemonstration(
  s: Sentence,
  tokens: Token[],
  trigger: CueHit<Trigger>,
  hits: CueHit<Trigger>[],
  actors: ActorMention[],
  notByCrowds: RegExp,
): boolean {
  const t = trigger.value;
  const offset = (i: number) => s.start + (tokens[i] as Token).start;
  // Another actor between two words says someone else did it ("traders protested after gunmen looted shops").
  const actorBetween = (from: number, to: number) =>
    actors.some(
      (a) => a.actor !== 'Protesters' && a.start > Math.min(from, to) && a.start < Math.max(from, to),
    );
  if (t.event_type === 'Protests') {
    return hits.some(
      (h) =>
        h.value.sub_event_type === 'Looting/property destruction' &&
        Math.min(Math.abs(h.first - trigger.last), Math.abs(trigger.first - h.last)) <= 6 &&
        !notByCrowds.test((tokens[h.first] as Token).key) &&
        !actorBetween(offset(trigger.first), offset(h.first)),
    );
  }
  if (t.event_type !== 'Battles' || t.sub_event_type !== 'Armed clash') return false;
  const at = offset(trigger.first);
  const first = [...actors].sort((a, b) => a.start - b.start)[0];
  if (!first || first.actor !== 'Protesters' || first.end > at) return false;
  // Demonstrators the violence was done to ("protesters were killed when soldiers opened fire") ...
  if (/\b(?:was|were|been|being)\b/i.test(s.text.slice(first.end - s.start, at - s.start))) return false;
  // ... or a demonstration against it ("students demonstrated against the killing"): a protest word that is no
  // name for the demonstrators ("demonstrators", "protesters").
  return !hits.some(
    (h) => h.value.event_type === 'Protests' && !/(ers|ors)$/.test((tokens[h.first] as Token).key),
  );
}

/** ACLED's name for mutinous state forces: "Mutiny of Military Forces of Mali" (claims/actors.ts). */
export const MUTINY = 'Mutiny of ';

/**
 * ACLED's event type also depends on who is involved: a killing with civilians as the only other side is violence
 * against civilians, not a battle; a protest has protesters and a riot rioters even when the text names nobody.
 * Mutates `actors` to add the implied demonstrators.
 */
export function eventFor(
  trigger: Trigger,
  actors: string[],
  ctx: PipelineContext,
  riot: boolean,
): { event_type: string; sub_event_type: string } {
  // A violent demonstration is a riot (ACLED): the demonstrators are then rioters.
  const t: Trigger = riot
    ? { ...trigger, event_type: 'Riots', sub_event_type: 'Violent demonstration' }
    : trigger;
  if (riot && actors.includes('Protesters')) actors.splice(actors.indexOf('Protesters'), 1);
  if (t.event_type === 'Protests' && !actors.includes('Protesters')) actors.push('Protesters');
  if (t.event_type === 'Riots' && !actors.includes('Rioters')) actors.push('Rioters');
  actors.sort();
  // Armed force used on demonstrators who did not start it (not a riot): ACLED's excessive force.
  if (t.event_type === 'Battles' && t.sub_event_type === 'Armed clash' && actors.includes('Protesters'))
    return { event_type: 'Protests', sub_event_type: 'Excessive force against protesters' };
  // Rioting mutineers (firing in the air, looting) are rioters in ACLED; fighting loyal forces, they stay a side
  // of the battle ("Mutiny of Military Forces of X").
  if (t.event_type === 'Riots') {
    const mutineers = actors.filter((a) => a.startsWith(MUTINY));
    for (const m of mutineers) actors.splice(actors.indexOf(m), 1);
  }
  if (t.event_type === 'Battles' && t.sub_event_type === 'Armed clash' && actors.includes('Civilians')) {
    const { actorTypes, unarmed } = ctx.claims;
    const armed = actors.filter((a) => !unarmed.has(actorTypes.get(a) ?? ''));
    if (armed.length <= 1) return { event_type: 'Violence against civilians', sub_event_type: 'Attack' };
  }
  // An attack word of the civilians' list with two armed sides and no civilians named is a battle: ACLED's VAC
  // needs unarmed victims.
  if (
    t.event_type === 'Violence against civilians' &&
    t.sub_event_type === 'Attack' &&
    !actors.includes('Civilians')
  ) {
    const { actorTypes, unarmed } = ctx.claims;
    const armed = actors.filter((a) => !unarmed.has(actorTypes.get(a) ?? ''));
    if (armed.length >= 2) return { event_type: 'Battles', sub_event_type: 'Armed clash' };
  }
  return t;
}
