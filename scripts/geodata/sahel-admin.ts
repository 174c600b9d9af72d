// Admin-2 units (Mali cercles, Burkina provinces, Niger départements, Chad départements, Mauritania moughataas)
// from WOF county polygons, OCHA p-codes and GeoNames admin-2 codes, and the admin-1 / admin-2 parents of a point.
import type { Feature } from 'geojson';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import { PolygonIndex, labelPoint, type Poly } from './geometry.ts';
import type { GnAdminCode, GnRow, PcodeRow, WofRow } from './sahel-read.ts';
import { distinctNames, type AdminRef, type SahelPlace } from './sahel-format.ts';
import { nameKeySet, spacingFreeKey } from './sahel-merge.ts';
import { compareStrings } from '../../src/common/strings.ts';
import { roundPoint } from './util.ts';

const ISO3: Record<string, string> = { MLI: 'ML', BFA: 'BF', NER: 'NE', TCD: 'TD', MRT: 'MR' };

/** WOF's Niger counties are the 36 departments before the 2011 reform (67 since): kept, as historical units. */
const PRE_REFORM = new Set(['NE']);

export interface WofPolygonProps {
  wof_id: number;
  placetype: string;
  name: string;
  name_fra?: string | null;
  hasc?: string | null;
  region_id?: number | null;
}

export interface Admin2Unit {
  place: SahelPlace;
  /** Full-resolution polygon, or null for units known only by p-code and seat. */
  geometry: Poly | null;
}

/** "Province du Soum", "Douentza Cercle", "Département de Say", "Ville de Niamey" -> the bare name. */
export function bareAdminName(s: string): string {
  return s
    .replace(/^(province|cercle|d[ée]partement|department|moughataa|ville)\s+(de\s+la|des|du|de|d['’])?\s*/i, '')
    .replace(/\s+(province|cercle|d[ée]partement|department|moughataa)$/i, '')
    .trim();
}

/** Keys at most one edit apart (two for keys of 8 letters or more); both at least 5 letters long. */
export function closeKeys(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5) return false;
  const max = Math.min(a.length, b.length) >= 8 ? 2 : 1;
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return (prev[b.length] as number) <= max;
}

/** Admin-1 entries of geodata/gazetteer.json found by any of their names, within one country. */
export class Admin1Names {
  private byKey = new Map<string, GazetteerEntry>();
  constructor(entries: GazetteerEntry[]) {
    for (const e of [...entries].sort((a, b) => compareStrings(a.id, b.id))) {
      if (e.kind !== 'admin1' || !e.country) continue;
      for (const n of [e.name, ...e.aliases]) {
        const k = `${e.country}\u0000${spacingFreeKey(n.replace(/\s+region$/i, ''))}`;
        if (!this.byKey.has(k)) this.byKey.set(k, e);
      }
    }
  }
  find(country: string, name: string): GazetteerEntry | null {
    return this.byKey.get(`${country}\u0000${spacingFreeKey(name.replace(/^r[ée]gion\s+(de|du)\s+/i, ''))}`) ?? null;
  }
  ref(country: string, name: string): AdminRef | null {
    const e = this.find(country, name);
    return e ? { id: e.id, name: e.name } : null;
  }
}

export interface AdminInputs {
  wof: WofRow[];
  wofPolygons: Feature<Poly, WofPolygonProps>[];
  pcodes: PcodeRow[];
  gnAdmin2: GnAdminCode[];
  gnRows: GnRow[];
  admin1: Admin1Names;
  /** Admin-1 of a point by polygon (regions.geojson), for units no table places. */
  admin1At: (country: string, lon: number, lat: number) => AdminRef | null;
  /** The main gazetteer's admin2 entries (Natural Earth's BF provinces), linked by name. */
  existingAdmin2: GazetteerEntry[];
}

function byKey<T>(items: T[], keysOf: (t: T) => string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) for (const k of keysOf(t)) m.set(k, [...(m.get(k) ?? []), t]);
  return m;
}

export function buildAdmin2(inp: AdminInputs): { units: Admin2Unit[]; warnings: string[] } {
  const warnings: string[] = [];
  const tsvById = new Map(inp.wof.map((r) => [r.id, r]));
  const ochaAdmin1 = new Map<string, AdminRef | null>();
  for (const p of inp.pcodes)
    if (p.level === 1 && ISO3[p.iso3]) ochaAdmin1.set(p.pcode, inp.admin1.ref(ISO3[p.iso3] as string, p.name));
  const ocha2 = inp.pcodes.filter((p) => p.level === 2 && ISO3[p.iso3]);
  const ochaByKey = byKey(ocha2, (p) => [`${ISO3[p.iso3]}\u0000${spacingFreeKey(p.name)}`]);
  const gnCountry = (code: string) => code.slice(0, 2);
  const gnByKey = byKey(inp.gnAdmin2, (c) => [`${gnCountry(c.code)}\u0000${spacingFreeKey(bareAdminName(c.name))}`]);
  const oldByKey = byKey(inp.existingAdmin2, (e) =>
    [e.name, ...e.aliases].map((n) => `${e.country}\u0000${spacingFreeKey(bareAdminName(n))}`),
  );
  const gnById = new Map(inp.gnRows.map((r) => [r.geonameid, r]));
  const usedPcodes = new Set<string>();
  const units: Admin2Unit[] = [];

  const wofRegion = (id: number | null | undefined, country: string): AdminRef | null => {
    const r = id ? tsvById.get(id) : undefined;
    if (!r) return null;
    for (const n of [r.name, ...r.names]) {
      const ref = inp.admin1.ref(country, n);
      if (ref) return ref;
    }
    return null;
  };

  const polys = [...inp.wofPolygons]
    .filter((f) => f.properties.placetype === 'county')
    .sort((a, b) => a.properties.wof_id - b.properties.wof_id);
  const countryOf = (f: (typeof polys)[number]) =>
    (f.properties.hasc ?? tsvById.get(f.properties.wof_id)?.hasc ?? '').slice(0, 2) ||
    tsvById.get(f.properties.wof_id)?.country ||
    '';
  const keysOf = (f: (typeof polys)[number]) => {
    const row = tsvById.get(f.properties.wof_id);
    return nameKeySet([f.properties.name, f.properties.name_fra ?? '', ...(row?.names ?? [])].map(bareAdminName));
  };
  // P-code of each WOF county: same key in the same country; then, for the rest, one edit away (OCHA and WOF
  // spell a few provinces differently: Kourittenga / Kouritenga, Komandjari / Komandjoari).
  const pcodeOf = new Map<number, PcodeRow>();
  for (const f of polys) {
    const country = countryOf(f);
    if (PRE_REFORM.has(country)) continue;
    const hits = keysOf(f).flatMap((k) => ochaByKey.get(`${country}\u0000${k}`) ?? []);
    const pc = [...new Set(hits)].sort((a, b) => compareStrings(a.pcode, b.pcode))[0];
    if (pc && !usedPcodes.has(pc.pcode)) {
      pcodeOf.set(f.properties.wof_id, pc);
      usedPcodes.add(pc.pcode);
    }
  }
  for (const f of polys) {
    const country = countryOf(f);
    if (PRE_REFORM.has(country) || pcodeOf.has(f.properties.wof_id)) continue;
    const near = ocha2.filter(
      (p) =>
        ISO3[p.iso3] === country &&
        !usedPcodes.has(p.pcode) &&
        keysOf(f).some((k) => closeKeys(k, spacingFreeKey(p.name))),
    );
    if (near.length === 1 && near[0]) {
      pcodeOf.set(f.properties.wof_id, near[0]);
      usedPcodes.add(near[0].pcode);
    }
  }
  for (const f of polys) {
    const p = f.properties;
    const row = tsvById.get(p.wof_id);
    const country = countryOf(f);
    const keys = keysOf(f);
    const preReform = PRE_REFORM.has(country);
    const ids = [`wof:${p.wof_id}`];
    const point = labelPoint(f.geometry);
    const pcode = pcodeOf.get(p.wof_id) ?? null;
    let admin1: AdminRef | null = null;
    if (pcode) {
      ids.push(`pcode:${pcode.pcode}`);
      admin1 = ochaAdmin1.get(pcode.parent) ?? null;
    }
    admin1 ??= wofRegion(p.region_id, country) ?? inp.admin1At(country, point[0], point[1]);
    const gnKeys = pcode ? [...keys, spacingFreeKey(pcode.name)] : keys;
    const gn = [...new Set(gnKeys.flatMap((k) => gnByKey.get(`${country}\u0000${k}`) ?? []))];
    for (const c of gn) ids.push(`gn:${c.geonameid}`);
    if (!preReform) for (const e of keys.flatMap((k) => oldByKey.get(`${country}\u0000${k}`) ?? [])) ids.push(e.id);
    const name = p.name_fra || p.name;
    const alt = distinctNames([p.name, ...(row?.names ?? []), pcode?.name ?? '', ...gn.map((c) => c.name)], [name]);
    units.push({
      place: {
        id: pcode ? `admin2:${pcode.pcode}` : `admin2:wof-${p.wof_id}`,
        ids: [...new Set(ids)].sort(compareStrings),
        name,
        alt,
        keys: nameKeySet([name, ...alt].map(bareAdminName)),
        type: 'admin2',
        fcode: preReform ? 'ADM2H' : 'ADM2',
        population: null,
        country,
        admin1,
        admin2: null,
        point,
      },
      geometry: f.geometry,
    });
  }

  // OCHA units no WOF polygon draws (Niger's post-2011 departments, Ménaka's new cercles): a point, from the
  // GeoNames ADM2 feature when the dump has it, else from the seat town of the same name.
  const seats = byKey(
    inp.gnRows.filter((r) => r.featureClass === 'P'),
    (r) => nameKeySet([r.name, r.asciiname]).map((k) => `${r.country}\u0000${k}`),
  );
  const seatRank = (r: GnRow) => (/^PPLA\d?$|^PPLC$/.test(r.featureCode) ? 0 : 1);
  for (const p of ocha2.filter((x) => !usedPcodes.has(x.pcode)).sort((a, b) => compareStrings(a.pcode, b.pcode))) {
    const country = ISO3[p.iso3] as string;
    const bare = bareAdminName(p.name);
    const key = `${country}\u0000${spacingFreeKey(bare)}`;
    const gn = gnByKey.get(key) ?? [];
    const feature = gn.map((c) => gnById.get(c.geonameid)).find((r) => r !== undefined);
    const parent = ochaAdmin1.get(p.parent) ?? null;
    // A seat in the unit's own admin-1 first: Niger has a Bosso village in Tillabéri, 1,000 km from Bosso
    // department. (Ménaka's new cercles lie in no admin-1 polygon of theirs: any town of the name then.)
    const named = seats.get(key) ?? [];
    const inParent = named.filter((r) => !parent || inp.admin1At(country, r.lon, r.lat)?.id === parent.id);
    // No town of exactly that name: one of the admin-1's towns one edit away (Dungass / Dungas, Ayerou / Ayorou).
    const near = inParent.length
      ? inParent
      : inp.gnRows.filter(
          (r) =>
            r.featureClass === 'P' &&
            r.country === country &&
            nameKeySet([r.name, r.asciiname, ...r.alternates]).some((k) => closeKeys(k, spacingFreeKey(bare))) &&
            (!parent || inp.admin1At(country, r.lon, r.lat)?.id === parent.id),
        );
    const fuzzy = near.length ? near : named;
    const seat = [...fuzzy].sort(
      (a, b) => seatRank(a) - seatRank(b) || b.population - a.population || a.geonameid - b.geonameid,
    )[0];
    const at = feature ?? seat;
    if (!at) {
      warnings.push(`admin-2 ${p.pcode} ${p.name}: no polygon, no GeoNames feature or seat town; left out`);
      continue;
    }
    const name = p.name;
    const alt = distinctNames([bare, ...gn.map((c) => c.name)], [name]);
    units.push({
      place: {
        id: `admin2:${p.pcode}`,
        ids: [`pcode:${p.pcode}`, ...gn.map((c) => `gn:${c.geonameid}`)].sort(compareStrings),
        name,
        alt,
        keys: nameKeySet([name, ...alt].map(bareAdminName)),
        type: 'admin2',
        fcode: 'ADM2',
        population: null,
        country,
        admin1: parent ?? inp.admin1At(country, at.lon, at.lat),
        admin2: null,
        point: roundPoint([at.lon, at.lat]),
      },
      geometry: null,
    });
  }
  units.sort((a, b) => compareStrings(a.place.id, b.place.id));
  return { units, warnings };
}

/** Admin-2 unit of a point: the WOF polygon holding it (or within 5 km of it), same country only. */
export class Admin2Index {
  private index: PolygonIndex<{ id: string; country: string }>;
  private byId: Map<string, Admin2Unit>;
  private countries: Set<string>;
  constructor(units: Admin2Unit[]) {
    const drawn = units.filter((u): u is Admin2Unit & { geometry: Poly } => u.geometry !== null);
    this.countries = new Set(drawn.map((u) => u.place.country));
    this.byId = new Map(drawn.map((u) => [u.place.id, u]));
    this.index = new PolygonIndex(
      drawn.map((u) => ({
        type: 'Feature' as const,
        properties: { id: u.place.id, country: u.place.country },
        geometry: u.geometry,
      })),
    );
  }
  find(country: string, lon: number, lat: number): Admin2Unit | null {
    // Countries without admin-2 polygons (CI, SN, NG ...) would only pay for the slow nearest-polygon fallback.
    if (!this.countries.has(country)) return null;
    const f = this.index.find(lon, lat, 5);
    if (!f || f.properties.country !== country) return null;
    return this.byId.get(f.properties.id) ?? null;
  }
}
