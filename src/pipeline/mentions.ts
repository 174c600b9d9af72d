// Stage 3: mentions. One pass of the token trie over each sentence finds places, demonyms, actors and
// non-location phrases together; then the traps are sorted out:
// - a place inside an actor name or a non-location phrase ("Islamic Maghreb", "Vienna Convention") is no place;
// - a capital or country acting as a government ("Paris has criticised", "Bamako retaliated") is metonymy;
// - an analogy or metaphor ("Africa's Afghanistan", "a parallel with Libya") is no location, and one sense per
//   discourse: the same place is then no location anywhere in that document.

import { fold, tokenizeText, type Token } from './text.ts';
import type { Pattern, PipelineContext } from './gazetteer.ts';
import type { ActorMention, Mention, Sentence } from './types.ts';

export { createContext as buildSpotter } from './gazetteer.ts';

export interface Spotted {
  mentions: Mention[];
  actors: ActorMention[];
}

const LOCATIVE = new Set([
  'in',
  'at',
  'near',
  'around',
  'outside',
  'across',
  'throughout',
  'into',
  'within',
  'inside',
  'from',
  'toward',
  'towards',
  'over',
  'on',
  'to',
  'between',
  'entered',
  'reached',
  'via',
  'through',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
]);
const OF_LOCATIVE = new Set([
  'siege',
  'vicinity',
  'city',
  'outskirts',
  'capital',
  'fall',
  'region',
  'north',
  'south',
  'east',
  'west',
  'centre',
  'center',
  'streets',
  'town',
  'village',
  'province',
  'area',
  'part',
  'parts',
  'heart',
  'outside',
  'north-east',
  'border',
  'borders',
  'environs',
  'suburbs',
  'districts',
  'people',
  'residents',
  'commune',
  'localities',
  'locality',
]);
const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'does',
  'did',
  'will',
  'would',
  'is',
  'was',
  'must',
  'should',
  'can',
]);
const AGENT_VERBS = new Set([
  'provide',
  'started',
  'begun',
  'criticise',
  'criticize',
  'condemn',
  'reject',
  'demand',
  'retaliated',
  'criticised',
  'criticized',
  'said',
  'says',
  'announced',
  'condemned',
  'accused',
  'denied',
  'urged',
  'does',
  'did',
  'will',
  'would',
  'suspended',
  'expelled',
  'rejected',
  'called',
  'warned',
  'demanded',
  'decided',
  'responded',
  'sought',
  'signed',
  'recalled',
  'insisted',
  'claimed',
  'argued',
  'refused',
  'welcomed',
  'backed',
  'supports',
  'supported',
  'wants',
  'wanted',
  'reacted',
  'protested',
  'stated',
  'declared',
  'confirmed',
  'ordered',
  'agreed',
  'threatened',
  'hopes',
  'seeks',
  'provides',
  'provided',
  'pledged',
]);
const POLITICAL_NOUNS = new Set([
  'government',
  'ties',
  'support',
  'policy',
  'relations',
  'decision',
  'influence',
  'standing',
  'role',
  'interests',
  'intervention',
  'leadership',
  'junta',
  'authorities',
  'foreign',
  'position',
  'response',
  'stance',
  'diplomacy',
  'strategy',
  'approach',
  'backing',
  'officials',
  'regime',
  'withdrawal',
  'departure',
  'absence',
  'presence',
]);
const ANALOGY_BEFORE = new Set([
  'parallel',
  'parallels',
  'reminiscent',
  'analogy',
  'compared',
  'comparison',
  'akin',
  'like',
  'another',
  'new',
  'next',
  'resembles',
  'resemble',
  'echoes',
  'lessons',
]);
/** "Africa's Afghanistan": a possessive of one of these before a place makes the place a metaphor. */
const METAPHOR_OWNERS = new Set([
  'africa',
  'sahel',
  'europe',
  'asia',
  'world',
  'region',
  'continent',
  'america',
]);
const ANALOGY_AFTER = new Set([
  'trajectory',
  'path',
  'example',
  'footsteps',
  'fate',
  'playbook',
  'model',
  'scenario',
  'style',
]);

function isCapitalised(surface: string): boolean {
  const c = surface.charAt(0);
  return c !== c.toLowerCase();
}

/** Does the surface's capitalisation fit the pattern's? */
function caseFits(p: Pattern, surface: string): boolean {
  if (p.acronym) return surface.replace(/[^A-Za-z]/g, '') === p.acronym;
  // Proper nouns are capitalised; an alias written in lower case ("central Mali") needs only its own case.
  return !p.capital || isCapitalised(surface);
}

interface Hit {
  first: number;
  last: number;
  start: number;
  end: number;
  patterns: Pattern[];
}

/** Spot one document's sentences. `text` is the cleaned text the sentence offsets point into. */
export function spotMentions(text: string, sentences: Sentence[], ctx: PipelineContext): Spotted {
  const tokens = tokenizeText(text);
  const mentions: Mention[] = [];
  const actors: ActorMention[] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < tokens.length && (tokens[t] as Token).start < s.start) t++;
    let u = t;
    while (u < tokens.length && (tokens[u] as Token).end <= s.end) u++;
    const stoks = tokens.slice(t, u);
    t = u;
    spotSentence(text, s, stoks, ctx, mentions, actors);
  }
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  applyOneSensePerDiscourse(mentions);
  return { mentions, actors };
}

function spotSentence(
  text: string,
  s: Sentence,
  stoks: Token[],
  ctx: PipelineContext,
  mentions: Mention[],
  actors: ActorMention[],
): void {
  const hits: Hit[] = [];
  for (const m of ctx.trie.matchTokens(stoks)) {
    const surface = text.slice(m.start, m.end);
    if (surface.includes('\n')) continue;
    const patterns = m.payloads.map((i) => ctx.patterns[i] as Pattern).filter((p) => caseFits(p, surface));
    if (patterns.length) hits.push({ first: m.first, last: m.last, start: m.start, end: m.end, patterns });
  }
  // Blocking spans: actor names and non-location phrases, longest first.
  const blockers = hits.filter((h) =>
    h.patterns.some((p) => p.kind === 'actor' || p.kind === 'nonloc' || p.kind === 'generic'),
  );
  const placeHits = hits.filter((h) => h.patterns.some((p) => p.kind === 'place' || p.kind === 'demonym'));
  // Keep the longest non-overlapping place hits (leftmost-longest): "Burkina Faso" over "Burkina".
  placeHits.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Hit[] = [];
  for (const h of placeHits) {
    const overlaps = chosen.find((c) => h.start < c.end && c.start < h.end);
    if (!overlaps) chosen.push(h);
    else if (h.end - h.start > overlaps.end - overlaps.start) chosen.splice(chosen.indexOf(overlaps), 1, h);
  }
  // Actor mentions: longest non-overlapping.
  blockers.sort((a, b) => a.start - b.start || b.end - a.end);
  const actorHits: Hit[] = [];
  for (const h of blockers) {
    if (actorHits.some((c) => h.start < c.end && c.start < h.end)) continue;
    actorHits.push(h);
  }
  for (const h of actorHits) {
    for (const p of h.patterns) {
      if (p.kind === 'actor' || p.kind === 'generic') {
        actors.push({
          start: h.start,
          end: h.end,
          surface: text.slice(h.start, h.end),
          sentence: s.index,
          actor: p.actor,
          generic: p.kind === 'generic' ? p.generic : null,
        });
        break;
      }
    }
  }
  addCoordinatedRegions(text, s, ctx, mentions);
  for (const h of chosen) {
    const places = h.patterns.filter((p) => p.kind === 'place' || p.kind === 'demonym');
    const demonym = places.every((p) => p.kind === 'demonym');
    const candidates = [
      ...new Set(places.map((p) => (p.kind === 'place' || p.kind === 'demonym' ? p.id : ''))),
    ].sort();
    const surface = text.slice(h.start, h.end);
    const mention: Mention = {
      start: h.start,
      end: h.end,
      surface,
      sentence: s.index,
      candidates,
      via: demonym
        ? 'demonym'
        : places.some((p) => p.kind === 'place' && fold(p.phrase) === fold(surface))
          ? 'name'
          : 'alias',
      rejected: null,
      standsFor: null,
    };
    // Inside a longer actor name or non-location phrase?
    const inside = actorHits.find(
      (b) => b.start <= h.start && b.end >= h.end && b.end - b.start > h.end - h.start,
    );
    const sameSpanActor = actorHits.find(
      (b) => b.start === h.start && b.end === h.end && b.patterns.some((p) => p.kind === 'actor'),
    );
    if (inside) {
      mention.rejected =
        inside.patterns.some((p) => p.kind === 'nonloc') && !inside.patterns.some((p) => p.kind === 'actor')
          ? 'inside-non-location-phrase'
          : 'inside-actor-name';
    } else if (!demonym && ctx.lexicons.notAlone.has(fold(surface))) {
      mention.rejected = 'common-word';
    } else if (!demonym) {
      const ctxWords = contextWords(stoks, h);
      if (isPersonName(text, stoks, h, ctxWords)) mention.rejected = 'person-name';
      else if (isAnalogy(ctxWords)) mention.rejected = 'analogy';
      else {
        const actor = sameSpanActor?.patterns.find((p) => p.kind === 'actor');
        const standsFor = metonymyActor(
          ctx,
          candidates,
          actor && actor.kind === 'actor' ? actor.actor : null,
        );
        // A country that is also an actor ("France") is the actor unless a locative word puts it on the map;
        // a capital is the government when it acts ("Bamako retaliated").
        if (
          standsFor &&
          !ctxWords.locative &&
          (actor || ctxWords.agentAfter || ctxWords.politicalAfter || ctxWords.pairedCapital)
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
    const places = h.patterns.filter((p) => p.kind === 'place' || p.kind === 'demonym');
    if (places.every((p) => p.kind === 'demonym')) continue;
    mentions.push({
      start: h.start,
      end: h.end,
      surface: text.slice(h.start, h.end),
      sentence: s.index,
      candidates: [...new Set(places.map((p) => (p.kind === 'place' ? p.id : '')))].filter(Boolean).sort(),
      via: 'name',
      rejected: inside.patterns.some((p) => p.kind === 'actor')
        ? 'inside-actor-name'
        : 'inside-non-location-phrase',
      standsFor: null,
    });
  }
}

const COMPASS =
  '(northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western)';
const COORDINATED = new RegExp(
  `\\b${COMPASS}\\s*(?:,|and|or)\\s*(?:${COMPASS}\\s*(?:,|and|or)\\s*)?${COMPASS}\\s+([A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?)`,
  'gu',
);

/** "central and northern Mali": the trie sees "northern Mali"; the first adjective names a region too. */
function addCoordinatedRegions(text: string, s: Sentence, ctx: PipelineContext, mentions: Mention[]): void {
  COORDINATED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COORDINATED.exec(s.text))) {
    const place = m[4] as string;
    for (const adj of [m[1], m[2]]) {
      if (!adj) continue;
      const entry = ctx.gazetteer.byName(`${adj} ${place}`).find((e) => e.kind === 'vernacular');
      if (!entry) continue;
      const start = s.start + m.index + m[0].indexOf(adj);
      mentions.push({
        start,
        end: start + adj.length,
        surface: text.slice(start, start + adj.length),
        sentence: s.index,
        candidates: [entry.id],
        via: 'alias',
        rejected: null,
        standsFor: null,
      });
    }
  }
}

interface ContextWords {
  before: string[];
  after: string[];
  locative: boolean;
  agentAfter: boolean;
  politicalAfter: boolean;
  pairedCapital: boolean;
}

function contextWords(stoks: Token[], h: Hit): ContextWords {
  const before = stoks.slice(Math.max(0, h.first - 6), h.first).map((x) => x.key);
  const after = stoks.slice(h.last + 1, h.last + 4).map((x) => x.key);
  const prev = before[before.length - 1];
  const prev2 = before[before.length - 2];
  const locative =
    (prev !== undefined && LOCATIVE.has(prev) && prev !== 'between') ||
    (prev === 'of' && prev2 !== undefined && OF_LOCATIVE.has(prev2)) ||
    (prev === 'the' && prev2 !== undefined && LOCATIVE.has(prev2));
  const possessive = after[0] === 's';
  const a0 = after[0];
  const agentAfter =
    a0 !== undefined &&
    (AGENT_VERBS.has(a0) || (AUXILIARIES.has(a0) && after.slice(1, 3).some((w) => AGENT_VERBS.has(w))));
  const politicalAfter = possessive && after.slice(1).some((w) => POLITICAL_NOUNS.has(w));
  const pairedCapital = prev === 'between' || (prev === 'and' && before.includes('between'));
  return { before, after, locative, agentAfter, politicalAfter, pairedCapital };
}

/** "Ibrahim B. Keïta", "Vladimir Putin": a name between capitalised words, with no locative word before it. */
function isPersonName(text: string, stoks: Token[], h: Hit, c: ContextWords): boolean {
  if (c.locative) return false;
  const prevTok = stoks[h.first - 1];
  const nextTok = stoks[h.last + 1];
  const initialBefore =
    prevTok !== undefined &&
    prevTok.end - prevTok.start === 1 &&
    text[prevTok.end] === '.' &&
    isCapitalised(text.slice(prevTok.start));
  if (initialBefore) return true;
  const adjacent = (a: Token | undefined, b: Token | undefined) =>
    a !== undefined && b !== undefined && /^\s$/.test(text.slice(a.end, b.start));
  const capNext =
    nextTok !== undefined &&
    adjacent(stoks[h.last], nextTok) &&
    isCapitalised(text.slice(nextTok.start)) &&
    /[a-z]/.test(text.slice(nextTok.start, nextTok.end));
  const capPrev =
    prevTok !== undefined && adjacent(prevTok, stoks[h.first]) && isCapitalised(text.slice(prevTok.start));
  // Title-case headings capitalise every word: only trust this when the next word is no function word.
  return (
    capNext && !capPrev && !/^(And|Or|Of|The|In|For|To|At|On)$/.test(text.slice(nextTok.start, nextTok.end))
  );
}

function isAnalogy(c: ContextWords): boolean {
  const prev = c.before[c.before.length - 1];
  // "Africa's Afghanistan": a continent's or region's possessive right before this place.
  const owner = c.before[c.before.length - 2];
  if (prev === 's' && owner !== undefined && METAPHOR_OWNERS.has(owner)) return true;
  if (prev !== undefined && ANALOGY_BEFORE.has(prev)) return true;
  if (c.before.some((w) => w === 'parallel' || w === 'reminiscent' || w === 'analogy')) return true;
  if (c.after[0] === 's' && c.after[1] !== undefined && ANALOGY_AFTER.has(c.after[1])) return true;
  if (c.after[0] === 'style') return true;
  return false;
}

/** The actor a place can stand for: its country's government (capitals, countries). */
function metonymyActor(
  ctx: PipelineContext,
  candidates: string[],
  sameSpanActor: string | null,
): string | null {
  if (sameSpanActor) return sameSpanActor;
  for (const id of candidates) {
    const e = ctx.gazetteer.get(id);
    if (!e || !e.country) continue;
    if (e.kind === 'country' || e.featureCode === 'PPLC' || e.featureCode === 'PPLG') {
      const byCountry = ctx.countryActors.get(e.country);
      if (byCountry) return byCountry;
      return `Government of ${ctx.gazetteer.country(e.country)?.name ?? e.country}`;
    }
  }
  return null;
}

/** One sense per discourse: a place used as an analogy is not a location anywhere else in the document. */
function applyOneSensePerDiscourse(mentions: Mention[]): void {
  const analogies = new Set(mentions.filter((m) => m.rejected === 'analogy').map((m) => fold(m.surface)));
  for (const m of mentions) if (!m.rejected && analogies.has(fold(m.surface))) m.rejected = 'analogy';
}
