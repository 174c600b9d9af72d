// actor1 / actor2 by role, as ACLED codes them: two sides, each a primary actor and its associates. Sides come
// from actor types (a state's forces stand with the foreign forces beside them; armed groups with each other);
// the side of the actor named first acts first. Claim actors are taken in the order the claims give them.

import type { ActorType, IncidentProps } from '../../pipeline/contract.ts';
import { INTER_CODE } from './acled-codes.ts';

export interface ActorRoles {
  actor1: string | null;
  assoc1: string[];
  inter1: number | null;
  actor2: string | null;
  assoc2: string[];
  inter2: number | null;
}

type Side = 'state' | 'armed' | 'crowd' | 'civilians' | 'other';

function sideOf(t: ActorType | null): Side {
  if (t === 'State forces' || t === 'External/Other forces') return 'state';
  if (t === 'Rebel groups' || t === 'Political militias' || t === 'Identity militias') return 'armed';
  if (t === 'Rioters' || t === 'Protesters') return 'crowd';
  if (t === 'Civilians') return 'civilians';
  return 'other';
}

/** Primary first: a state's own forces lead their side; otherwise the first named. */
const LEAD: (ActorType | null)[] = [
  'State forces',
  'Rebel groups',
  'Political militias',
  'Identity militias',
];

export function actorRoles(
  p: Pick<IncidentProps, 'actors' | 'actor_types' | 'claims' | 'event_type'>,
): ActorRoles {
  const typeOf = new Map(p.actors.map((a, i) => [a, p.actor_types[i] ?? null]));
  const ordered = [...new Set([...p.claims.flatMap((c) => c.actors), ...p.actors])];
  const sides = new Map<Side, string[]>();
  for (const a of ordered) {
    const s = sideOf(typeOf.get(a) ?? null);
    sides.set(s, [...(sides.get(s) ?? []), a]);
  }
  let order = [...sides.keys()];
  // Civilians are acted upon; protesters and rioters are the actors of their own events.
  if (order.length > 1 && order[0] === 'civilians') order = [...order.slice(1), 'civilians'];
  if (p.event_type === 'Protests' || p.event_type === 'Riots')
    order = [...order.filter((s) => s === 'crowd'), ...order.filter((s) => s !== 'crowd')];
  const pick = (side: Side | undefined): [string | null, string[], number | null] => {
    const members = side ? (sides.get(side) ?? []) : [];
    const lead =
      LEAD.map((t) => members.find((a) => typeOf.get(a) === t)).find((a) => a !== undefined) ?? members[0];
    if (lead === undefined) return [null, [], null];
    const t = typeOf.get(lead) ?? null;
    return [lead, members.filter((a) => a !== lead), t ? INTER_CODE[t] : null];
  };
  const [actor1, first, inter1] = pick(order[0]);
  const [actor2, second, inter2] = pick(order[1]);
  // Any further side (a third party) is listed with the second.
  const rest = order.slice(2).flatMap((s) => sides.get(s) ?? []);
  return { actor1, assoc1: first, inter1, actor2, assoc2: [...second, ...rest], inter2 };
}
