// Fatalities: how many died, ACLED's conservative rule (the lowest figure stated; dates and ages are no tolls).

import type { PipelineContext } from '../context.ts';
import type { Token } from '../text.ts';
import type { Modality } from '../types.ts';
import type { FatalityLexicon } from './compiled.ts';

/**
 * Is token j part of a date ("3 May", "May 3", "2024")? "On 3 May 2024, armed men killed two herders" states
 * two deaths, not 2,026. A year-like number is a count only right after a killing verb or a hedge ("killed 2000
 * people", "at least 2000"); a day number after a month is a count when victims follow ("In May 12 soldiers").
 */
function isDatePart(tokens: Token[], j: number, f: FatalityLexicon): boolean {
  const key = (tokens[j] as Token).key;
  const prev = tokens[j - 1]?.key ?? '';
  const next = tokens[j + 1]?.key ?? '';
  if (/^(1[89]|20)\d{2}$/.test(key)) return !(f.verbs.has(prev) || f.hedges.has(prev));
  if (!/^\d{1,2}$/.test(key)) return false;
  return f.months.has(next) || (f.months.has(prev) && !f.nouns.has(next));
}

const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1000],
]);

/**
 * The number at token j, rejoining thousands separators ("1,900" is two tokens) and reading "N hundred"
 * ("two hundred" 200, "a hundred" 100; "several hundred" is ACLED's "hundreds", 100).
 */
function numberAt(tokens: Token[], j: number, raw: string, f: FatalityLexicon): number | null {
  const tok = tokens[j];
  if (!tok || isDatePart(tokens, j, f)) return null;
  let digits = tok.key;
  for (let k = j + 1; /^\d+$/.test(digits) && k < tokens.length; k++) {
    const next = tokens[k] as Token;
    if (raw.slice(tokens[k - 1]!.end, next.start) !== ',' || !/^\d{3}$/.test(next.key)) break;
    digits += next.key;
  }
  const n = numberValue(digits, f.words);
  const times = MULTIPLIERS.get(tokens[j + 1]?.key ?? '');
  if (n === null || times === undefined || /^\d{3,}$/.test(digits)) return n;
  return VAGUE.has(digits) ? times : n * times;
}

/** Vague quantities: "several hundred" is "hundreds". */
const VAGUE: ReadonlySet<string> = new Set(['several', 'many', 'some', 'few']);

/** A token's number: its digits, or a number word ("dozens"); tokens hold no commas. */
function numberValue(word: string, words: ReadonlyMap<string, number>): number | null {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57 && /^\d+$/.test(word)) return Number(word);
  return words.get(word) ?? null;
}

/** Does a subset cue end right before token `at` ("including" 12)? */
function subsetBefore(keys: readonly string[], at: number, f: FatalityLexicon): boolean {
  return f.subsetCues.some((cue) => cue.every((w, n) => keys[at - cue.length + n] === w));
}

/** Is the count at token j part of one already given: "45 villagers, including 12 children", and the later
 * members of that list ("32 people, including 28 police officers and four civilians")? */
function isSubset(keys: readonly string[], j: number, f: FatalityLexicon): boolean {
  let at = j;
  while (at > 0 && f.hedges.has(keys[at - 1] as string)) at--;
  if (subsetBefore(keys, at, f)) return true;
  if (keys[at - 1] !== 'and') return false;
  for (let k = at - 2; k >= Math.max(0, at - 8); k--) if (subsetBefore(keys, k, f)) return true;
  return false;
}

/** The token after a subset list that follows victims at `noun` ("people, including 28 officers and four
 * civilians, were killed": the index of "were"), or -1 when no list follows. */
function afterSubsetList(keys: readonly string[], noun: number, f: FatalityLexicon): number {
  for (const cue of f.subsetCues) {
    if (!cue.every((w, n) => keys[noun + 1 + n] === w)) continue;
    let k = noun + 1 + cue.length;
    const end = Math.min(keys.length, k + 10);
    while (k < end && !f.after.some((a) => keys[k] === a.split(' ')[0])) k++;
    return k < end ? k : -1;
  }
  return -1;
}

/**
 * "the toll rose to at least 60", "the toll of Sunday's attack has risen to 60", "a death toll of 12": the total,
 * when the sentence states one (the number after a toll verb within a few words of "toll", or after "toll of").
 */
function statedToll(
  keys: readonly string[],
  tokens: Token[],
  raw: string,
  f: FatalityLexicon,
): { n: number; rose: boolean } | null {
  const skip = (j: number) => {
    while (j < keys.length && (TOLL_LINKS.has(keys[j] as string) || f.hedges.has(keys[j] as string))) j++;
    return j;
  };
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'toll') continue;
    // "raising its earlier death toll of 20": a figure the sentence replaces, not one it states.
    const at = keys[i - 1] === 'death' ? i - 2 : i - 1;
    if (SUPERSEDED.has(keys[at] ?? '')) continue;
    // ("the final death toll of a massacre ... was 35": "a" is an article there, not one death.)
    if (keys[i + 1] === 'of' && keys[i + 2] !== 'a' && keys[i + 2] !== 'an') {
      const n = numberAt(tokens, skip(i + 2), raw, f);
      if (n !== null) return { n, rose: false };
    }
    for (let j = i + 1; j < Math.min(keys.length, i + 14); j++) {
      if (!f.tollWords.has(keys[j] as string)) continue;
      const at = skip(j + 1);
      const n = numberAt(tokens, at, raw, f);
      if (n === null) continue;
      const rose = RISE.has(keys[j] as string);
      // "the toll is 2 soldiers and 3 assailants killed", "has risen to at least 28 officers and four civilians": a
      // list of sides, summed.
      if (f.nouns.has(keys[at + 1] ?? '') && keys[at + 2] === 'and') {
        const m2 = skipHedges(keys, at + 3, f);
        const m = numberAt(tokens, m2, raw, f);
        if (m !== null && keys.slice(m2 + 1, m2 + 4).some((w) => f.nouns.has(w))) return { n: n + m, rose };
        continue;
      }
      return { n, rose };
    }
  }
  return null;
}
const TOLL_LINKS: ReadonlySet<string> = new Set(['to', 'at', 'now', 'of']);
const SUPERSEDED: ReadonlySet<string> = new Set(['earlier', 'previous', 'initial', 'first', 'old']);
/** A toll that rose replaces the counts before it; one that is merely stated competes with them (the lowest). */
const RISE: ReadonlySet<string> = new Set(['rose', 'risen', 'climbed', 'increased', 'jumped']);

/**
 * Fatalities stated in a sentence, ACLED style: the most conservative number, all sides counted ("4 soldiers and
 * 11 assailants were killed" 15); a stated toll is the total; null when none is stated.
 */
export function statedFatalities(tokens: Token[], raw: string, ctx: PipelineContext): number | null {
  const f = ctx.claims.fatalities;
  const { verbs, nouns } = f;
  const keys = tokens.map((t) => t.key);
  const toll = statedToll(keys, tokens, raw, f);
  if (toll?.rose) return toll.n;
  // Counts by victim noun: a repeated "5 soldiers" is one group, counted once (the lowest figure stated).
  const found = new Map<string, number>();
  const note = (noun: string, n: number) => found.set(noun, Math.min(n, found.get(noun) ?? n));
  // Where the last counted victims' noun was: "4 soldiers and 11 assailants" counts both sides.
  let lastNoun = -9;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    // "killing 14 Malian troops", "killing a soldier", "left at least 20 people dead"
    if (verbs.has(k) || (k === 'claimed' && keys[i + 1] === 'the' && keys[i + 2] === 'lives')) {
      const j = skipHedges(keys, k === 'claimed' ? i + 4 : i + 1, f);
      const n = numberAt(tokens, j, raw, f);
      if (n !== null) {
        const at = keys.slice(j + 1, j + 4).findIndex((w) => nouns.has(w));
        // "left 12 people injured" is no death toll: "left"/"leaving" need a death word after the victims.
        const needsDeath = k === 'left' || k === 'leaving';
        const dead = keys.slice(j + 1, j + 7).some((w) => w === 'dead' || w === 'killed');
        // "killing at least 31 inside", "killed 2 in Gao": a bare count right after a killing verb.
        if (at < 0 && !needsDeath && BARE_AFTER.has(keys[j + 1] ?? '')) {
          note('', n);
          lastNoun = j;
        }
        if (at >= 0 && (!needsDeath || dead)) {
          note(keys[j + 1 + at] as string, n);
          lastNoun = j + 1 + at;
          // "killed at least 25 soldiers and 63 terrorists": both sides.
          // ("killing at least 30 civilians along with 17 soldiers", "as well as", "plus": the same.)
          const link = listLink(keys, j + 2 + at);
          const k2 = j + 2 + at + link - 1;
          const m2 = skipHedges(keys, k2 + 1, f);
          const m = link ? numberAt(tokens, m2, raw, f) : null;
          const other = m === null ? -1 : keys.slice(m2 + 1, m2 + 4).findIndex((w) => nouns.has(w));
          // ("killed 5 soldiers and 3 civilians were wounded": the second side was not killed.)
          const hurt =
            other >= 0 && keys.slice(m2 + 2 + other, m2 + 5 + other).some((w) => NOT_KILLED.has(w));
          if (m !== null && other >= 0 && !hurt && !found.has(keys[m2 + 1 + other] as string)) {
            note(keys[m2 + 1 + other] as string, m);
            lastNoun = m2 + 1 + other;
          }
        }
      }
    }
    // "14 soldiers were killed", "20 people dead"
    if (MULTIPLIERS.has(k) && numberAt(tokens, i - 1, raw, f) !== null) continue; // "two hundred": read at "two"
    const n = numberAt(tokens, i, raw, f);
    if (n !== null && (k !== 'a' && k !== 'an' ? true : MULTIPLIERS.has(keys[i + 1] ?? ''))) {
      const at = keys.slice(i + 1, i + 4).findIndex((w) => nouns.has(w));
      const noun = keys[i + 1 + at] as string;
      // "At least 32 people, including 28 military police officers and four civilians, were killed": the death
      // word comes after the list of who they were.
      const listEnd = at >= 0 ? afterSubsetList(keys, i + 1 + at, f) : -1;
      const rest = (listEnd > 0 ? keys.slice(listEnd, listEnd + 6) : keys.slice(i + 1, i + 7)).join(' ');
      // Another side of the same toll: listed with "and" right after the last victims ("4 soldiers and 11
      // assailants were killed"), or "also" killed ("two of the attackers were also killed").
      const listed = lastNoun >= i - 2 && (keys[i - 1] === 'and' || keys[i - 1] === 'as');
      const another = (listed || /\balso\b/.test(rest)) && !found.has(noun);
      if (
        at >= 0 &&
        f.after.some((a) => rest.includes(a)) &&
        (!found.size || another) &&
        !isSubset(keys, i, f)
      ) {
        note(noun, n);
        lastNoun = i + 1 + at;
        // "25 Niger soldiers and 63 terrorists are killed": the side listed before "and" is killed too, though
        // its death word is out of its own reach.
        const before = keys[i - 1] === 'and' ? earlierSide(keys, tokens, raw, f, i - 1) : null;
        if (before && !found.has(before.noun)) note(before.noun, before.n);
      }
    }
  }
  if (!found.size) return toll?.n ?? singleOrBareDeath(keys, tokens, raw, f);
  const sum = [...found.values()].reduce((a, b) => a + b, 0);
  return toll ? Math.min(toll.n, sum) : sum;
}

/** How many tokens from `at` join a second side to a toll: "and" 1, "plus" 1, "along with" 2, "as well as" 3;
 * 0 when none does. */
function listLink(keys: readonly string[], at: number): number {
  const k = keys[at];
  if (k === 'and' || k === 'plus') return 1;
  if (k === 'along' && keys[at + 1] === 'with') return 2;
  if (k === 'as' && keys[at + 1] === 'well' && keys[at + 2] === 'as') return 3;
  return 0;
}

/** The first token from j that is no hedge ("at least", "some"). */
function skipHedges(keys: readonly string[], j: number, f: FatalityLexicon): number {
  while (j < keys.length && f.hedges.has(keys[j] as string)) j++;
  return j;
}

/** The count and victims right before the "and" at `and` ("25 Niger soldiers and"), or null. */
function earlierSide(
  keys: readonly string[],
  tokens: Token[],
  raw: string,
  f: FatalityLexicon,
  and: number,
): { n: number; noun: string } | null {
  const noun = keys[and - 1] ?? '';
  if (!f.nouns.has(noun)) return null;
  for (let j = and - 2; j >= Math.max(0, and - 3); j--) {
    const n = numberAt(tokens, j, raw, f);
    if (n !== null) return { n, noun };
  }
  return null;
}

/** Words after a listed side that say it was not killed. */
const NOT_KILLED: ReadonlySet<string> = new Set([
  'wounded',
  'injured',
  'hurt',
  'missing',
  'abducted',
  'kidnapped',
]);

/** What may follow a bare count after a killing verb: a place or time phrase, or the sentence's end. */
const BARE_AFTER: ReadonlySet<string> = new Set([
  '',
  'inside',
  'in',
  'on',
  'at',
  'near',
  'while',
  'when',
  'during',
]);

const BODIES: ReadonlySet<string> = new Set(['bodies', 'corpses']);
const FOUND: ReadonlySet<string> = new Set(['recovered', 'found', 'discovered', 'retrieved', 'exhumed']);

const DEATH_AFTER =
  /^(?:(?:was|has been|had been) )?(?:(?:allegedly|reportedly|later|also) )?(?:killed|shot dead|murdered|executed|lynched|beheaded|died)\b/;
/** "7 killed.", "2 dead and 6 wounded": a count with the death word right after it. */
const BARE_DEATH = /^(?:killed|dead)\b/;

/**
 * The counts statedFatalities leaves: a single victim named with "a", "an" or "one" and a death verb right after
 * ("a student was allegedly killed": 1), and a number directly followed by "killed" or "dead" ("7 killed.").
 * Only when nothing else was counted, so "an attack on soldiers killed 5 people" stays 5.
 */
function singleOrBareDeath(
  keys: readonly string[],
  tokens: Token[],
  raw: string,
  f: FatalityLexicon,
): number | null {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k === 'a' || k === 'an' || k === 'one') {
      // The victim noun right after, after one adjective ("a young person", "one Lobi man"), or after an age
      // ("a 12-year-old girl").
      const age = /^\d{1,3}$/.test(keys[i + 1] ?? '') && keys[i + 2] === 'year' && keys[i + 3] === 'old';
      for (const at of age ? [i + 4] : [i + 1, i + 2]) {
        if (!f.singleVictims.has(keys[at] ?? '')) continue;
        if (DEATH_AFTER.test(keys.slice(at + 1, at + 5).join(' '))) return 1;
      }
    }
    const n = numberAt(tokens, i, raw, f);
    if (n !== null && k !== 'a' && k !== 'an' && BARE_DEATH.test(keys.slice(i + 1, i + 2).join(' ')))
      return n;
    // "Soldiers have recovered 79 bodies": the dead found.
    if (
      n !== null &&
      k !== 'a' &&
      k !== 'an' &&
      BODIES.has(keys[i + 1] ?? '') &&
      FOUND.has(keys[i - 1] ?? '')
    )
      return n;
  }
  return null;
}

/**
 * A claim's fatalities: the toll the sentence states, none for a protest about a killing (the deaths are the
 * killing's), and 0 for a non-violent event that happened (ACLED codes 0; a forecast or a history has no count).
 */
export function claimFatalities(
  tokens: Token[],
  raw: string,
  ctx: PipelineContext,
  eventType: string,
  aboutAnother: boolean,
  modality: Modality,
): number | null {
  const stated = aboutAnother ? null : statedFatalities(tokens, raw, ctx);
  if (
    stated === null &&
    !ctx.claims.violent.has(eventType) &&
    (modality === 'reported' || modality === 'claimed' || modality === 'alleged')
  )
    return 0;
  return stated;
}
