// Mention roles: what a resolved place mention does in its sentence. Only an event place (and a "near X" reference
// within the near threshold) places a claim; a dateline, a reference, an origin, a source or a name that merely
// contains a place name is listed in the report with the cue that decided it.
//
// Rules read a bounded window of text around the mention (at most WINDOW characters each side, on the mention's
// own line), so every regex here runs in time linear in the window, never in the sentence.
import {
  ARRIVED_BEFORE,
  FLIGHT,
  givenName,
  JOURNEY_BEFORE,
  OUTSKIRTS_BEFORE,
  WENT_TO_BEFORE,
} from './role-cues.ts';
import { fold } from './text.ts';

export type MentionRole =
  'event' | 'capital' | 'near' | 'dateline' | 'reference' | 'route' | 'origin' | 'source' | 'inside-name';

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
  /** Compass bearing in degrees of a stated distance ("150 km north of" -> 0), when the text gives one. */
  bearing?: number | null;
  /** "the chief of X": an office's town, an origin only beside another event town (claims/place.ts). */
  office?: boolean;
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
  firstNames: string[];
  placeModifiers: string[];
  namedThings: string[];
  facilityNouns: string[];
  peopleNouns: string[];
  officeNouns: string[];
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
  peopleFromBefore: RegExp;
  officeOfBefore: RegExp;
  /** After "a"/"an" + the mention: "a Foutouri councilman", "a Kidal resident" (lower case: a noun, not a name). */
  attributiveAfter: RegExp;
  speechBefore: RegExp;
  routeFirstBefore: RegExp;
  routeSecondBefore: RegExp;
  routeHyphenAfter: RegExp;
  routeHyphenBefore: RegExp;
  borderBefore: RegExp;
  borderAfter: RegExp;
  namedThingAfter: RegExp;
  facilityAfter: RegExp;
  titles: ReadonlySet<string>;
  firstNames: ReadonlySet<string>;
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
  // "260 km from Burkina Faso's capital, Ouagadougou": the distance is from the capital.
  const capitalOf = `(?:\\p{L}[\\p{L} .'’-]{1,30}['’]s\\s+)?capital(?:\\s+city)?\\s*,?\\s+`;
  return {
    nearKm: lex.nearKm,
    numberWords: new Map([...Object.entries(lex.numberWords), ...lex.vagueNear.map((w) => [w, 3] as const)]),
    units: new Map(Object.entries(lex.distanceUnits)),
    distanceBefore: new RegExp(
      `(?:^|[^\\p{L}\\d])(?:(?:some|about|around|roughly|nearly|almost|over|more than|less than|under|barely|just|only|at least|approximately|an estimated)\\s+)?(${num})\\s*-?\\s*(${unit})\\b\\.?(?:\\s*\\([^)]{0,30}\\))?\\s*(?:(?:to|in)\\s+the\\s+)?(?:(${dir})\\s+|away\\s+|outside\\s+)?(?:of|from)\\s+${the}(?:${kindOf}|${capitalOf})$`,
      'u',
    ),
    datelineAfter: new RegExp(
      `^(?:\\s*,\\s*[^\\n,—–()]{2,40}){0,2}\\s*(?:\\(\\s*(?:${alt(lex.agencies)})(?:\\s*\\/\\s*[a-z ]{1,20})?\\s*\\)\\s*)?(?:—|–|--|-\\s)`,
      'u',
    ),
    destinationBefore: new RegExp(
      // "a convoy traveling from Algeria to Gao": where it was going, its start named on the way (the text is
      // folded: lower case).
      `\\b(?:${alt(lex.destinationVerbs)})(?:\\s+(?:back|away|on|them|him|her|it|out))?(?:\\s+from\\s+(?:the\\s+)?[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+){0,2}?)?\\s+(?:to|towards|toward|into|for|in\\s+the\\s+direction\\s+of)\\s+(?:(?:the|a|an)\\s+)?(?:(?:nearby|neighbouring|neighboring|regional|provincial)\\s+)?(?:(?:capital|town|city|village|camp|hospital|clinic|region)\\s*,?\\s+(?:(?:of|in|at)\\s+)?)?$`,
      'u',
    ),
    // "returning to the village from Bamako", "arrived yesterday from Gao": up to three words between.
    originBefore: new RegExp(
      `\\b(?:${alt(lex.originVerbs)})(?:\\s+[\\p{L}'’]+){0,3}?\\s+from\\s+${the}${kindOf}$`,
      'u',
    ),
    neighbourOriginBefore: new RegExp(`\\b(?:from)\\s+(?:${alt(lex.neighbourWords)})\\s+$`, 'u'),
    baseBefore: new RegExp(`\\b(?:${alt(lex.baseWords)})\\s+(?:in|at|inside)\\s+${the}${kindOf}$`, 'u'),
    basedAfter: /^\s*-\s*based\b/u,
    sourceBefore: new RegExp(
      `\\b(?:${alt(lex.sourceNouns)})\\s+(?:of|in|from|at)\\s+${the}((?:${alt(lex.neighbourWords)})\\s+)?${kindOf}$`,
      'u',
    ),
    officeOfBefore: new RegExp(`\\b(?:${alt(lex.officeNouns)})\\s+of\\s+${the}${kindOf}$`, 'u'),
    attributiveAfter: new RegExp(
      `^\\s+(?:${alt([...lex.officeNouns, ...lex.peopleNouns, ...ATTRIBUTIVE_NOUNS])})\\b`,
      'u',
    ),
    peopleFromBefore: new RegExp(`\\b(?:${alt(lex.peopleNouns)})\\s+from\\s+${the}${kindOf}$`, 'u'),
    speechBefore: new RegExp(`\\b(?:${alt(lex.speechVerbs)})(?:\\s+\\w+){0,2}\\s+(?:in|from|at)\\s+$`, 'u'),
    routeFirstBefore: new RegExp(
      `\\b(?:(?:${alt(lex.routeNouns)})\\s+(?:(?:(?:that|which)\\s+(?:links|connects|runs|leads)|leading|running)\\s+)?(?:${alt(lex.routeLinks)})|between)\\s+${the}${kindOf}$`,
      'u',
    ),
    routeSecondBefore: new RegExp(
      `\\b(?:(?:${alt(lex.routeNouns)})\\s+(?:(?:(?:that|which)\\s+(?:links|connects|runs|leads)|leading|running)\\s+)?(?:${alt(lex.routeLinks)})|between)\\s+(?:[^,;:.()]|\\([^()]{1,40}\\)){2,80}?\\s+(?:to|and|with|&)\\s+${the}${kindOf}$`,
      'u',
    ),
    routeHyphenAfter: new RegExp(
      `^\\s*[-–]\\s*\\p{L}[\\p{L}' -]{1,30}?\\s+(?:${alt(lex.routeNouns)})\\b`,
      'u',
    ),
    routeHyphenBefore: new RegExp(`\\p{L}[\\p{L}'’]*\\s*[-–]\\s*$`, 'u'),
    borderBefore: new RegExp(
      `\\b(?:${alt(lex.borderNouns)})\\s+(?:(?:post|posts|crossing)\\s+)?(?:with|of|between|to|against|near)\\s+${the}(?:[\\p{L}' -]{2,30}\\s+and\\s+)?$|\\bbordering\\s+$`,
      'u',
    ),
    borderAfter: new RegExp(
      `^(?:\\s*['’]s)?(?:\\s*[-–/]\\s*\\p{L}[\\p{L}' ]{1,30}?)?\\s+(?:${alt(lex.borderNouns)})\\b`,
      'u',
    ),
    facilityAfter: new RegExp(`^\\s+(?:${alt(lex.facilityNouns)})\\b`, 'u'),
    namedThingAfter: new RegExp(`^\\s+(?:international\\s+)?(?:${alt(lex.namedThings)})\\b`, 'u'),
    titles: new Set(lex.nameTitles),
    firstNames: new Set(lex.firstNames),
    placeModifiers: new Set(lex.placeModifiers),
  };
}

const CAPITAL_OF_BEFORE = /\bcapital\s+(?:city\s+)?of\s+(?:the\s+)?$/u;
const CAPITAL_AFTER = /^(?:\s*['’]s)?\s+capital\b(?!\s*,)/u;
const DIRECTION_BEFORE =
  /\b(?:just\s+|far\s+|further\s+|deep\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of|from)\s+(?:the\s+)?(?:(?:capital|town|city|village)\s*,?\s+)?$/u;

const AWAY_AFTER =
  /^\s*,?\s*(?:some\s+|about\s+|around\s+|nearly\s+|more than\s+)?(\d[\d,.]*)\s*(km|kms|kilometres|kilometers|miles)\s+(?:away|further|distant)\b/u;
/** "evacuated for treatment in the capital Niamey": where the wounded went. */
const TREATED_BEFORE =
  /\b(?:treatment|treated|hospitali[sz]ed|care)\s+(?:in|at)\s+(?:the\s+)?(?:(?:capital|town|city|hospital)\s*,?\s+(?:of\s+|in\s+)?)?$/u;
/** "a convoy was entering Niger": where it was going, not where it was. ("militants entered Mansila and fired in
 * the air", "fighters have entered Gao": once in, they act there.) */
const ENTERING_BEFORE = /\b(?:entering|crossed into|crossing into|bound for|destined for)\s+(?:the\s+)?$/u;

const SPEECH_AFTER =
  /^[^.;:!?]{0,60}?\b(?:said|says|told|reported|according|confirmed|stated|added|explained|recounted|described)\b/u;

/** Before a source noun: "said Amadou Diallo, a ..." (folded). */
const SPEECH_APPOSITION =
  /\b(?:said|says|told|according\s+to)\b[^.;:!?]{0,60},\s+(?:an?|the)\s+(?:[\p{L}'’-]+\s+){0,2}$/u;
/** "according to a statement from the ministry in X", "according to sources in X" (folded). */
const ACCORDING_BEFORE = /\baccording\s+to\s+(?:[^.;:!?,]{0,50}?\s)?(?:in|from|at)\s+(?:the\s+)?$/u;

/** "Mali's army", "Niger's junta leader" (folded): the state's forces or officials, after its name. */
const OWNER_AFTER =
  /^['’]s\s+(?:(?:armed|security|defence|defense|special)\s+forces|army|military|troops|soldiers|junta|government|authorities|president|prime\s+minister|(?:defence|defense|foreign|interior)\s+minist(?:er|ry)|air\s+force|gendarmerie|police|national\s+guard)\b/u;

const ARTICLE_BEFORE = /\b(?:a|an)\s+$/u;
/** "Kouba residents went to Koubri to protest", "residents of Kouba marched to Koubri": where the people are from,
 * not where they went to do it (folded text). */
const MOVED_TO_AFTER =
  /^\s+(?:went|marched|walked|travell?ed|came|moved|headed)\s+(?:[\p{L}'’]+\s+){0,2}?to\s/u;
const GROUP_AFTER =
  /^\s+(?:residents|villagers|inhabitants|youths|women|farmers|herders|traders|students)(?=\s)/u;
const GROUP_OF_BEFORE = /\b(?:residents|villagers|inhabitants|people)\s+of\s+(?:the\s+)?$/u;
/** People a town's name describes besides its officials and the lexicon's people nouns. */
const ATTRIBUTIVE_NOUNS = [
  'councilman',
  'councilmen',
  'resident',
  'residents',
  'native',
  'merchant',
  'trader',
  'farmer',
  'herder',
  'teacher',
  'man',
  'woman',
  'youth',
  'businessman',
];

// (Each listed target is one to three capitalised words, so the list has one parse: linear in the window.)
const PLAN_BEFORE =
  /\b(?:[Pp]lanned|[Pp]lanning|[Pp]lotted|[Pp]lotting|[Pp]lans|[Pp]lan)\s+to\s+(?:[\p{L}-]+\s+){1,5}?(?:in|on|against)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2}(?:,\s+(?:and\s+)?|\s+and\s+))*$/u;
/** "Riots against attacks on Gaza", "demonstrating against Gaza", "a march in support of Kidal's people": what a
 * protest is about, not where it is (a locative right before the name keeps it: "protest against insecurity in
 * Djibo"). Folded text. */
const TOPIC_LINKS = ['against', 'over', 'about', 'in solidarity with', 'in support of'];
const TOPIC_BEFORE = new RegExp(
  `\\b(?:protest(?:s|ed|ing|ers)?|demonstrat\\w*|rall(?:y|ies|ied)|march(?:es|ed|ing)?|riots?|sit-ins?)\\b[^.;:!?]{0,30}?\\b(?:${TOPIC_LINKS.join('|')})\\s+(?:[\\p{L}'’-]+\\s+){0,3}?$`,
  'u',
);
const LOCATIVE_RIGHT_BEFORE =
  /\b(?:in|at|near|outside|inside|across|around|within|into|from|to)\s+(?:the\s+)?$/u;
const QUOTED_NAME_BEFORE = /\b(?:[Cc]amp|[Bb]ase|[Oo]peration|[Bb]arracks|FOB|[Pp]ost)\s+['‘"“]$/u;
const ROAD_AFTER = /^\s+(?:road|route|axis|highway)\b/u;
/** "on the axis Tongomayel-Barsalogho": a road word before a hyphenated pair (ACLED's and the French press's
 * order); the first end is followed by the hyphen, the second preceded by the first end. */
const ROAD_BEFORE_PAIR_FIRST = /\b(?:axis|axe|road|route|highway)\s+$/u;
const ROAD_BEFORE_PAIR_SECOND = /\b(?:axis|axe|road|route|highway)\s+\p{L}[\p{L}'’]*\s*[-–]\s*$/u;
const HYPHEN_NEXT = /^\s*[-–]\s*\p{Lu}/u;

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
  // The line breaks are looked for inside the window only: searching the whole text from every mention was
  // quadratic on one long line (1 MB of "Gao " did not build in minutes).
  const lo = Math.max(0, m.start - WINDOW);
  const rawBefore = text.slice(lo, m.start).split('\n').pop() as string;
  const rawAfter = text.slice(m.end, Math.min(text.length, m.end + WINDOW)).split('\n')[0] as string;
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
      lead !== '' ||
      /[,(]/.test(dateline?.[0] ?? '') ||
      !/\p{Ll}/u.test(text.slice(m.start, m.end)) ||
      // "Bamako — The final death toll ...": a new sentence starts after the dash.
      /^\s*[—–]\s*\p{Lu}/u.test(rawAfter);
    if (dateline && marked && (lead !== '(' || /^\s*\)/.test(after)))
      return { role: 'dateline', cue: 'dateline', km: null, weak: false };
  }

  // "in the capital of Burkina Faso", "the Malian capital": the country's capital is the event place (not in
  // "260 km from Burkina Faso's capital", a distance from it).
  if ((CAPITAL_OF_BEFORE.test(before) || CAPITAL_AFTER.test(after)) && !rules.distanceBefore.test(before))
    return { role: 'capital', cue: 'the capital', km: null, weak: false };

  // "the capital Niamey, 200 km away": the distance is from the event, so the town is elsewhere.
  const away = AWAY_AFTER.exec(after);
  if (away) {
    const km = distanceKm(away[1] ?? '', away[2] ?? '', rules);
    if (km !== null && km > rules.nearKm) return { role: 'reference', cue: away[0].trim(), km, weak: false };
  }

  const dist = rules.distanceBefore.exec(before);
  if (dist) {
    const km = distanceKm(dist[1] ?? '', dist[2] ?? '', rules);
    const cue = dist[0].trim();
    const rounded = km === null ? null : Math.round(km * 10) / 10;
    if (rounded !== null && rounded <= rules.nearKm) return { role: 'near', cue, km: rounded, weak: false };
    // Beyond the threshold the town is no place for a pin, but it says where to look (place.ts): a weak cue.
    return { role: 'reference', cue, km: rounded, weak: true, bearing: bearingOf(dist[3]) };
  }

  // "north of Kidal" with no distance: near, but a road's ends or a named place say more (a weak cue).
  const direction = DIRECTION_BEFORE.exec(before);
  // "retreated to a camp just north of the capital": where they went, north of the town.
  const went = direction ? WENT_TO_BEFORE.exec(before.slice(0, direction.index)) : null;
  if (direction && went)
    return { role: 'reference', cue: `${went[0].trim()} … ${direction[0].trim()}`, km: null, weak: false };
  if (direction) return { role: 'near', cue: direction[0].trim(), km: null, weak: true };
  const outskirts = OUTSKIRTS_BEFORE.exec(before);
  if (outskirts) return { role: 'near', cue: outskirts[0].trim(), km: null, weak: false };

  if (rules.basedAfter.test(after))
    return { role: 'origin', cue: `${rawAfter.trim().split(/\s/)[0]}`, km: null, weak: false };
  // "one security post at camp 'Kandi'": a camp's or an operation's quoted name (Benin's Kandi is elsewhere).
  const quoted = /^['’"”]/u.test(rawAfter) ? QUOTED_NAME_BEFORE.exec(rawBefore) : null;
  if (quoted) return { role: 'inside-name', cue: `${quoted[0].trim()}…'`, km: null, weak: false };
  const given = givenName(before, rawBefore);
  if (given) return { role: 'inside-name', cue: given, km: null, weak: false };
  const named = inName(rawBefore, rawAfter, after, heading, rules);
  if (named) return { role: 'inside-name', cue: named, km: null, weak: false };

  const borderB = rules.borderBefore.exec(before);
  if (borderB) return { role: 'reference', cue: borderB[0].trim(), km: null, weak: false };
  const borderA = rules.borderAfter.exec(after);
  if (borderA) return { role: 'reference', cue: `… ${borderA[0].trim()}`, km: null, weak: false };

  // "a pro-Gaza rally", "protests against attacks on Gaza": the protest's subject.
  // (The topic pattern is tried only where one of its link words is in the window: most mentions have none.)
  const topic = /\bpro-$/u.test(before)
    ? 'pro-'
    : !TOPIC_LINKS.some((w) => before.includes(w)) || LOCATIVE_RIGHT_BEFORE.test(before)
      ? null
      : TOPIC_BEFORE.exec(before)?.[0];
  if (topic) return { role: 'reference', cue: topic.trim(), km: null, weak: false };
  // "schoolchildren who took to Ndjamena streets": the town whose streets they took to, where the event is.
  const dest = /^\s*streets?\b/u.test(after)
    ? null
    : (rules.destinationBefore.exec(before) ??
      ENTERING_BEFORE.exec(before) ??
      TREATED_BEFORE.exec(before) ??
      JOURNEY_BEFORE.exec(before) ??
      (FLIGHT.test(before) ? ARRIVED_BEFORE.exec(before) : null));
  if (dest) return { role: 'reference', cue: dest[0].trim(), km: null, weak: false };
  // "the cell planned to carry out attacks in Abidjan, Bamako and Ouagadougou": a plan's targets, not where
  // anything happened.
  const plan = PLAN_BEFORE.exec(rawBefore);
  if (plan) return { role: 'reference', cue: plan[0].trim(), km: null, weak: false };
  const origin = rules.originBefore.exec(before) ?? rules.neighbourOriginBefore.exec(before);
  if (origin) return { role: 'origin', cue: origin[0].trim(), km: null, weak: false };
  const base = rules.baseBefore.exec(before);
  if (base) return { role: 'origin', cue: base[0].trim(), km: null, weak: true };
  // "Mali's army said it killed 30 militants in neighbouring Burkina Faso": whose army, not where; the event
  // place only when the sentence names no other.
  const owner = OWNER_AFTER.exec(after);
  if (owner) return { role: 'origin', cue: `… ${owner[0].trim()}`, km: null, weak: true };

  const speech = rules.speechBefore.exec(before);
  if (speech) return { role: 'source', cue: speech[0].trim(), km: null, weak: false };
  const source = rules.sourceBefore.exec(before);
  // "the mayor of the nearby town of X said": the neighbour word makes it certain that X is elsewhere.
  // Without a neighbour word only when the report is attributed: "residents of X said", not "residents in X protested".
  // ("said Amadou Diallo, a resident of Sevare": the speech verb may come first, the source in apposition.)
  if (
    source &&
    (source[1] !== undefined ||
      SPEECH_AFTER.test(after) ||
      SPEECH_APPOSITION.test(before.slice(0, before.length - source[0].length)))
  )
    return { role: 'source', cue: source[0].trim(), km: null, weak: source[1] === undefined };
  // "according to a statement from the ministry in Bamako": where the report comes from. Weak: "according to
  // residents in Gao, gunmen attacked a checkpoint" was in Gao when nothing else is named.
  const according = ACCORDING_BEFORE.exec(before);
  if (according) return { role: 'source', cue: according[0].trim(), km: null, weak: true };
  // "abducted a journalist from Douentza in Mandio", "peacekeepers from Niger were injured ... between Menaka and
  // Ansongo": where a person is from, the event place if nothing else is.
  const people = source && /\bfrom\s/u.test(source[0]) ? source : rules.peopleFromBefore.exec(before);
  if (people) return { role: 'origin', cue: people[0].trim(), km: null, weak: true };
  // "the forest guard chief of Taoudenni ... in the area of Dioura": the office's town is where the person
  // belongs; it gives way to a town the sentence names as the event place (claims/place.ts), and is the event
  // place otherwise.
  // "assassinated a Foutouri councilman in the village of Gayeri": the man's town, as "the chief of X" is.
  if (ARTICLE_BEFORE.test(before) && rules.attributiveAfter.test(rawAfter))
    return {
      role: 'origin',
      cue: `a … ${rawAfter.trim().split(/\s/)[0] ?? ''}`,
      km: null,
      weak: true,
      office: true,
    };
  const office = rules.officeOfBefore.exec(before);
  if (office) return { role: 'origin', cue: office[0].trim(), km: null, weak: true, office: true };
  const group = GROUP_AFTER.exec(after);
  if (group && MOVED_TO_AFTER.test(after.slice(group[0].length)))
    return { role: 'origin', cue: `… ${group[0].trim()}`, km: null, weak: true };
  if (GROUP_OF_BEFORE.test(before) && MOVED_TO_AFTER.test(after))
    return {
      role: 'origin',
      cue: (GROUP_OF_BEFORE.exec(before) as RegExpExecArray)[0].trim(),
      km: null,
      weak: true,
    };

  const route = rules.routeFirstBefore.exec(before) ?? rules.routeSecondBefore.exec(before);
  if (route) return { role: 'route', cue: route[0].trim(), km: null, weak: true };
  // "the Mopti-Gao road": either end of a hyphenated pair followed by a road word.
  const hyphenAfter = rules.routeHyphenAfter.exec(rawAfter);
  if (hyphenAfter) return { role: 'route', cue: `… ${hyphenAfter[0].trim()}`, km: null, weak: true };
  const pairRoad = HYPHEN_NEXT.test(rawAfter)
    ? ROAD_BEFORE_PAIR_FIRST.exec(before)
    : ROAD_BEFORE_PAIR_SECOND.exec(before);
  if (pairRoad) return { role: 'route', cue: `${pairRoad[0].trim()} …`, km: null, weak: true };
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

const BEARINGS: Record<string, number> = {
  north: 0,
  northeast: 45,
  east: 90,
  southeast: 135,
  south: 180,
  southwest: 225,
  west: 270,
  northwest: 315,
  // "7 km SE of Adre" (folded).
  n: 0,
  ne: 45,
  e: 90,
  se: 135,
  s: 180,
  sw: 225,
  w: 270,
  nw: 315,
};

/** "north-east", "northeastern" -> 45; null when no direction is stated. */
function bearingOf(direction: string | undefined): number | null {
  if (!direction) return null;
  const key = direction.replace(/-/g, '').replace(/ern$/, '');
  return BEARINGS[key] ?? null;
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
  // "the Soundjata-Keïta camp": a hyphenated name of a facility.
  const hyphen = /\p{Lu}[\p{L}'’]*-$/u.exec(rawBefore);
  if (hyphen && rules.facilityAfter.test(after)) return `${hyphen[0]}… ${after.trim().split(/\s+/)[0] ?? ''}`;
  const prev = CAPITAL_WORD.exec(rawBefore);
  if (!prev) return null;
  const word = prev[1] ?? '';
  const key = fold(word).replace(/[.'’]+$/, '');
  // ("Ousmane Bla", "Amadou Koufa's deputy": a given name makes the place's word a surname.)
  if (rules.titles.has(key) || rules.firstNames.has(key)) return `${word} …`;
  if (heading || rules.placeModifiers.has(key) || !/\p{Ll}/u.test(word)) return null;
  // A capitalised word right before the place: a given name when a title heads the run of capitalised words
  // ("President Ibrahim Boubacar Keita"), or a facility's name when a facility noun follows ("Modibo Keita
  // airport"); an institution's name ("Regional Hospital Center Dedougou") is neither and stays a place.
  if (rules.facilityAfter.test(after)) return `${word} … ${after.trim().split(/\s+/)[0] ?? ''}`;
  const run = /((?:\p{Lu}[\p{L}'’.-]*\s+){1,4})$/u.exec(rawBefore)?.[1] ?? '';
  const words = run.trim().split(/\s+/);
  if (words.some((w) => rules.titles.has(fold(w).replace(/[.'’]+$/, ''))) && words.length > 1)
    return `${words.join(' ')} …`;
  return null;
}

/**
 * The roles stage: every resolved place mention gets its role. Mutates nothing but `role` on the resolutions of
 * resolved mentions; rejected, ambiguous and unknown mentions keep their own fate.
 */
export function assignRoles(
  text: string,
  sentences: readonly (Span & { index: number; kind?: string })[],
  resolutions: readonly {
    mention: Span & { sentence: number; via?: string };
    status: string;
    placeId?: string | null;
    role?: RoleOf;
  }[],
  rules: RoleRules,
): void {
  for (const r of resolutions) {
    // An ambiguous mention that carries the unit its namesakes share has a role too: it may place its claim there.
    if (r.status !== 'resolved' && !(r.status === 'ambiguous' && r.placeId)) continue;
    const s = sentences[r.mention.sentence];
    if (!s) continue;
    const role = mentionRole(text, s, r.mention, rules);
    // A demonym ("French", "Malian") is context for the claims stage unless it names a capital ("the Malian
    // capital"); a road-end or reference reading of it would only be noise in the report.
    if (r.mention.via === 'demonym' && role.role !== 'capital') continue;
    r.role = role;
  }
}

/** A role in the report's words: "a dateline", "a reference (150 km north of)". */
export function roleWords(r: RoleOf): string {
  const what: Record<MentionRole, string> = {
    event: 'the event place',
    capital: "the country's capital",
    near: 'near the event',
    dateline: 'a dateline',
    reference: 'a reference',
    route: 'a road end',
    origin: 'an origin or base',
    source: 'the source of the report',
    'inside-name': 'inside a name',
  };
  return r.cue && r.role !== 'dateline' ? `${what[r.role]} (${r.cue})` : what[r.role];
}
