// What the resolver asks of a village before placing it, and how it reports namesakes (resolve.ts).
// With the Sahel layers the gazetteer holds ten times the names, and many village names are words, surnames or
// acronyms (Boni, Kaya, Koro, Say, Man, Keita, Diallo): a village that is only a village (no admin role, no
// population) is placed only with evidence, and a name that is also a word with stronger evidence still.

import { haversineKm } from '../common/geo.ts';
import type { VillageWords } from './context.ts';
import type { GazetteerIndex } from './gazetteer.ts';
import { CITY_POPULATION, isMinorPlace, isOsmTownOnly, isVillageOnly } from './gazetteer-sahel.ts';
import type { GazetteerEntry, Mention } from './types.ts';

/** What the document says that a village's evidence is weighed against. */
export interface VillageContext {
  /** Is this admin unit (id) named in the mention's sentence, by another mention? */
  named: (id: string | null | undefined) => boolean;
  /** Countries the document names or whose places it names. */
  countries: ReadonlySet<string>;
  /** Keys (spacingFreeKey) of names the document uses as one word of a longer capitalised name. */
  fragments: ReadonlySet<string>;
  /** Does the document name countries, none of them a Sahel country (world news)? */
  foreignDoc: boolean;
  /** Is the mention one of a list of places, two of them towns or larger ("Douentza, Koro, Thy, Ségou")? */
  listed?: boolean;
  words: VillageWords;
}

/** What the evidence rules ask of an entry's class: isVillageOnly, isMinorPlace, isOsmTownOnly (the resolver
 * keeps them per candidate list rather than testing the feature code for every mention). */
export interface PlaceClass {
  village: boolean;
  minor: boolean;
  osmTown: boolean;
}

export function placeClass(e: GazetteerEntry): PlaceClass {
  return { village: isVillageOnly(e), minor: isMinorPlace(e), osmTown: isOsmTownOnly(e) };
}

/**
 * Evidence for placing candidate `e` at mention `m` (`key`: spacingFreeKey of its surface). Its admin-1 or admin-2
 * unit named in the sentence ("Boni (Douentza, Mopti)", "near Boni in Douentza cercle") is always enough, and so
 * is a list of places with towns in it ("Douentza, Koro, Thy, Ségou"). Otherwise:
 * - a village (isMinorPlace) is never one word of a longer capitalised name ("Yaya Boni");
 * - a name that is also a word, surname or acronym: a village only as "the village/town of X"; a town below
 *   CITY_POPULATION with a locative word too ("in Say"); a city always ("Kaya");
 * - a village that is only a village: "the village of X", or a locative word or event verb before it ("in X",
 *   "attacked X") unless the document is about other countries only, or the document's country and a
 *   capitalised form;
 * - an admin-2 unit: "X province", a locative word, or the document's country ("Bale" in a football report is
 *   no Burkina province);
 * - any other place: no further evidence.
 */
export function villageEvidence(
  e: GazetteerEntry,
  m: Mention,
  key: string,
  v: VillageContext,
  kind: PlaceClass = placeClass(e),
): boolean {
  const cue = m.cue;
  // One sense per document: "Luis Gomes Sambo" makes every "Sambo" of the document the man.
  const fragment = !!cue?.fragment || v.fragments.has(key);
  // "the Dogon village of Berdossou (Koro, Mopti)": the units are Berdossou's, and a people's name or a word
  // used as one word of something else is no village ("the Koro cercle" is a unit, "the Mali government" a country).
  if (
    fragment &&
    e.kind === 'place' &&
    e.population < CITY_POPULATION &&
    !cue?.admin &&
    !cue?.region &&
    v.words.ambiguous.has(key)
  )
    return false;
  if (v.named(e.admin1) || v.named(e.admin2)) return true;
  // "attacked the Timbuktu Airport": an airport named in full is its own evidence (only then: the airport's alias
  // "Gao" does not compete with the town).
  if (e.featureCode === 'AIRP' && /\bairport$/iu.test(m.surface)) return true;
  const minor = kind.minor;
  // ("Resident Hamidou Saye said": a town by OSM's word alone is no surname either.)
  if ((minor || e.kind === 'admin2' || kind.osmTown) && fragment) return false;
  // Named among towns, a name is a place whatever else the word means.
  if (v.listed) return true;
  if (v.words.ambiguous.has(key)) {
    // "a Holy Man (also called a marabout)": a word that is also a city's name, inside a longer capitalised name and
    // with no locative, is that name's word, whatever the city's size.
    if (fragment && e.kind === 'place' && !cue?.locative && !cue?.admin && !cue?.region) return false;
    if (minor) return !!cue?.introduced;
    if (e.kind === 'admin2') return !!cue?.admin || !!cue?.locative;
    return e.kind !== 'place' || e.population >= CITY_POPULATION || !!cue?.locative;
  }
  const inCountry = !!e.country && v.countries.has(e.country);
  // An admin-2 unit is named as one ("Soum province", "in Soum") or in a document about its country.
  if (e.kind === 'admin2') return !!cue?.admin || !!cue?.locative || inCountry;
  // A village with a population still needs a word of place or its country in world news ("Dole" spinach).
  if (minor && v.foreignDoc && !inCountry && !cue?.locative) return false;
  if (!kind.village) return true;
  if (cue?.introduced || (cue?.locative && (!v.foreignDoc || inCountry))) return true;
  const first = m.surface.charAt(0);
  return inCountry && first !== first.toLowerCase();
}

/** "(Douentza, Mopti, ML)": a place's admin-2, admin-1 and country, for the report. */
export function adminPath(e: GazetteerEntry, g: GazetteerIndex): string {
  const parts: string[] = [];
  for (const id of [e.admin2, e.admin1]) {
    const name = id ? g.get(id)?.name : undefined;
    if (name) parts.push(name);
  }
  if (e.country) parts.push(e.country);
  return `(${parts.join(', ')})`;
}

/** The smallest unit two namesakes both lie in: their admin-2, else admin-1; null when none (a country is too
 * coarse to stand for a village). */
export function sharedRegion(a: GazetteerEntry, b: GazetteerEntry, g: GazetteerIndex): GazetteerEntry | null {
  const unit = (x: string | null | undefined, y: string | null | undefined) =>
    x && x === y ? (g.get(x) ?? null) : null;
  return unit(a.admin2, b.admin2) ?? unit(a.admin1, b.admin1);
}

/** Is town p the seat admin-2 unit u is named for (the same name is the caller's: both are one mention's)? */
export function seatOf(p: GazetteerEntry, u: GazetteerEntry): boolean {
  return (
    p.kind === 'place' &&
    u.kind === 'admin2' &&
    p.admin1 === u.admin1 &&
    (p.admin2 === u.id || (!p.admin2 && haversineKm(p.point, u.point) < 150))
  );
}
