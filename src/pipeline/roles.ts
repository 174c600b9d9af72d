// Mention roles: what a resolved place mention does in its sentence. Only an event place (and a "near X" reference
// within the near threshold) places a claim; a dateline, a reference, an origin, a source or a name that merely
// contains a place name is listed in the report with the cue that decided it.
//
// Rules read a bounded window of text around the mention (at most WINDOW characters each side, on the mention's
// own line), so every regex here runs in time linear in the window, never in the sentence.
import { fold } from './text.ts';

export type MentionRole =
  'event' | 'near' | 'dateline' | 'reference' | 'route' | 'origin' | 'source' | 'inside-name';

export interface RoleOf {
  role: MentionRole;
  /** The words that decided the role ("dateline", "150 km north of", "fled to", "President ..."). */
  cue: string;
  /** Stated distance from the place in km ("15 km from Bamako" -> 15), null when none is stated. */
  km: number | null;
  /**
   * A weak cue ("residents of X said", "based in X") gives way when the sentence names no other event place:
   * then the mention places the claim after all, "near" at best.
   */
  weak: boolean;
}

/** geodata/lexicon/roles.json */
export interface RoleLexicon {
  nearKm: number;
  agencies: string[];
  directions: string[];
  distanceUnits: Record<string, number>;
  vagueNear: string[];
  numberWords: Record<string, number>;
  destinationVerbs: string[];
  originVerbs: string[];
  baseWords: string[];
  neighbourWords: string[];
  sourceNouns: string[];
  speechVerbs: string[];
  routeNouns: string[];
  routeLinks: string[];
  borderNouns: string[];
  nameTitles: string[];
  placeModifiers: string[];
  namedThings: string[];
}

/** The lexicon compiled into the anchored patterns the rules use (once per context). */
export interface RoleRules {
  nearKm: number;
  numberWords: ReadonlyMap<string, number>;
  units: ReadonlyMap<string, number>;
  /** Before the mention: "150 km (93 miles) north of (the town of) ". */
  distanceBefore: RegExp;
  /** After a dateline place: ", Mali (AP) —", " (Reuters) -", ", 12 March (AFP) –". */
  datelineAfter: RegExp;
  destinationBefore: RegExp;
  originBefore: RegExp;
  neighbourOriginBefore: RegExp;
  baseBefore: RegExp;
  basedAfter: RegExp;
  sourceBefore: RegExp;
  speechBefore: RegExp;
  routeFirstBefore: RegExp;
  routeSecondBefore: RegExp;
  routeHyphenAfter: RegExp;
  routeHyphenBefore: RegExp;
  borderBefore: RegExp;
  borderAfter: RegExp;
  namedThingAfter: RegExp;
  titles: ReadonlySet<string>;
  placeModifiers: ReadonlySet<string>;
}

/** Characters of context read on each side of a mention. */
const WINDOW = 100;

const alt = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');

export function compileRoles(lex: RoleLexicon): RoleRules {
  const num = `(?:\\d[\\d,.]*|${alt([...Object.keys(lex.numberWords), ...lex.vagueNear])})`;
  const unit = `(?:${alt(Object.keys(lex.distanceUnits))})`;
  const dir = `(?:${alt(lex.directions)})`;
  const the = `(?:the\\s+)?`;
  const kindOf = `(?:(?:town|village|city|commune|locality|capital|hamlet|settlement)\\s+of\\s+)?`;
  return {
    nearKm: lex.nearKm,
    numberWords: new Map([...Object.entries(lex.numberWords), ...lex.vagueNear.map((w) => [w, 3] as const)]),
    units: new Map(Object.entries(lex.distanceUnits)),
    distanceBefore: new RegExp(
      `(?:^|[^\\p{L}\\d])(?:(?:some|about|around|roughly|nearly|almost|over|more than|less than|under|barely|just|only|at least|approximately|an estimated)\\s+)?(${num})\\s*-?\\s*(${unit})\\b\\.?(?:\\s*\\([^)]{0,30}\\))?\\s*(?:(?:to|in)\\s+the\\s+)?(?:${dir}\\s+|away\\s+|outside\\s+)?(?:of|from)\\s+${the}${kindOf}$`,
      'u',
    ),
    datelineAfter: new RegExp(
      `^(?:\\s*,\\s*[^\\n,—–()]{2,40}){0,2}\\s*(?:\\(\\s*(?:${alt(lex.agencies)})(?:\\s*\\/\\s*[a-z ]{1,20})?\\s*\\)\\s*)?(?:—|–|--|-\\s)`,
      'u',
    ),
    destinationBefore: new RegExp(
      `\\b(?:${alt(lex.destinationVerbs)})(?:\\s+(?:back|away|on|them|him|her|it|out))?\\s+(?:to|towards|toward|into|for)\\s+${the}(?:(?:nearby|neighbouring|neighboring)\\s+)?(?:(?:capital|town|city|village|camp|hospital|clinic|region)\\s*,?\\s+(?:(?:of|in|at)\\s+)?)?$`,
      'u',
    ),
    originBefore: new RegExp(`\\b(?:${alt(lex.originVerbs)})\\s+(?:in\\s+)?from\\s+${the}${kindOf}$`, 'u'),
    neighbourOriginBefore: new RegExp(`\\b(?:from|of|in)\\s+(?:${alt(lex.neighbourWords)})\\s+$`, 'u'),
    baseBefore: new RegExp(`\\b(?:${alt(lex.baseWords)})\\s+(?:in|at|inside)\\s+${the}${kindOf}$`, 'u'),
    basedAfter: /^\s*-\s*based\b/u,
    sourceBefore: new RegExp(
      `\\b(?:${alt(lex.sourceNouns)})\\s+(?:of|in|from|at)\\s+${the}((?:${alt(lex.neighbourWords)})\\s+)?${kindOf}$`,
      'u',
    ),
    speechBefore: new RegExp(`\\b(?:${alt(lex.speechVerbs)})(?:\\s+\\w+){0,2}\\s+(?:in|from|at)\\s+$`, 'u'),
    routeFirstBefore: new RegExp(
      `\\b(?:${alt(lex.routeNouns)})\\s+(?:(?:that|which)\\s+(?:links|connects|runs)\\s+)?(?:${alt(lex.routeLinks)})\\s+${the}$`,
      'u',
    ),
    routeSecondBefore: new RegExp(
      `\\b(?:${alt(lex.routeNouns)})\\s+(?:${alt(lex.routeLinks)})\\s+[^,;:.()]{2,40}?\\s+(?:to|and|with)\\s+${the}$`,
      'u',
    ),
    routeHyphenAfter: new RegExp(
      `^\\s*[-–]\\s*\\p{L}[\\p{L}' -]{1,30}?\\s+(?:${alt(lex.routeNouns)})\\b`,
      'u',
    ),
    routeHyphenBefore: new RegExp(`\\p{L}[\\p{L}'’]*\\s*[-–]\\s*$`, 'u'),
    borderBefore: new RegExp(
      `\\b(?:${alt(lex.borderNouns)})\\s+(?:with|of|between|to)\\s+${the}(?:[\\p{L}' -]{2,30}\\s+and\\s+)?$|\\bbordering\\s+$`,
      'u',
    ),
    borderAfter: new RegExp(
      `^(?:\\s*['’]s)?(?:\\s*[-–/]\\s*\\p{L}[\\p{L}' ]{1,30}?)?\\s+(?:${alt(lex.borderNouns)})\\b`,
      'u',
    ),
    namedThingAfter: new RegExp(`^\\s+(?:international\\s+)?(?:${alt(lex.namedThings)})\\b`, 'u'),
    titles: new Set(lex.nameTitles),
    placeModifiers: new Set(lex.placeModifiers),
  };
}

const ROAD_AFTER = /^\s+(?:road|route|axis|highway)\b/u;

const EVENT: RoleOf = Object.freeze({ role: 'event', cue: '', km: null, weak: false });

interface Span {
  start: number;
  end: number;
}

/** The role of one mention; `sentence` bounds the context read, `isHeading` turns off the capitalisation rule. */
export function mentionRole(
  text: string,
  sentence: Span & { kind?: string },
  m: Span,
  rules: RoleRules,
): RoleOf {
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  const from = Math.max(lineStart, m.start - WINDOW);
  const rawBefore = text.slice(from, m.start);
  const lineEnd = text.indexOf('\n', m.end);
  const rawAfter = text.slice(m.end, Math.min(lineEnd < 0 ? text.length : lineEnd, m.end + WINDOW));
  const before = fold(rawBefore);
  const after = fold(rawAfter);
  const heading = sentence.kind === 'heading';

  // Dateline: the first words of a line, "OUAGADOUGOU, Burkina Faso (AP) —", "(Bamako) –", "GAO, Mali -".
  const lead = before.trim();
  if (!heading && (lead === '' || lead === '(' || /^\(?[\p{L}' .-]{2,40},$/u.test(lead))) {
    const tail = lead === '(' ? after.replace(/^\s*\)/, '') : after;
    const dateline = rules.datelineAfter.exec(tail);
    // "Gao - a town on the river - was attacked" is an apposition: a mixed-case name needs a comma part,
    // an agency or brackets to be a dateline; "GAO -" in capitals is one.
    const marked =
      lead !== '' || /[,(]/.test(dateline?.[0] ?? '') || !/\p{Ll}/u.test(text.slice(m.start, m.end));
    if (dateline && marked && (lead !== '(' || /^\s*\)/.test(after)))
      return { role: 'dateline', cue: 'dateline', km: null, weak: false };
  }

  const dist = rules.distanceBefore.exec(before);
  if (dist) {
    const km = distanceKm(dist[1] ?? '', dist[2] ?? '', rules);
    const cue = dist[0].trim();
    const rounded = km === null ? null : Math.round(km * 10) / 10;
    if (rounded !== null && rounded <= rules.nearKm) return { role: 'near', cue, km: rounded, weak: false };
    return { role: 'reference', cue, km: rounded, weak: false };
  }

  if (rules.basedAfter.test(after))
    return { role: 'origin', cue: `${rawAfter.trim().split(/\s/)[0]}`, km: null, weak: false };
  const named = inName(rawBefore, rawAfter, after, heading, rules);
  if (named) return { role: 'inside-name', cue: named, km: null, weak: false };

  const borderB = rules.borderBefore.exec(before);
  if (borderB) return { role: 'reference', cue: borderB[0].trim(), km: null, weak: false };
  const borderA = rules.borderAfter.exec(after);
  if (borderA) return { role: 'reference', cue: `… ${borderA[0].trim()}`, km: null, weak: false };

  const dest = rules.destinationBefore.exec(before);
  if (dest) return { role: 'reference', cue: dest[0].trim(), km: null, weak: false };
  const origin = rules.originBefore.exec(before) ?? rules.neighbourOriginBefore.exec(before);
  if (origin) return { role: 'origin', cue: origin[0].trim(), km: null, weak: false };
  const base = rules.baseBefore.exec(before);
  if (base) return { role: 'origin', cue: base[0].trim(), km: null, weak: true };

  const speech = rules.speechBefore.exec(before);
  if (speech) return { role: 'source', cue: speech[0].trim(), km: null, weak: false };
  const source = rules.sourceBefore.exec(before);
  // "the mayor of the nearby town of X said": the neighbour word makes it certain that X is elsewhere.
  if (source) return { role: 'source', cue: source[0].trim(), km: null, weak: source[1] === undefined };

  const route = rules.routeFirstBefore.exec(before) ?? rules.routeSecondBefore.exec(before);
  if (route) return { role: 'route', cue: route[0].trim(), km: null, weak: true };
  // "the Mopti-Gao road": either end of a hyphenated pair followed by a road word.
  const hyphenAfter = rules.routeHyphenAfter.exec(rawAfter);
  if (hyphenAfter) return { role: 'route', cue: `… ${hyphenAfter[0].trim()}`, km: null, weak: true };
  const hyphenBefore = rules.routeHyphenBefore.exec(rawBefore);
  const road = hyphenBefore ? ROAD_AFTER.exec(after) : null;
  if (road)
    return {
      role: 'route',
      cue: `${hyphenBefore?.[0].trim() ?? ''}… ${road[0].trim()}`,
      km: null,
      weak: true,
    };
  return EVENT;
}

function distanceKm(n: string, unit: string, rules: RoleRules): number | null {
  const u = rules.units.get(unit.replace(/\.$/, '')) ?? 1;
  const word = rules.numberWords.get(n.replace(/\s+/g, ' '));
  if (word !== undefined) return word * u;
  const v = Number(n.replace(/,/g, ''));
  return Number.isFinite(v) ? v * u : null;
}

const CAPITAL_WORD = /(\p{Lu}[\p{L}'’.-]*)\s$/u;

/** "President Ibrahim Boubacar Keïta", "Modibo Keita airport", "the Timbuktu Institute": a name holding a place. */
function inName(
  rawBefore: string,
  rawAfter: string,
  after: string,
  heading: boolean,
  rules: RoleRules,
): string | null {
  const thing = rules.namedThingAfter.exec(after);
  if (thing && /^\s+(?:International\s+)?\p{Lu}/u.test(rawAfter))
    return `… ${rawAfter.slice(0, thing[0].length).trim()}`;
  const prev = CAPITAL_WORD.exec(rawBefore);
  if (!prev) return null;
  const word = prev[1] ?? '';
  const key = fold(word).replace(/[.'’]+$/, '');
  if (rules.titles.has(key)) return `${word} …`;
  if (heading || rules.placeModifiers.has(key) || !/\p{Ll}/u.test(word)) return null;
  // A capitalised word right before the place that starts no sentence: a given name ("Boubacar Keita").
  const head = rawBefore.slice(0, rawBefore.length - word.length - 1).trimEnd();
  const sentenceStart = head === '' || /[.!?:;"“(—–-]$/u.test(head);
  if (sentenceStart) return null;
  return `${word} …`;
}
