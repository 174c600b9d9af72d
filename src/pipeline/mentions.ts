// Stage 3: mentions. One pass of the token trie over each sentence finds places, demonyms, actors and
// non-location phrases together; then the traps are sorted out:
// - a place inside an actor name or a non-location phrase ("Islamic Maghreb", "Vienna Convention") is no place;
// - a capital or country acting as a government ("Paris has criticised", "Bamako retaliated") is metonymy;
// - an analogy or metaphor ("Africa's Afghanistan", "a parallel with Libya") is no location, and one sense per
//   discourse: the same place is then no location anywhere in that document.

import { fold, foldsTo, type WordTokens } from './text.ts';
import type { PipelineContext } from './context.ts';
import type { PatternGroup, PhraseGroups } from './gazetteer.ts';
import type { ActorMention, Mention, PlaceCue, Sentence } from './types.ts';
import type { ContextWordSets } from './context-words.ts';
import { onlyHeadings } from './segment.ts';
import { addCoordinatedRegions } from './coordinated-regions.ts';

export { createContext as buildSpotter } from './context.ts';

export interface Spotted {
  mentions: Mention[];
  actors: ActorMention[];
  /** The document's word tokens, cleaned-text offsets: the claims stage reads each sentence's words from them. */
  tokens: WordTokens;
  /** Is the document nothing but short unpunctuated lines (segment.ts onlyHeadings)? Then its "headings" are its
   * text: the unknown-place and claims stages read them, worked out once here. */
  headingsAreText: boolean;
}

/** Does the text at `at` start with a capital? ASCII, the common case, is answered without building a string. */
function capitalAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  const c = text.charAt(at);
  return c !== c.toLowerCase();
}

/** Letters of a surface, for matching an acronym pattern ("U.N." spells "UN"); '' when they can spell none. An
 * acronym's letters are 1-6 capitals (gazetteer.ts acronymOf): a lower-case letter or a seventh letter settles it
 * without building the string (nearly every hit: "Gao"). Exported for tests/pipeline/speed-paths.test.ts. */
export function acronymLetters(text: string, start: number, end: number): string {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90 && ++n > 6)) return '';
  }
  let letters = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) letters += text.charAt(i);
  }
  return letters;
}

/**
 * The patterns of a hit on a trie phrase that fit the surface's capitalisation: proper nouns are capitalised,
 * an alias written in lower case ("central Mali") needs only its own case, and acronyms must be spelled in
 * capitals. The groups were worked out when the dictionary was built.
 */
function fittingGroup(groups: PhraseGroups, text: string, start: number, end: number): PatternGroup | null {
  const acronym = groups.acronyms && groups.acronyms.get(acronymLetters(text, start, end));
  if (!acronym && shouted(text, start, end)) return null;
  const cases = acronym ?? groups;
  return capitalAt(text, start) ? cases.upper : cases.lower;
}

/**
 * "an NGO in Menaka", "the MAN party": a short word in capitals inside ordinary text is an acronym, not the town
 * of that name (Ngo, Man). Capitals at a line's start (the dateline "GAO, Mali (AP) —") or in a line with no
 * lower case near it (a shouted headline) are still names.
 */
function shouted(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 2 || n > 4) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart === start) return false;
  return /\p{Ll}/u.test(text.slice(Math.max(lineStart, start - 30), Math.min(text.length, end + 30)));
}

/** Add a hit to a list ordered by start and longest first, given hits arrive by first token, shortest first. */
function insertLongestFirst(hits: Hit[], h: Hit): void {
  let at = hits.length;
  while (at > 0 && (hits[at - 1] as Hit).first === h.first) at--;
  if (at === hits.length) hits.push(h);
  else hits.splice(at, 0, h);
}

/** Does the hit's surface fold to one of the names (rather than to an alias of the same words)? */
function isName(text: string, h: Hit, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) if (foldsTo(text, h.start, h.end, names[i] as string)) return true;
  return false;
}

/** Characters no name spans: a line break, and the commas, brackets and quotes between names ("Koro (Koro,
 * Mopti)" is not the village Korokoro, nor "Koro, Koro"). Spaces, hyphens, dots and apostrophes join words of a
 * name ("Tongo-Tongo", "St. Louis", "Fada N'Gourma"). */
const NAME_BREAKS = new Set([...'\n,;:()[]{}"“”«»/|•'].map((c) => c.charCodeAt(0)));

/** Does text[start, end) hold a character no name spans? */
function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (NAME_BREAKS.has(text.charCodeAt(i))) return true;
  return false;
}

interface Hit {
  /** First and last token index (inclusive) in the document's tokens. */
  first: number;
  last: number;
  start: number;
  end: number;
  group: PatternGroup;
}

/** Spot one document's sentences. `text` is the cleaned text the sentence offsets point into. */
export function spotMentions(text: string, sentences: Sentence[], ctx: PipelineContext): Spotted {
  const tokens = ctx.trie.tokenize(text);
  const mentions: Mention[] = [];
  const actors: ActorMention[] = [];
  const { count, start, end } = tokens;
  // Blocking spans (actor names and non-location phrases) and place hits of the current sentence, each by start
  // and longest first. The trie reports hits by first token, shortest first, so a hit goes before those sharing
  // its first token. One callback and two arrays for the whole document: most sentences have no hit at all.
  const blockers: Hit[] = [];
  const placeHits: Hit[] = [];
  const onMatch = (first: number, last: number, phrase: number): void => {
    const from = start[first] as number;
    const to = end[last] as number;
    if (first !== last && hasLineBreak(text, from, to)) return;
    const group = fittingGroup(ctx.phraseGroups[phrase] as PhraseGroups, text, from, to);
    if (!group) return;
    const h: Hit = { first, last, start: from, end: to, group };
    if (group.blocks) insertLongestFirst(blockers, h);
    if (group.locates) insertLongestFirst(placeHits, h);
  };
  let t = 0;
  for (const s of sentences) {
    while (t < count && (start[t] as number) < s.start) t++;
    let u = t;
    while (u < count && (end[u] as number) <= s.end) u++;
    // The sentence's tokens are tokens[t, u): passed as a range rather than copied.
    blockers.length = 0;
    placeHits.length = 0;
    ctx.trie.scan(tokens, t, u, onMatch);
    const range = { tokens, from: t, to: u };
    // Every compass word ends in "ern" but "central": a superset of the regex's matches, settled without it.
    const coordinated = s.text.includes('ern') || s.text.includes('central');
    if (blockers.length > 0 || placeHits.length > 0)
      spotSentence(text, s, range, ctx, blockers, placeHits, coordinated, mentions, actors);
    else if (coordinated) addCoordinatedRegions(text, s, ctx, mentions);
    t = u;
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  applyOneSensePerDiscourse(mentions);
  return { mentions, actors, tokens, headingsAreText: onlyHeadings(sentences) };
}

/** One sentence's tokens: tokens[from, to) of the document's. */
interface TokenRange {
  tokens: WordTokens;
  from: number;
  to: number;
}

/** Sort out one sentence's hits: which are places, actors, or neither, and why. */
function spotSentence(
  text: string,
  s: Sentence,
  range: TokenRange,
  ctx: PipelineContext,
  blockers: readonly Hit[],
  placeHits: readonly Hit[],
  coordinated: boolean,
  mentions: Mention[],
  actors: ActorMention[],
): void {
  // Keep the longest non-overlapping place hits (leftmost-longest): "Burkina Faso" over "Burkina".
  const chosen: Hit[] = [];
  for (const h of placeHits) {
    const overlaps = chosen.find((c) => h.start < c.end && c.start < h.end);
    if (!overlaps) chosen.push(h);
    else if (h.end - h.start > overlaps.end - overlaps.start) chosen.splice(chosen.indexOf(overlaps), 1, h);
  }
  // Actor mentions: longest non-overlapping.
  const actorHits: Hit[] = [];
  for (const h of blockers) {
    if (actorHits.some((c) => h.start < c.end && c.start < h.end)) continue;
    actorHits.push(h);
  }
  for (const h of actorHits) {
    const p = h.group.actorMention;
    if (!p) continue;
    actors.push({
      start: h.start,
      end: h.end,
      surface: text.slice(h.start, h.end),
      sentence: s.index,
      actor: p.actor,
      generic: p.kind === 'generic' ? p.generic : null,
    });
  }
  if (coordinated) addCoordinatedRegions(text, s, ctx, mentions);
  /** Mentions rejected as a person's given name, whose next capitalised word is the surname. */
  const givenNames = new Set<Mention>();
  for (const h of chosen) {
    const g = h.group;
    const demonym = g.demonymOnly;
    const candidates = g.candidates;
    // "U.S.": a dotted acronym's last dot is part of the name, though the tokens stop before it.
    const end =
      DOTTED_ACRONYM.test(text.slice(h.start, h.end)) && text.charAt(h.end) === '.' ? h.end + 1 : h.end;
    const surface = text.slice(h.start, end);
    const mention: Mention = {
      start: h.start,
      end,
      surface,
      sentence: s.index,
      candidates,
      via: demonym ? 'demonym' : isName(text, h, g.names) ? 'name' : 'alias',
      rejected: null,
      standsFor: null,
    };
    if (g.villages && !demonym) mention.cue = villageCue(text, range, h, ctx);
    // Inside a longer actor name or non-location phrase?
    const inside = actorHits.find(
      (b) => b.start <= h.start && b.end >= h.end && b.end - b.start > h.end - h.start,
    );
    const sameSpanActor = actorHits.find((b) => b.start === h.start && b.end === h.end && b.group.actor);
    if (TAMASHEQ_PREFIX.test(text.slice(Math.max(0, h.start - 4), h.start))) {
      // "in Tin-Hamma", "In-Agar": a Tamasheq name's prefix ("the one of") makes one name with what follows; its
      // second word alone is another place (Algeria's Hamma Bouziane). The gazetteer's whole names ("Tin-Essako",
      // "In-Khalil") are matched whole, so a hit here is a piece.
      mention.rejected = 'part-of-longer-name';
    } else if (h.end + 64 >= text.length && /^\s*$/u.test(text.slice(h.end)) && paragraphs(text, 3)) {
      // An article excerpt cut mid-sentence: its last word may be cut too ("US aid to the Malia[n ...]"). (A
      // one-paragraph note, as ACLED writes them, often ends on its place with no full stop: "... in Kidal".)
      mention.rejected = 'cut-off';
    } else if (inside) {
      mention.rejected =
        inside.group.nonloc && !inside.group.actor ? 'inside-non-location-phrase' : 'inside-actor-name';
    } else if (!demonym && g.mayBeCommonWord && ctx.lexicons.notAlone.has(fold(surface))) {
      mention.rejected = 'common-word';
    } else if (!demonym) {
      const possessive = possessiveSpelling(surface, ctx);
      const ctxWords = contextWords(range, h, ctx.words.context, possessive);
      // "blogger Madou Kante": the surname after a given name is the person's too (Kante is no Togolese town
      // here). Not a country or region ("a joint Mali Niger patrol"), and not again after a surname.
      const given = mentions[mentions.length - 1];
      const surname =
        !!given &&
        givenNames.has(given) &&
        given.sentence === s.index &&
        given.end + 1 === h.start &&
        /^ \p{Lu}/u.test(text.slice(given.end, h.start + 1)) &&
        !candidates.some((id) => {
          const kind = ctx.gazetteer.get(id)?.kind;
          return kind === 'country' || kind === 'admin1';
        });
      if (possessive && !owns(text.slice(end, end + 24))) mention.rejected = 'common-word';
      else if (surname) mention.rejected = 'person-name';
      else if (isPersonName(text, range, h, ctxWords, ctx.words.context)) {
        mention.rejected = 'person-name';
        givenNames.add(mention);
      } else if (isAnalogy(ctxWords, ctx.words.context)) mention.rejected = 'analogy';
      else {
        const actor = sameSpanActor?.group.actor ?? null;
        // The actor named by the same words, else the government of a country or capital among the candidates.
        const standsFor = actor?.actor || g.government;
        // A country that is also an actor ("France") is the actor unless a locative word puts it on the map;
        // a capital is the government when it acts ("Bamako retaliated").
        if (
          standsFor &&
          !ctxWords.locative &&
          (actor ||
            ctxWords.agentAfter ||
            ctxWords.politicalAfter ||
            ctxWords.pairedCapital ||
            (ctxWords.stateObject &&
              STATE_AFTER.test(text.slice(end, end + 12)) &&
              candidates.some((id) => ctx.gazetteer.get(id)?.kind === 'country')) ||
            (ctxWords.politicalWith && !candidates.some((id) => ctx.gazetteer.get(id)?.kind === 'country')))
        ) {
          mention.rejected = 'metonymy';
          mention.standsFor = standsFor;
        }
      }
    }
    mentions.push(mention);
  }
  // Places hidden inside actor names are reported too, so nothing disappears silently.
  for (const h of placeHits) {
    if (chosen.includes(h)) continue;
    const inside = actorHits.find((b) => b.start <= h.start && b.end >= h.end);
    const inChosen = chosen.some((c) => c.start <= h.start && c.end >= h.end);
    if (!inside || inChosen) continue;
    if (mentions.some((m) => m.start === h.start && m.end === h.end)) continue;
    if (h.group.demonymOnly) continue;
    mentions.push({
      start: h.start,
      end: h.end,
      surface: text.slice(h.start, h.end),
      sentence: s.index,
      candidates: h.group.placeIds,
      via: 'name',
      rejected: inside.group.actor ? 'inside-actor-name' : 'inside-non-location-phrase',
      standsFor: null,
    });
  }
}

interface ContextWords {
  before: string[];
  after: string[];
  locative: boolean;
  agentAfter: boolean;
  politicalAfter: boolean;
  /** "agreements concluded with Paris", "on behalf of Bamako", "accusing Khartoum of", "backed by Khartoum": a
   * capital as its government (a country stays the country's place). */
  politicalWith: boolean;
  pairedCapital: boolean;
  /** "has suspended Niger": the object of a verb done to a state (a country only). */
  stateObject: boolean;
}

/**
 * "Kidals military camp": a possessive spelt without its apostrophe (gazetteer.ts adds such spellings of the
 * focus countries' countries, regions and towns), read as "Kidal's" is.
 */
function possessiveSpelling(surface: string, ctx: PipelineContext): boolean {
  return surface.endsWith('s') && ctx.possessives.has(fold(surface));
}

/** After a state that is a verb's object: a clause's end or a preposition ("suspended Niger from its bodies"),
 * not a noun the country qualifies ("suspended Niger operations"). */
const STATE_AFTER =
  /^(?:\s*[.,;:!?)]|\s*$|\s+(?:from|over|after|until|for|following|on|in|with|and|because)\b)/u;

/** What a possessive owns comes next: a lower-case word or an acronym ("Kidals military camp", "Nouadhibous
 * MP"), not a verb or a function word ("Pallas said", "Centres for"). */
const OWNED_AFTER = /^\s+(?:\p{Ll}[\p{L}-]*|\p{Lu}{2,}\b|\d)/u;
const NOT_OWNED =
  /^\s+(?:said|says|told|was|were|is|are|has|have|had|will|would|and|or|for|of|to|in|on|at|from|with|by)\b/u;
const owns = (after: string): boolean => OWNED_AFTER.test(after) && !NOT_OWNED.test(after);

/**
 * The words around a hit. Every word the checks compare with is in the spotter's vocabulary (CONTEXT_VOCABULARY),
 * so a token outside it is read as '' rather than folded: it can equal none of them.
 */
function contextWords(
  range: TokenRange,
  h: Hit,
  w: ContextWordSets,
  possessiveSurface = false,
): ContextWords {
  const { tokens, from, to } = range;
  const before: string[] = [];
  for (let i = Math.max(from, h.first - 6); i < h.first; i++) before.push(tokens.knownKey(i));
  const after: string[] = [];
  for (let i = h.last + 1; i < Math.min(to, h.last + 4); i++) after.push(tokens.knownKey(i));
  const prev = before[before.length - 1];
  const prev2 = before[before.length - 2];
  const locative =
    (prev !== undefined && w.locative.has(prev) && prev !== 'between') ||
    (prev === 'of' && prev2 !== undefined && w.ofLocative.has(prev2)) ||
    (prev === 'the' && prev2 !== undefined && w.locative.has(prev2));
  const possessive = after[0] === 's' || possessiveSurface;
  const owned = after[0] === 's' ? after.slice(1) : after;
  const a0 = after[0];
  const agentAfter =
    a0 !== undefined &&
    (w.agentVerbs.has(a0) || (w.auxiliaries.has(a0) && after.slice(1, 3).some((x) => w.agentVerbs.has(x))));
  const politicalAfter = possessive && owned.some((x) => w.politicalNouns.has(x));
  // "agreements concluded with Paris", "ties with Bamako": the capital's government, as "Paris's decision" is.
  // ("the MAA was acting on behalf of Bamako", "accusing Khartoum of planning", "attacks supported by Khartoum":
  // the same.)
  const politicalWith =
    (prev === 'with' && before.slice(0, -1).some((x) => w.politicalNouns.has(x))) ||
    (prev === 'of' && prev2 === 'behalf') ||
    (prev !== undefined && w.accuseVerbs.has(prev) && after[0] === 'of') ||
    (prev === 'by' && prev2 !== undefined && w.backingVerbs.has(prev2));
  const pairedCapital = prev === 'between' || (prev === 'and' && before.includes('between'));
  const stateObject = prev !== undefined && w.stateObjectVerbs.has(prev);
  return { before, after, locative, agentAfter, politicalAfter, politicalWith, pairedCapital, stateObject };
}

/** "the hamlet of Kichi (": a settlement noun, "of" and a name, then the bracket the mention opens. */
const SPELLED_BEFORE = /\b(\p{L}+)\s+of\s+(\p{Lu})[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?\s*\(\s*$/u;

/**
 * "the hamlet of Kichi (Kissi)": the bracket gives the place's other spelling, as plain as "the village of". Only
 * a spelling with the name's first letter ("Dinahoro (Dinaoro)"): "the village of Kare (Gari)" may name another
 * place, and a Gari 500 km away is what the gazetteer has.
 */
function otherSpelling(text: string, start: number, end: number, introducers: ReadonlySet<string>): boolean {
  if (!/^\s*\)/u.test(text.slice(end, end + 3))) return false;
  const m = SPELLED_BEFORE.exec(text.slice(Math.max(0, start - 64), start));
  return !!m && introducers.has((m[1] as string).toLowerCase()) && m[2] === text.charAt(start);
}

/**
 * The words around a village name the resolver weighs (resolve.ts): a locative or an event verb right before it
 * ("in Boni", "attacked Boni"), "the village of Boni", and whether it is one word of a longer capitalised name
 * ("Yaya Boni", "Boni Traoré"), which is never a match on its own.
 */
function villageCue(text: string, range: TokenRange, h: Hit, ctx: PipelineContext): PlaceCue {
  const { tokens, from, to } = range;
  const w = ctx.words.context;
  const v = ctx.words.villages;
  const prev = keyIn(range, h.first - 1);
  const prev2 = keyIn(range, h.first - 2);
  const next = keyIn(range, h.last + 1);
  // "in the Boni area" says it is a place as plainly as "the village of Boni" does.
  // "(coded as Singa at geoprecision 2)" says Singa is a place as plainly.
  const introduced =
    (prev === 'as' && prev2 === 'coded') ||
    otherSpelling(text, tokens.start[h.first] as number, tokens.end[h.last] as number, v.introducers) ||
    (prev === 'of' && v.introducers.has(prev2)) ||
    (prev === 'the' && (w.locative.has(prev2) || v.verbs.has(prev2)) && AREA_NOUNS.has(next));
  // "the axis Tongomayel-Barsalogho", "the Arbinda-Gorgadji axis": both ends of a road are places.
  const roadEnd =
    (hyphenAt(text, range, h.last) && (ROAD_NOUNS.has(prev) || ROAD_NOUNS.has(keyIn(range, h.last + 2)))) ||
    (hyphenAt(text, range, h.first - 1) &&
      !hyphenAt(text, range, h.last) &&
      (ROAD_NOUNS.has(prev2) || ROAD_NOUNS.has(next)));
  const locative =
    introduced ||
    roadEnd ||
    ((prev === 'from' || prev === 'of') && distanceBefore(text, tokens.start[h.first] as number)) ||
    (w.locative.has(prev) && prev !== 'from' && prev !== 'to') ||
    v.verbs.has(prev) ||
    (prev === 'of' && w.ofLocative.has(prev2)) ||
    (prev === 'the' && w.locative.has(prev2));
  const notNames = ctx.words.unknownPlaces.notNames;
  const before = h.first - 1;
  const after = h.last + 1;
  const fragment =
    (before >= from &&
      capWord(text, range, before, tokens.end[before] as number, tokens.start[h.first] as number, notNames) &&
      // A sentence's first word is capitalised anyway.
      before > from) ||
    (after < to &&
      capWord(text, range, after, tokens.end[h.last] as number, tokens.start[after] as number, notNames));
  const admin = (prev === 'of' && v.adminNouns.has(prev2)) || v.adminNouns.has(next);
  // "in the region of Menaka": the admin-1 region, not its capital.
  const region = (prev === 'of' && REGION_NOUNS.has(prev2)) || next === 'sector';
  // "the Dogon village", "the Boni family": a name after "the" with no locative is a word of something else,
  // and so is a people's name before a lower-case word ("in the Dogon village of X", "a Fulani herder").
  const attributive =
    h.first === h.last &&
    after < to &&
    v.ethnonyms.has(keyIn(range, h.first)) &&
    /^\s+$/.test(text.slice(tokens.end[h.last], tokens.start[after])) &&
    /^\p{Ll}/u.test(text.charAt(tokens.start[after] as number));
  return {
    locative,
    introduced,
    fragment: !roadEnd && (fragment || attributive || (prev === 'the' && !locative)),
    admin,
    region,
  };
}

/** A Tamasheq place name's prefix right before a hit: "Tin-", "Tin ", "In-", "Ti-" (case kept: "in Gao" is not one). */
const TAMASHEQ_PREFIX = /(?:^|[^\p{L}])(?:Tin[- ]|In-|Ti-|Tim-)$/u;

// (villageCue's helpers are module functions, not closures: under tsx (keepNames) each named arrow made per
// village hit cost a defineProperty call.)

/** "about 15km from Hourara", "18 km from Talataye", "30 km north-east of Boni": a distance is measured from a
 * place, which says the name is one as plainly as "in" does. */
const DISTANCE_BEFORE =
  /\d(?:[\d.,]*)\s*(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles)\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|from|away from)\s+(?:the\s+)?$/iu;
function distanceBefore(text: string, at: number): boolean {
  return DISTANCE_BEFORE.test(text.slice(Math.max(0, at - 48), at));
}

/** The known key (context vocabulary) of token i when it lies in the sentence, else ''. */
function keyIn(range: TokenRange, i: number): string {
  return i >= range.from && i < range.to ? range.tokens.knownKey(i) : '';
}

/** Is there a hyphen (or dash) between token i and the next, both in the sentence? */
function hyphenAt(text: string, range: TokenRange, i: number): boolean {
  const { tokens } = range;
  return (
    i >= range.from &&
    i + 1 < range.to &&
    /^\s*[-–]\s*$/u.test(text.slice(tokens.end[i], tokens.start[i + 1]))
  );
}

/** Is token i of the sentence a capitalised word right next to the name (one space or hyphen between)? */
function capWord(
  text: string,
  range: TokenRange,
  i: number,
  gapFrom: number,
  gapTo: number,
  notNames: ReadonlySet<string>,
): boolean {
  const { tokens, from, to } = range;
  return (
    i >= from &&
    i < to &&
    gapTo - gapFrom === 1 &&
    /[\s-]/.test(text.charAt(gapFrom)) &&
    capitalAt(text, tokens.start[i] as number) &&
    !TITLE_FUNCTION_WORDS.has(text.slice(tokens.start[i], tokens.end[i])) &&
    !notNames.has(text.slice(tokens.start[i], tokens.end[i]))
  );
}

/** "Ibrahim B. Keïta", "Vladimir Putin": a name between capitalised words, with no locative word before it. */
function isPersonName(text: string, range: TokenRange, h: Hit, c: ContextWords, w: ContextWordSets): boolean {
  if (c.locative) return false;
  const { tokens, from, to } = range;
  const starts = tokens.start;
  const ends = tokens.end;
  const prev = h.first > from ? h.first - 1 : -1;
  const next = h.last + 1 < to ? h.last + 1 : -1;
  const initialBefore =
    prev >= 0 &&
    (ends[prev] as number) - (starts[prev] as number) === 1 &&
    text[ends[prev] as number] === '.' &&
    capitalAt(text, starts[prev] as number);
  if (initialBefore) return true;
  // "Paul VI", "Louis XIV": a regnal number follows a given name, never a place.
  if (next >= 0 && oneSpaceBetween(text, ends[h.last] as number, starts[next] as number)) {
    const word = text.slice(starts[next], ends[next]);
    if (REGNAL.test(word) && (text[ends[next] as number] ?? ' ') !== '.') return true;
  }
  const capNext =
    next >= 0 &&
    oneSpaceBetween(text, ends[h.last] as number, starts[next] as number) &&
    capitalAt(text, starts[next] as number) &&
    hasAsciiLower(text, starts[next] as number, ends[next] as number);
  if (!capNext) return false;
  // "Timbuktu Saturday night", "Mondoro Commune", "Dafra University": a date or a place noun, no surname.
  if (c.after[0] !== undefined && w.notSurname.has(c.after[0])) return false;
  const capPrev =
    prev >= 0 &&
    oneSpaceBetween(text, ends[prev] as number, starts[h.first] as number) &&
    capitalAt(text, starts[prev] as number);
  // Title-case headings capitalise every word: only trust this when the next word is no function word.
  return !capPrev && !TITLE_FUNCTION_WORDS.has(text.slice(starts[next], ends[next]));
}

/** Does the text have at least `n` line breaks? */
function paragraphs(text: string, n: number): boolean {
  let i = -1;
  for (let k = 0; k < n; k++) if ((i = text.indexOf('\n', i + 1)) < 0) return false;
  return true;
}

/** "the region of X" (and the army's "X sector") names the admin-1 unit ("X region" is a gazetteer alias of it). */
/** Roman numerals from II to XXIII (not "I", a word, nor "V", "X", "L", "C", "D", "M", letters of their own). */
const REGNAL = /^(?=[IVX]{2,}$)X{0,2}(?:IX|IV|V?I{0,3})$/u;
const REGION_NOUNS: ReadonlySet<string> = new Set(['region', 'regions']);
const AREA_NOUNS: ReadonlySet<string> = new Set(['area', 'zone', 'sector', 'forest', 'market']);
const ROAD_NOUNS: ReadonlySet<string> = new Set(['axis', 'axe', 'road', 'route', 'highway', 'corridor']);
/** Words villageCue reads that no lexicon list brings into the spotter's vocabulary (context.ts). */
export const VILLAGE_CUE_WORDS: readonly string[] = ['coded', 'as', ...AREA_NOUNS, ...ROAD_NOUNS];
const DOTTED_ACRONYM = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const TITLE_FUNCTION_WORDS = new Set(['And', 'Or', 'Of', 'The', 'In', 'For', 'To', 'At', 'On']);

/** Is text[from, to) exactly one white-space character? */
function oneSpaceBetween(text: string, from: number, to: number): boolean {
  return to - from === 1 && /\s/.test(text.charAt(from));
}

function hasAsciiLower(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function isAnalogy(c: ContextWords, w: ContextWordSets): boolean {
  const prev = c.before[c.before.length - 1];
  // "Africa's Afghanistan": a continent's or region's possessive right before this place.
  const owner = c.before[c.before.length - 2];
  if (prev === 's' && owner !== undefined && w.metaphorOwners.has(owner)) return true;
  if (prev !== undefined && w.analogyBefore.has(prev)) return true;
  if (c.before.some((w) => w === 'parallel' || w === 'reminiscent' || w === 'analogy')) return true;
  if (c.after[0] === 's' && c.after[1] !== undefined && w.analogyAfter.has(c.after[1])) return true;
  if (c.after[0] === 'style') return true;
  return false;
}

/** One sense per discourse: a place used as an analogy is not a location anywhere else in the document. */
function applyOneSensePerDiscourse(mentions: Mention[]): void {
  const analogies = new Set(mentions.filter((m) => m.rejected === 'analogy').map((m) => fold(m.surface)));
  if (analogies.size === 0) return;
  for (const m of mentions) if (!m.rejected && analogies.has(fold(m.surface))) m.rejected = 'analogy';
}
