// Fixed cues of the roles stage (roles.ts) that need no word list: where people went, a town's surroundings,
// a name given to something. Each is anchored at the end of the 100-character window before a mention, so it is
// linear in that window.

/** "at the gates of Bamako", "on the outskirts of Niamey", "a base in Kati, outside Bamako": near the town, not
 * in it. (Plain "near X" keeps the event role with precision 2, place.ts: the sentence's only place then still
 * places the claim. A bare "outside X" without the comma may mean beyond a country: "operating outside Mali".) */
export const OUTSKIRTS_BEFORE =
  /(?:\b(?:at\s+the\s+gates\s+of|on\s+the\s+outskirts\s+of|outskirts\s+of|on\s+the\s+edge\s+of|just\s+outside(?:\s+of)?|outside\s+(?:of\s+)?the\s+(?:capital|town|city)\s*,?)|,\s*outside)\s+(?:the\s+)?(?:(?:capital|town|city|village)\s*,?\s+(?:of\s+)?)?$/u;

/** "continue the road towards Niamey": where the travellers were going. */
export const JOURNEY_BEFORE =
  /\b(?:continue|continued|continuing|resume|resumed|resuming|make|made|making|pursue|pursued)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:road|journey|way|trip|route|march)\s+(?:to|towards|toward|for)\s+(?:the\s+)?(?:(?:capital|town|city)\s*,?\s+)?$/u;

/** "who fled the attack had arrived in Dori": after a flight, where people arrived is not where it happened
 * ("fled Djibo, many reaching Ouagadougou": reaching needs no preposition). */
export const ARRIVED_BEFORE =
  /\b(?:arrived|arriving|arrive|arrives|reached|sheltering|sheltered|took\s+refuge|taking\s+refuge|sought\s+refuge|seeking\s+refuge)\s+(?:in|at)\s+(?:the\s+)?(?:(?:regional\s+|provincial\s+)?(?:capital|town|city|camp)\s*,?\s+(?:of\s+)?)?$|\b(?:reached|reaching)\s+(?:the\s+)?(?:(?:capital|town|city|camp)\s*,?\s+(?:of\s+)?)?$/u;

/** "retreated to a camp", "fled to a village": a movement's end, before where that end lies. */
export const WENT_TO_BEFORE =
  /\b(?:retreated|retreat|withdrew|withdrawn|fled|flee|fleeing|moved|returned|evacuated|taken|transferred)\s+(?:back\s+)?to\s+(?:a|an|the|their|its)\s+(?:[\p{L}-]+\s+){0,2}$/u;

/** Words of flight: after them, "arrived in X" is where people went. */
export const FLIGHT = /\b(?:fled|flee|fleeing|flees|displaced|escaped|evacuated)\b/u;

/** "The name “Comoé”", "dubbed 'Sirocco'", "Operation Barkhane": a name given to something, here an operation. */
const NAMED_BEFORE = /(?:\b(?:the\s+name|dubbed|code-?named|codenamed)\s*["“‘']|\bOperation\s+["“‘']?)$/iu;

/** "France's ambassador to the Sahel", "the UN envoy for Mali": a title that holds a place. */
const TITLE_TO_BEFORE =
  /\b(?:ambassador|ambassadors|envoy|envoys|representative|coordinator|commissioner|emissary)\s+(?:to|for)\s+(?:the\s+)?$/u;

/** The cue when the words before a mention make it part of a title or a given name; `before` is folded. */
export function givenName(before: string, rawBefore: string): string | null {
  const title = TITLE_TO_BEFORE.exec(before);
  if (title) return title[0].trim();
  return NAMED_BEFORE.test(rawBefore) ? rawBefore.trim().split(/\s+/).slice(-2).join(' ') : null;
}
