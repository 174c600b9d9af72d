// Places of the Sahel gazetteer: GeoNames and Who's On First merged into one CC BY layer, OSM nodes into a
// separate ODbL layer that points at the CC BY record each node is one place with.
import type { GnRow, OsmRow, WofRow } from './sahel-read.ts';
import { distinctNames, gnType, osmType, type AdminRef, type OsmPlace, type SahelPlace } from './sahel-format.ts';
import { MERGE_KM, matchByName, nameKeySet, spacingFreeKey, type Matchable } from './sahel-merge.ts';
import type { Admin2Index } from './sahel-admin.ts';
import type { Zone } from './sahel-zone.ts';
import { compareStrings } from '../../src/common/strings.ts';
import { roundPoint } from './util.ts';
import { sectionAliases } from './sahel-sections.ts';

export interface Parents {
  admin2: Admin2Index;
  admin1At: (country: string, lon: number, lat: number) => AdminRef | null;
  /** GeoNames admin-1 code ("ML.12070577") -> an admin-1 that has no polygon of its own (Ménaka, Taoudénit). */
  polygonlessAdmin1: (gnCode: string) => AdminRef | null;
  /** GeoNames admin-1 code -> the admin-1 of that name: for border villages the polygons put in the next country. */
  admin1ByGnCode: (gnCode: string) => AdminRef | null;
}

export interface PlaceStats {
  gnKept: number;
  wofKept: number;
  wofByGnId: number;
  wofByName: number;
  wofOnly: number;
  osmKept: number;
  osmByName: number;
  osmOnly: number;
  namesakesApart: number;
  /** Sections of a village that took its plain name ("Kabonga 1" -> "Kabonga"; sahel-sections.ts). */
  sectionAliases: number;
  dropped: Record<string, number>;
}

function parentsOf(
  parents: Parents,
  country: string,
  lon: number,
  lat: number,
  gnAdmin1: string | null,
): { admin1: AdminRef | null; admin2: AdminRef | null } {
  const unit = parents.admin2.find(country, lon, lat);
  const admin2 = unit ? { id: unit.place.id, name: unit.place.name } : null;
  const admin1 =
    (gnAdmin1 ? parents.polygonlessAdmin1(gnAdmin1) : null) ??
    unit?.place.admin1 ??
    parents.admin1At(country, lon, lat) ??
    (gnAdmin1 ? parents.admin1ByGnCode(gnAdmin1) : null);
  return { admin1, admin2 };
}

const matchable = (p: SahelPlace): Matchable => ({ id: p.id, country: p.country, keys: p.keys, point: p.point });

export function buildPlaces(
  input: { gn: GnRow[]; wof: WofRow[]; osm: OsmRow[] },
  zone: Zone,
  parents: Parents,
  /** Is this name key an ordinary word ("Commune 1", "Point A" keep their numbers)? */
  isWord: (key: string) => boolean = () => false,
): { places: SahelPlace[]; osm: OsmPlace[]; stats: PlaceStats } {
  const dropped: Record<string, number> = {};
  const drop = (why: string) => (dropped[why] = (dropped[why] ?? 0) + 1);

  // GeoNames: the base layer. Ids are unique across dumps; the first dump listing an id wins.
  const places = new Map<string, SahelPlace>();
  const gnAdmin1 = new Map<string, string>();
  for (const r of input.gn) {
    const id = `gn:${r.geonameid}`;
    if (places.has(id)) continue;
    const type = gnType(r.featureClass, r.featureCode, r.population);
    if (!type) {
      drop(`gn feature ${r.featureClass}.${r.featureCode || '-'}`);
      continue;
    }
    if (!zone.inZone(r.country, r.lon, r.lat)) {
      drop('gn outside zone');
      continue;
    }
    const alt = distinctNames([r.asciiname, ...r.alternates, ...massifNames(r.featureCode, [r.name, ...r.alternates])], [r.name]);
    places.set(id, {
      id,
      ids: [id],
      name: r.name,
      alt,
      keys: nameKeySet([r.name, ...alt]),
      type,
      fcode: r.featureCode,
      population: r.population > 0 ? r.population : null,
      country: r.country,
      admin1: null,
      admin2: null,
      point: roundPoint([r.lon, r.lat]),
    });
    gnAdmin1.set(id, `${r.country}.${r.admin1}`);
  }
  const gnKept = places.size;

  // WOF localities: linked by their GeoNames id when they carry one, else by the name rule.
  let wofByGnId = 0;
  const wofLeft: SahelPlace[] = [];
  const wofSeen = new Set<number>();
  for (const r of input.wof) {
    if (r.placetype !== 'locality' || wofSeen.has(r.id)) continue;
    wofSeen.add(r.id);
    if (r.deprecated) {
      drop('wof deprecated');
      continue;
    }
    // WOF's "ml" repository also holds Malta's localities: the point, not the code, says the country.
    const country = zone.countryOf(r.lon, r.lat);
    if (!country || !zone.inZone(country, r.lon, r.lat)) {
      drop('wof outside zone');
      continue;
    }
    const linked = r.gnId !== null ? places.get(`gn:${r.gnId}`) : undefined;
    const stems = linked ? [r.name, linked.name] : [r.name];
    const names = distinctNames([r.name, ...r.names.filter((n) => stems.some((s) => sameStem(n, s)))]);
    if (linked && linked.country === country) {
      linked.ids.push(`wof:${r.id}`);
      addNames(linked, names);
      if (linked.population === null && r.population > 0) linked.population = r.population;
      wofByGnId++;
      continue;
    }
    const [name, ...alt] = names;
    if (!name) {
      drop('wof no usable name');
      continue;
    }
    wofLeft.push({
      id: `wof:${r.id}`,
      ids: [`wof:${r.id}`],
      name,
      alt,
      keys: nameKeySet(names),
      type: 'village',
      fcode: 'locality',
      population: r.population > 0 ? r.population : null,
      country,
      admin1: null,
      admin2: null,
      point: roundPoint([r.lon, r.lat]),
    });
  }
  const base = [...places.values()];
  const wofMatch = matchByName(base.map(matchable), wofLeft.map(matchable));
  for (const w of wofLeft) {
    const target = wofMatch.pairs.get(w.id);
    const into = target ? places.get(target) : undefined;
    if (into) {
      into.ids.push(...w.ids);
      addNames(into, [w.name, ...w.alt]);
      if (into.population === null) into.population = w.population;
    } else places.set(w.id, w);
  }
  const all = [...places.values()];

  // OSM: separate layer; each node either points at the CC BY record it is one place with, or stands alone.
  const osm: OsmPlace[] = [];
  const osmSeen = new Set<number>();
  for (const r of input.osm) {
    if (osmSeen.has(r.id)) continue; // country extracts overlap at borders
    osmSeen.add(r.id);
    const type = osmType(r.place, r.population);
    if (!type) {
      drop(`osm place=${r.place || '-'}`);
      continue;
    }
    const country = zone.countryOf(r.lon, r.lat);
    if (!country || !zone.inZone(country, r.lon, r.lat)) {
      drop('osm outside zone');
      continue;
    }
    const names = distinctNames([r.name, r.nameEn]);
    const [name, ...alt] = names;
    if (!name) {
      drop('osm no usable name');
      continue;
    }
    osm.push({
      id: `osm:${r.id}`,
      ids: [`osm:${r.id}`],
      name,
      alt,
      keys: nameKeySet(names),
      type,
      fcode: r.place,
      population: r.population > 0 ? r.population : null,
      country,
      admin1: null,
      admin2: null,
      point: roundPoint([r.lon, r.lat]),
      same: null,
    });
  }
  const osmMatch = matchByName(all.map(matchable), osm.map(matchable), MERGE_KM);
  for (const o of osm) o.same = osmMatch.pairs.get(o.id) ?? null;

  for (const p of [...all, ...osm]) {
    const { admin1, admin2 } = parentsOf(parents, p.country, p.point[0], p.point[1], gnAdmin1.get(p.id) ?? null);
    p.admin1 = admin1;
    p.admin2 = admin2;
    p.ids.sort(compareStrings);
  }
  const sections = sectionAliases(all, [...all, ...osm], isWord);
  const byId = new Map(all.map((p) => [p.id, p]));
  for (const { id, plain } of sections) addNames(byId.get(id) as SahelPlace, [plain]);
  all.sort((a, b) => compareStrings(a.id, b.id));
  osm.sort((a, b) => compareStrings(a.id, b.id));
  return {
    places: all,
    osm,
    stats: {
      gnKept,
      wofKept: wofSeen.size - Object.entries(dropped).reduce((n, [k, v]) => (k.startsWith('wof') ? n + v : n), 0),
      wofByGnId,
      wofByName: wofMatch.pairs.size,
      wofOnly: wofLeft.length - wofMatch.pairs.size,
      osmKept: osm.length,
      osmByName: osmMatch.pairs.size,
      osmOnly: osm.length - osmMatch.pairs.size,
      namesakesApart: wofMatch.namesakesApart + osmMatch.namesakesApart,
      sectionAliases: sections.length,
      dropped,
    },
  };
}

/**
 * WOF's French/English names of a village are only spellings of it when they start like its name ("Bani Bangou" /
 * "Banibangou"); otherwise they come from a mislinked Wikidata item (the village "Tin": "Étain").
 */
export function sameStem(a: string, b: string): boolean {
  const x = spacingFreeKey(a);
  const y = spacingFreeKey(b);
  return x.length >= 3 && y.length >= 3 && x.slice(0, 3) === y.slice(0, 3);
}

function addNames(p: SahelPlace, names: string[]): void {
  p.alt = [...p.alt, ...distinctNames(names, [p.name, ...p.alt])];
  p.keys = nameKeySet([p.name, ...p.alt]);
}

/** "Adrar des Ifoghas" is "the Ifoghas mountains" in English copy ("adrar" is Tamasheq for mountain): a massif
 * named "Adrar (des|n) X" is also "X mountains" and "X massif". */
export function massifNames(code: string, names: readonly string[]): string[] {
  if (code !== 'MTS') return [];
  const out: string[] = [];
  for (const n of names) {
    const m = /^Adrar\s+(?:des\s+|du\s+|n\s+|n-)?(\p{Lu}[\p{L}'’-]+)$/u.exec(n);
    if (m) out.push(`${m[1]} mountains`, `${m[1]} massif`);
  }
  return out;
}
