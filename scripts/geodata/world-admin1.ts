// Point-only admin-1 entries for the countries outside the focus set (California, Alberta, Bavaria,
// Punjab ...), from Natural Earth 10m admin-1. No polygon is drawn for them: `regionId` is null and
// regions.geojson is unchanged. Names that would be noise on their own are left out (see `noiseReason`).
import nlp from 'compromise';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import type { NeAdmin1Feature, NeAdmin1Props } from './sources.ts';
import { compareStrings } from '../../src/common/strings.ts';
import { fold, gnsForm, roundPoint, splitAlt, uniqueNames } from './util.ts';

const ISO_RE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/**
 * compromise's lexicon tags that mark a proper name; a name whose folded form the lexicon knows only
 * under other tags (Adjective, Singular, Infinitive, Preposition ...) is an ordinary English word.
 */
const PROPER_TAGS = new Set([
  'Place',
  'Region',
  'Country',
  'City',
  'ProperNoun',
  'Person',
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Organization',
  'SportsTeam',
  'Company',
]);

/** Plain English words that compromise's lexicon lacks and that name a world admin-1 ("Lakes", South Sudan). */
const EXTRA_COMMON_WORDS = ['Lakes', 'Federal', 'Region', 'Mountain', 'Cascade', 'Apes', 'Ogre', 'Grand'];

/**
 * Names that collide with an acronym of the Sahel corpus: FARS (Forces armées révolutionnaires du Sahara,
 * a Niger rebel group) is spotted as Iran's Fars province.
 */
const SAHEL_ACRONYMS = ['Fars'];

/** Aliases that are Natural Earth artefacts: lost characters ("Tegr?"), codes ("GAZ-00 (...)"). */
const GARBLED = /[?\d()]/;

let lexicon: Record<string, string | string[]> | null = null;
function commonWord(folded: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const tags = lexicon[folded];
  if (tags === undefined) return false;
  return ![tags].flat().some((t) => PROPER_TAGS.has(t));
}

export interface WorldAdmin1Options {
  /** Countries whose admin-1 units are built with polygons elsewhere (buildAdmin1); skipped here. */
  focus: Set<string>;
  /** Every entry built so far (countries, focus admin-1/2, places, vernacular, with aliases.json applied). */
  entries: GazetteerEntry[];
  /** geodata/lexicon/non-locations.json "notAlone": compass points and common words. */
  notAlone: string[];
}

export interface WorldAdmin1Result {
  entries: GazetteerEntry[];
  /** Units left out, by reason, as "CC name" strings (for the log). */
  skipped: Map<string, string[]>;
  /** Aliases dropped for noise (alias strings). */
  droppedAliases: number;
}



const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;

export function buildWorldAdmin1(features: NeAdmin1Feature[], opts: WorldAdmin1Options): WorldAdmin1Result {
  const notAlone = new Set(opts.notAlone.map(fold));
  const countryIds = new Set(opts.entries.filter((e) => e.kind === 'country').map((e) => e.country));
  // Names already taken by an entry that must keep winning: any country name or alias, and any name of a
  // focus-country entry (so a world admin-1 never competes with a Sahel town or region).
  const reserved = new Set<string>();
  // Names of the places of each non-focus country: the admin-1 named after its own capital city
  // (Paris, Madrid, Lima ...) is left to the city, which the resolver would pick anyway.
  const placeNames = new Set<string>();
  for (const e of opts.entries) {
    const names = [e.name, ...e.aliases].map(fold);
    if (e.kind === 'country' || (e.country && opts.focus.has(e.country))) for (const n of names) reserved.add(n);
    if (e.kind === 'place' && e.country) for (const n of names) placeNames.add(`${e.country}\u0000${n}`);
  }

  const world = features
    .filter((f) => !opts.focus.has(f.properties.iso_a2))
    .map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.name ?? '' } }))
    .sort(
      (a, b) =>
        compareStrings(a.properties.iso_3166_2, b.properties.iso_3166_2) ||
        compareStrings(a.properties.adm1_code ?? '', b.properties.adm1_code ?? ''),
    );
  const count = (key: (p: NeAdmin1Props) => string) => {
    const m = new Map<string, number>();
    for (const f of world) m.set(key(f.properties), (m.get(key(f.properties)) ?? 0) + 1);
    return m;
  };
  const isoCount = count((p) => p.iso_3166_2);
  const regionCodeCount = count((p) => p.region_code);
  const unitNames = new Map<string, Set<string>>();
  for (const f of world) {
    const set = unitNames.get(f.properties.iso_a2) ?? new Set<string>();
    set.add(fold(f.properties.name));
    unitNames.set(f.properties.iso_a2, set);
  }

  const skipped = new Map<string, string[]>();
  const skip = (reason: string, p: NeAdmin1Props) =>
    skipped.set(reason, [...(skipped.get(reason) ?? []), `${p.iso_a2} ${p.name}`]);
  /** Why a name is noise on its own, or null. */
  const noiseReason = (name: string, cc: string): string | null => {
    const k = fold(name);
    if (letters(name) < 4) return 'shorter than 4 letters';
    if (notAlone.has(k)) return 'notAlone word';
    if (SAHEL_ACRONYMS.some((w) => fold(w) === k)) return 'Sahel acronym';
    if (commonWord(k) || EXTRA_COMMON_WORDS.some((w) => fold(w) === k)) return 'common English word';
    if (reserved.has(k)) return 'country name or focus-country name';
    if (placeNames.has(`${cc}\u0000${k}`)) return 'name of a place of the same country';
    return null;
  };

  type Draft = { p: NeAdmin1Props; iso: string; aliases: string[] };
  const drafts: Draft[] = [];
  const taken = new Set<string>();
  for (const f of world) {
    const p = f.properties;
    // ISO 3166-2 code when Natural Earth gives a well-formed one no other unit shares; else its
    // HASC-like region_code under the same conditions (Madagascar's 22 regions share 6 old province codes).
    const iso =
      ISO_RE.test(p.iso_3166_2) && isoCount.get(p.iso_3166_2) === 1
        ? p.iso_3166_2
        : ISO_RE.test(p.region_code) && regionCodeCount.get(p.region_code) === 1
          ? p.region_code
          : null;
    if (!p.name) {
      skip('no name', p);
      continue;
    }
    if (!iso || taken.has(iso) || !p.iso_3166_2.startsWith(`${p.iso_a2}-`) || !iso.startsWith(`${p.iso_a2}-`)) {
      skip('no unique ISO 3166-2 code', p);
      continue;
    }
    if (!countryIds.has(p.iso_a2)) {
      skip('country not in the gazetteer', p);
      continue;
    }
    const why = noiseReason(p.name, p.iso_a2);
    if (why) {
      skip(why, p);
      continue;
    }
    taken.add(iso);
    const others = unitNames.get(p.iso_a2) ?? new Set<string>();
    // No name_en / name_fr aliases (unlike the focus admin-1): those exonyms are where world units meet
    // Sahel village names the gazetteer lacks ("Guilan" for Iran's Gilan, "Beni" for Bolivia's El Beni),
    // and a lone far-away candidate then displaces the right answer. English forms that matter are in
    // name_alt too (Bavaria). woe_name is stale for split units (it names a neighbour) or names the larger region (Piedmont for
    // each Piedmontese province): keep it only when it is no other unit's name.
    const woe = p.woe_name && !others.has(fold(p.woe_name)) ? p.woe_name : null;
    const aliases = uniqueNames(
      [...splitAlt(p.name_alt), woe, gnsForm(p.gns_name), p.gn_name],
      [p.name],
    );
    drafts.push({ p, iso, aliases });
  }

  // An alias shared by two units of one country names neither (Burgundy on four French departments).
  const aliasCount = new Map<string, number>();
  for (const d of drafts) {
    for (const a of new Set([d.p.name, ...d.aliases].map(fold))) {
      const k = `${d.p.iso_a2}\u0000${a}`;
      aliasCount.set(k, (aliasCount.get(k) ?? 0) + 1);
    }
  }
  let droppedAliases = 0;
  const entries: GazetteerEntry[] = drafts.map(({ p, iso, aliases }) => {
    const kept = aliases.filter(
      (a) =>
        !GARBLED.test(a) && noiseReason(a, p.iso_a2) === null && aliasCount.get(`${p.iso_a2}\u0000${fold(a)}`) === 1,
    );
    droppedAliases += aliases.length - kept.length;
    return {
      id: `admin1:${iso}`,
      name: p.name,
      kind: 'admin1',
      country: p.iso_a2,
      admin1: null,
      point: roundPoint([p.longitude, p.latitude]),
      population: 0,
      featureCode: 'ADM1',
      aliases: kept,
      regionId: null,
    };
  });
  entries.sort((a, b) => compareStrings(a.id, b.id));
  return { entries, skipped, droppedAliases };
}
