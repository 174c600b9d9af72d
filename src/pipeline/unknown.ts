// Between resolve and claims: names the gazetteer lacks, found from how the text introduces a place, and the
// admin hierarchies news and ACLED notes write in brackets ("Ogossagou (Bankass, Mopti)").
// An unknown village is reported, never silently dropped, and its claim falls back to the nearest unit the text
// names (the first name in its brackets, else another place in the sentence) at geo precision 2.

import { haversineKm } from '../common/geo.ts';
import type { PipelineContext } from './context.ts';
import type { CalendarLists } from './dates.ts';
import type { Spotted } from './mentions.ts';
import type { Mention, Resolution, Sentence, Span } from './types.ts';
import { variantIn } from './variants.ts';
import { adminPath } from './villages.ts';

export interface UnknownPlaces {
  /** All resolutions of the document, in text order: the input ones (a piece of an unknown hyphenated name is
   * rejected, "Tapoa" in "Tapoa-Djerma") and the unknown ones. */
  resolutions: Resolution[];
  /** Unknown names as resolutions with status 'unknown', for the report and the claims stage. */
  unknown: Resolution[];
  /** Bracketed hierarchies: the names inside describe where the head is, they are not event places themselves. */
  context: Span[];
}

// One word: a capital, lower-case letters, hyphen-joined parts ("Tapoa-Djerma"); up to three words, each pair
// maybe joined by a French or Arabic particle ("Boucle du Mouhoun", "Hodh el Gharbi"). Written so a string has
// one parse only (a particle is lower-case, a word capitalised): an ambiguous pattern here backtracked for
// minutes on "Aa-Aa-Aa-...".
const WORD = "[A-Z][\\p{Ll}'’]*(?:-\\p{L}[\\p{Ll}'’]*)*";
const NAME = `${WORD}(?: (?:(?:du|de|des|la|le|el|ech|ash) )?${WORD}){0,2}`;
/** Longer sentences are not searched for hierarchies (no article sentence is this long; scraped debris can be). */
const MAX_SENTENCE = 2000;
// "Ogossagou (Bankass, Mopti)": a capitalised name, then capitalised names separated by commas in brackets.
// (Hashtags as tweets write them: "#Indelimane (#Ansongo)". "the Nampala area (Segou)": a word of area may come
// between.)
const HIERARCHY = new RegExp(
  `#?(${NAME})(?: (?:area|zone|sector))?\\s*\\(#?(${NAME}(?:,\\s*#?${NAME}){0,3})\\)`,
  'gu',
);
/** geodata/lexicon/unknown-places.json */
export interface UnknownPlaceLists {
  /** Nouns that introduce a place name: "the village of X", "a locality called X" (tried in this order). */
  introducers: string[];
  /** Capitalised words that are not names when a pattern catches them ("In Ogossagou"). */
  notNames: string[];
}

/** The finder's words compiled once per context. */
export interface UnknownPlaceWords {
  /** "the village of Ogossagou", "the commune of Boni", "a locality called X". */
  introduced: RegExp;
  /** "stormed the barracks in Nassoungou, a town near the Malian border": a name a noun of the list follows. */
  appositive: RegExp;
  /** The lexicon's not-names plus the capitalised month and weekday names ("Boulkessi Sunday"). */
  notNames: ReadonlySet<string>;
}

export function compileUnknownPlaceWords(
  lists: UnknownPlaceLists,
  calendar: CalendarLists,
): UnknownPlaceWords {
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return {
    introduced: new RegExp(`\\b(?:${lists.introducers.join('|')})(?: of| called| named)\\s+(${NAME})`, 'gu'),
    // (After a locative word only, and with the article: "in Nassoungou, a town", not "Gao, a region".)
    appositive: new RegExp(
      `\\b(?:in|at|near|of)\\s+(${NAME}),\\s+an?\\s+(?:small\\s+|remote\\s+|rural\\s+|border\\s+)?(?:${lists.introducers.join('|')})\\b`,
      'gu',
    ),
    notNames: new Set([
      ...lists.notNames,
      ...calendar.months.map(capital),
      ...calendar.weekdays.map(capital),
    ]),
  };
}

/** Is mention `c` a hyphen-joined piece of the longer name `sp` ("Tapoa" in "Tapoa-Djerma")? */
function isPartOfName(text: string, c: Span, sp: Span): boolean {
  if (c.start < sp.start || c.end > sp.end) return false;
  return text[c.end] === '-' || text[c.start - 1] === '-';
}

/** A name the text gives that no gazetteer entry was spotted for. */
function nameMention(head: Span, surface: string, sentence: number): Mention {
  return { ...head, surface, sentence, candidates: [], via: 'name', rejected: null, standsFor: null };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Find unknown place names and bracketed hierarchies of one document. */
export function findUnknownPlaces(
  text: string,
  sentences: Sentence[],
  resolutions: Resolution[],
  spotted: Pick<Spotted, 'actors' | 'headingsAreText'>,
  ctx: PipelineContext,
): UnknownPlaces {
  const { introduced, appositive, notNames } = ctx.words.unknownPlaces;
  const unknown: Resolution[] = [];
  const context: Span[] = [];
  /** Resolved heads their bracketed admin units contradict, now unknown, with why. */
  const contradictions = new Map<Resolution, string>();
  const covered: Span[] = [...resolutions.map((r) => r.mention), ...spotted.actors];
  // A head is known when one mention covers all of it; "Tapoa" inside "Tapoa-Djerma" leaves the name unknown.
  const isCovered = (sp: Span) =>
    covered.some(
      (c) => overlaps(c, sp) && ((c.start <= sp.start && c.end >= sp.end) || !isPartOfName(text, c, sp)),
    );
  // (A bracketed name between namesakes that share a unit names that unit: "Doma (Madougou, Koro)", two
  // Madougous of Koro cercle.)
  const sharedUnit = (r: Resolution) => {
    const kind = r.status === 'ambiguous' && r.placeId ? ctx.gazetteer.get(r.placeId)?.kind : undefined;
    return kind === 'admin1' || kind === 'admin2';
  };
  const placeIn = (sp: Span, anyAmbiguous = false) =>
    resolutions.filter(
      (r) =>
        (r.status === 'resolved' || sharedUnit(r) || (anyAmbiguous && r.status === 'ambiguous')) &&
        r.mention.start >= sp.start &&
        r.mention.end <= sp.end,
    );

  /** Bracketed names the resolver gave a namesake, now the unit their bracket's other names share. */
  const asCompanions = new Map<Resolution, Resolution>();
  // "Madouba (Madouba, Kossi)": the two Madoubas of Kossi province share it, so "Kossi" is the province, not
  // the Malian village Kossi 140 km away that outscored it.
  const unitOfCompanions = (r: Resolution, inner: Span): Resolution | null => {
    if (r.status !== 'resolved' && !(r.status === 'ambiguous' && !r.placeId)) return null;
    const units = new Set(
      resolutions
        .filter(
          (x) => x !== r && sharedUnit(x) && x.mention.start >= inner.start && x.mention.end <= inner.end,
        )
        .map((x) => x.placeId as string),
    );
    const [unit] = units;
    if (units.size !== 1 || !unit || r.placeId === unit || !r.ranked.some((x) => x.id === unit)) return null;
    const e = ctx.gazetteer.get(unit);
    const fixed: Resolution = {
      ...r,
      placeId: unit,
      status: 'resolved',
      why: `resolved to ${e?.name ?? unit} (${unit}): the unit the other names of its bracket share`,
    };
    asCompanions.set(r, fixed);
    return fixed;
  };

  /** Pieces of a bracketed head of several words that the gazetteer does not know whole, with that head. */
  const parts = new Map<Resolution, string>();
  /** Heads the gazetteer spells otherwise, found inside their bracketed units ("Boulikessi" = Boulkessi). */
  const respelled: Resolution[] = [];
  const respell = (head: Span, surface: string, sentence: number, unit: Resolution): boolean => {
    const u = unit.placeId ? ctx.gazetteer.get(unit.placeId) : undefined;
    const e = u ? variantIn(surface, u, unit.mention.surface, ctx.gazetteer) : null;
    if (!e) return false;
    const mention = nameMention(head, surface, sentence);
    respelled.push({
      mention,
      placeId: e.id,
      status: 'resolved',
      ranked: [{ id: e.id, score: 0 }],
      why: `resolved by spelling: ${surface} is the gazetteer's ${e.name} ${adminPath(e, ctx.gazetteer)}, the one name one letter apart inside its bracketed units (${unit.mention.surface})`,
    });
    covered.push(head);
    return true;
  };

  for (const s of sentences) {
    if (s.kind === 'heading' && !spotted.headingsAreText) continue;
    if (s.text.length > MAX_SENTENCE) continue;
    const add = (found: Span, text: string, why: string, whole = false) => {
      // "In Ogossagou", "Boulkessi Sunday": function words and dates around a name are not part of it.
      const words = text.split(' ');
      let lead = 0;
      while (words.length && notNames.has(words[0] as string)) lead += (words.shift() as string).length + 1;
      while (words.length && notNames.has(words[words.length - 1] as string)) words.pop();
      if (!words.length) return;
      const surface = words.join(' ');
      const head = { start: found.start + lead, end: found.start + lead + surface.length };
      if (!whole && isCovered(head)) return;
      if (unknown.some((u) => u.mention.start === head.start)) return;
      const mention = nameMention(head, surface, s.index);
      unknown.push({ mention, placeId: null, status: 'unknown', ranked: [], why });
      covered.push(head);
    };
    HIERARCHY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (s.text.includes('(') && (m = HIERARCHY.exec(s.text))) {
      const headText = m[1] as string;
      const lead = m[0].startsWith('#') ? 1 : 0;
      const head = { start: s.start + m.index + lead, end: s.start + m.index + lead + headText.length };
      const open = m[0].indexOf('(') + 1;
      const innerStart = s.start + m.index + open + (m[0][open] === '#' ? 1 : 0);
      const inner = { start: innerStart, end: innerStart + (m[2] as string).length };
      const places = placeIn(inner, true)
        .map((r) => unitOfCompanions(r, inner) ?? r)
        .filter((r) => r.status === 'resolved' || sharedUnit(r));
      if (!places.length) continue; // "(AQIM)", "(2012, 2020)": not a place hierarchy
      context.push(inner);
      const firstName = places[0]?.mention.surface ?? '';
      // "Allaye Kokoli (Bandiagara, Mopti)", "Koira Beri (Douentza, Mopti)": a name of several words the gazetteer
      // knows only pieces of is unknown as a whole; a piece is never the place on its own.
      const pieces = piecesOf(head, headText, resolutions, spotted.actors, notNames);
      if (pieces) {
        for (const r of pieces.parts) parts.set(r, pieces.surface);
        if (respell(pieces.head, pieces.surface, s.index, places[0] as Resolution)) continue;
        add(
          pieces.head,
          pieces.surface,
          `unknown: not in the gazetteer (it knows only ${pieces.parts.map((r) => r.mention.surface).join(', ')}, part of the name); located through its bracketed admin units (${firstName} first)`,
          true,
        );
        continue;
      }
      // ("a Tuareg camp in In Komni (Ansongo, Gao)": the Komni the gazetteer knows, in Mopti, is contradicted
      // as the head without its leading function words.)
      const contradicted = contradictedHead(withoutLead(head, headText, notNames), places, resolutions, ctx);
      if (
        !isCovered(head) &&
        !notNames.has(headText) &&
        respell(head, headText, s.index, places[0] as Resolution)
      )
        continue;
      // "Boulikessi (Douentza, Mopti)" whose only entry, Burkina Faso's, the resolver set aside as a namesake
      // of a country the document does not name: the gazetteer may spell the right one otherwise.
      const setAside = resolutions.find(
        (x) =>
          x.status === 'unknown' &&
          x.mention.candidates.length > 0 &&
          x.mention.start <= head.start &&
          x.mention.end >= head.end,
      );
      if (setAside) {
        contradictions.set(setAside, setAside.why);
        if (respell(setAside.mention, setAside.mention.surface, s.index, places[0] as Resolution)) continue;
        unknown.push({
          ...setAside,
          why: `${setAside.why}; located through its bracketed admin units (${firstName} first)`,
        });
        continue;
      }
      if (contradicted) {
        // "Sabaribougou (Niono, Segou)" when the gazetteer's only Sabaribougou is in Kayes: not that one.
        contradictions.set(contradicted.resolution, contradicted.why);
        const r = contradicted.resolution;
        // The gazetteer may spell the right one otherwise: "Boulikessi (Douentza, Mopti)" is Mali's Boulkessi.
        if (respell(r.mention, r.mention.surface, s.index, places[0] as Resolution)) continue;
        unknown.push({
          mention: r.mention,
          placeId: null,
          status: 'unknown',
          ranked: r.ranked,
          why: contradicted.why,
        });
        continue;
      }
      add(
        head,
        headText,
        `unknown: not in the gazetteer; located through its bracketed admin units (${firstName} first)`,
      );
    }
    introduced.lastIndex = 0;
    while ((m = introduced.exec(s.text))) {
      const name = m[1] as string;
      const start = s.start + m.index + m[0].lastIndexOf(name);
      add(
        { start, end: start + name.length },
        name,
        'unknown: introduced as a place but not in the gazetteer',
      );
    }
    appositive.lastIndex = 0;
    while ((m = appositive.exec(s.text))) {
      const name = m[1] as string;
      const start = s.start + m.index + m[0].indexOf(name, m[0].search(/\s/u));
      add(
        { start, end: start + name.length },
        name,
        'unknown: introduced as a place but not in the gazetteer',
      );
    }
  }
  // "an attack in Tene, Segou": a name between namesakes that share a unit, followed by that unit's name, is
  // placed in the unit; the name after the comma is the unit, not its seat town.
  for (const r of resolutions) {
    if (!sharedUnit(r)) continue;
    const after = resolutions.find(
      (y) =>
        y.status === 'resolved' &&
        y.mention.sentence === r.mention.sentence &&
        y.mention.start > r.mention.end &&
        /^,\s*$/u.test(text.slice(r.mention.end, y.mention.start)) &&
        y.ranked.some((x) => x.id === r.placeId),
    );
    if (after) context.push({ start: after.mention.start, end: after.mention.end });
  }
  // "killed by an IED in Toikana, Mopti": a town followed by the name of a unit that holds it (Mopti region) is
  // the town in that unit; the unit's seat (the town of Mopti, 100 km off) is no second event place. Not inside a
  // list of names ("in Bamako, Kati, Koulikoro and Segou"), where a unit's name is the next town.
  // (Looked up by where the next name starts: a scan per place was quadratic in a document's mentions.)
  const resolvedAt = new Map<number, Resolution>();
  for (const x of resolutions) if (x.status === 'resolved') resolvedAt.set(x.mention.start, x);
  for (const r of resolutions) {
    const e = r.status === 'resolved' && r.placeId ? ctx.gazetteer.get(r.placeId) : undefined;
    if (e?.kind !== 'place' || (!e.admin1 && !e.admin2)) continue;
    // ("the Boni area in Mopti": the unit may follow "in", after a word of area.)
    const comma = /^(?: (?:area|zone|sector))?(?:,| in)[ \t]*/u.exec(
      text.slice(r.mention.end, r.mention.end + 16),
    );
    const y = comma ? resolvedAt.get(r.mention.end + comma[0].length) : undefined;
    if (!y || y.mention.sentence !== r.mention.sentence) continue;
    if (/\p{Lu}[\p{L}'’-]*,\s*$/u.test(text.slice(Math.max(0, r.mention.start - 40), r.mention.start)))
      continue;
    const unit = y.ranked.some((c) => c.id === e.admin1 || c.id === e.admin2);
    const listGoesOn = /^\s*(?:,|and|et|or)\s+\p{Lu}/u.test(text.slice(y.mention.end, y.mention.end + 40));
    if (unit && !listGoesOn) context.push({ start: y.mention.start, end: y.mention.end });
  }
  // "the Saba area, near Dialloube", "in Mariko, near Niono": the village is near the town the text names, so
  // the gazetteer's namesake 400 km away is not it. A namesake of its ranked list near that town is; with none,
  // the village is unknown (its claim falls back to near the town).
  const nearFixed = new Map<Resolution, Resolution>();
  for (const r of resolutions) {
    const e = r.status === 'resolved' && r.placeId ? ctx.gazetteer.get(r.placeId) : undefined;
    if (e?.kind !== 'place') continue;
    const near = NEAR_NEXT.exec(text.slice(r.mention.end, r.mention.end + 48));
    const area = near ? null : AREA_NEXT.exec(text.slice(r.mention.end, r.mention.end + 24));
    const link = near ?? area;
    let y = link ? resolvedAt.get(r.mention.end + link[0].length) : undefined;
    // ("in the Bandiagara area": the town's name is followed by the word of area.)
    if (y && area && !AREA_AFTER.test(text.slice(y.mention.end, y.mention.end + 12))) y = undefined;
    const town = y?.placeId ? ctx.gazetteer.get(y.placeId) : undefined;
    if (!y || y.mention.sentence !== r.mention.sentence || town?.kind !== 'place') continue;
    const km = haversineKm(e.point, town.point);
    if (km <= NEAR_CONTRADICTED_KM) continue;
    const other = r.ranked
      .map((x) => ctx.gazetteer.get(x.id))
      .find((x) => x?.kind === 'place' && haversineKm(x.point, town.point) <= NEAR_CONTRADICTED_KM);
    nearFixed.set(
      r,
      other
        ? {
            ...r,
            placeId: other.id,
            why: `resolved to ${other.name} (${other.id}), the namesake near ${town.name}; ${e.name} (${e.id}) is ${Math.round(km)} km from it`,
          }
        : {
            ...r,
            placeId: null,
            status: 'unknown',
            why: `unknown: the gazetteer's ${e.name} (${e.id}) is ${Math.round(km)} km from ${town.name}, which the text says it is near`,
          },
    );
  }
  unknown.sort((a, b) => a.mention.start - b.mention.start);
  const all = resolutions.flatMap((r): Resolution[] => {
    if (contradictions.has(r)) return [];
    const near = nearFixed.get(r);
    if (near) return [near];
    const fixed = asCompanions.get(r);
    if (fixed) return [fixed];
    const whole = parts.get(r);
    if (whole)
      return [
        {
          ...r,
          mention: { ...r.mention, rejected: 'part-of-longer-name' },
          placeId: null,
          status: 'rejected',
          why: `rejected: part of the longer name ${whole}`,
        },
      ];
    // "Bouka" inside "Bouka-Were", which the gazetteer spells Bota-Were: the piece is no place of its own, even
    // tied between its namesakes (their shared region would be a second claim).
    const respelt = respelled.find((u) => isPartOfName(text, r.mention, u.mention));
    const head = respelt ?? unknown.find((u) => isPartOfName(text, r.mention, u.mention));
    if (!head || (r.status !== 'resolved' && !(respelt && r.status === 'ambiguous'))) return [r];
    return [
      {
        ...r,
        mention: { ...r.mention, rejected: 'part-of-longer-name' },
        placeId: null,
        status: 'rejected',
        why: `rejected: part of the longer name ${head.mention.surface}`,
      },
    ];
  });
  all.push(...unknown, ...respelled);
  all.sort((a, b) => a.mention.start - b.mention.start || a.mention.end - b.mention.end);
  return { resolutions: all, unknown, context };
}

/** "Mondoro Commune (Douentza, Mopti)", "Yarou Plateau (Bandiagara, Mopti)": a unit's or a landform's noun after a
 * name says what the named place is, not which. */
const UNIT_NOUN =
  /^(?:Commune|Cercle|Circle|Province|Region|Department|Département|District|Prefecture|Municipality|Plateau|Forest|Valley|Mountains?|Hills?|Camp|Market|Mine|Site|Dam|Lake|River|Reserve|Park|Area|Zone|Axis|Road)$/u;

/**
 * A bracketed head of two or three words that no one mention covers, though mentions cover pieces of it: the
 * head without the function words and dates around it, and the pieces. Words a demonym or an actor covers are
 * not part of the name ("Malian Ogossagou"), and a head one mention covers whole is known ("Tin-Essako").
 */
function piecesOf(
  found: Span,
  text: string,
  resolutions: Resolution[],
  actors: readonly Span[],
  notNames: ReadonlySet<string>,
): { head: Span; surface: string; parts: Resolution[] } | null {
  const words: { start: number; end: number; word: string }[] = [];
  let at = found.start;
  for (const word of text.split(' ')) {
    words.push({ start: at, end: at + word.length, word });
    at += word.length + 1;
  }
  const inside = (sp: Span, w: Span) => sp.start <= w.start && sp.end >= w.end;
  const aside = (w: Span) =>
    actors.some((a) => inside(a, w)) ||
    resolutions.some((r) => r.mention.via === 'demonym' && inside(r.mention, w));
  while (words.length && (notNames.has((words[0] as { word: string }).word) || aside(words[0] as Span)))
    words.shift();
  while (words.length) {
    const w = (words[words.length - 1] as { word: string }).word;
    if (!notNames.has(w) && !UNIT_NOUN.test(w)) break;
    words.pop();
  }
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last || words.length < 2) return null;
  const head = { start: first.start, end: last.end };
  const within = resolutions.filter((r) => r.mention.via !== 'demonym' && inside(head, r.mention));
  if (!within.length || resolutions.some((r) => inside(r.mention, head))) return null;
  return { head, surface: text.slice(first.start - found.start, last.end - found.start), parts: within };
}

/** A head this far from every unit of its bracketed hierarchy is another place of the name. */
const CONTRADICTED_KM = 200;
/** "X, near Y": how far from Y the gazetteer's X may lie ("Aguelhok near Kidal" is 150 km in the north). */
const NEAR_CONTRADICTED_KM = 200;
/** From the end of a village's name to the town it is said to be near ("Kiba (coded as Aribinda at geoprecision
 * 2)": ACLED's notes code a village at the town near it). */
const NEAR_NEXT =
  /^(?:(?:\s+(?:area|zone|sector|locality))?\s*,?\s+(?:near|not\s+far\s+from|close\s+to|in\s+the\s+(?:area|vicinity|surroundings)\s+of)\s+(?:the\s+(?:town|village|city|locality|commune)\s+of\s+)?|\s*\([Cc]oded\s+as\s+)/u;
/** "Kokourou in the Bandiagara area": the village is in the area of the town named next (AREA_AFTER follows it). */
const AREA_NEXT = /^(?:\s+(?:village|hamlet|locality))?\s*,?\s+in\s+the\s+(?=\p{Lu})/u;
const AREA_AFTER = /^\s+(?:area|zone|sector|vicinity|surroundings)\b/u;

/**
 * A resolved head whose bracketed units all lie in one admin-1 its entry is not in: "Sabaribougou (Niono, Segou)"
 * when the only Sabaribougou the gazetteer has is a Kayes village. The text is the better witness, so the
 * head is an unknown village located through its units (resolve already prefers a namesake inside them).
 */
/** A head without the function words before its name ("In Ogossagou" -> "Ogossagou"). */
function withoutLead(head: Span, headText: string, notNames: ReadonlySet<string>): Span {
  const words = headText.split(' ');
  let lead = 0;
  while (words.length > 1 && notNames.has(words[0] as string)) lead += (words.shift() as string).length + 1;
  return { start: head.start + lead, end: head.end };
}

function contradictedHead(
  head: Span,
  inner: Resolution[],
  resolutions: Resolution[],
  ctx: PipelineContext,
): { resolution: Resolution; why: string } | null {
  const r = resolutions.find(
    (x) => x.status === 'resolved' && x.placeId && x.mention.start <= head.start && x.mention.end >= head.end,
  );
  const e = r?.placeId ? ctx.gazetteer.get(r.placeId) : undefined;
  if (!r || !e || e.kind !== 'place' || !e.admin1) return null;
  // The bracket's first unit is the cercle or province (a town stands for its own): "Ersam (Ansongo, Gao)" is
  // not the Ersan of Bourem cercle, 290 km from Ansongo, though both are in the Gao region (whose seat, the
  // second unit, is 170 km from it).
  const first = inner[0]?.placeId ? ctx.gazetteer.get(inner[0].placeId) : undefined;
  const cercle = first?.kind === 'admin2' ? first.id : first?.kind === 'place' ? first.admin2 : undefined;
  // (With a second unit only: "Yanfolila (Sikasso)" names its region, whose seat is 250 km away.)
  if (
    inner.length > 1 &&
    first &&
    cercle &&
    e.admin2 &&
    cercle !== e.admin2 &&
    first.admin1 === e.admin1 &&
    haversineKm(first.point, e.point) > CONTRADICTED_KM
  ) {
    const name = ctx.gazetteer.get(cercle)?.name ?? cercle;
    const theirs = ctx.gazetteer.get(e.admin2)?.name ?? e.admin2;
    return {
      resolution: r,
      why: `unknown: the gazetteer's ${e.name} (${e.id}) is in ${theirs}, over ${CONTRADICTED_KM} km from ${first.name}, its bracketed unit in ${name}; located through it`,
    };
  }
  const regions = new Set<string>();
  for (const x of inner) {
    const u = x.placeId ? ctx.gazetteer.get(x.placeId) : undefined;
    const a1 = u?.kind === 'admin1' ? u.id : u?.admin1;
    // (Regions were split since many reports were written: "I-n-Deliman (Ansongo, Gao)" is now in Ménaka,
    // 100 km from Ansongo. Only a head far from every unit named is contradicted.)
    // A unit of another country always contradicts: "Madouba (Madouba, Kossi)" is not the Malian Madouba 141 km
    // away across the border.
    if (!a1 || !u || (u.country === e.country && haversineKm(u.point, e.point) <= CONTRADICTED_KM))
      return null;
    regions.add(a1);
  }
  const [unit] = regions;
  if (regions.size !== 1 || !unit || unit === e.admin1) return null;
  const name = ctx.gazetteer.get(unit)?.name ?? unit;
  const theirs = ctx.gazetteer.get(e.admin1)?.name ?? e.admin1;
  return {
    resolution: r,
    why: `unknown: the gazetteer's ${e.name} (${e.id}) is in ${theirs}, but its bracketed admin units are in ${name}; located through them`,
  };
}
