// Parsers for the raw village-level sources (GeoNames dumps, Who's On First TSV, OSM place TSV, OCHA p-codes).
// Pure: text in, records out. The CLI reads the files; the tests feed small fixtures in the same formats.

/** One row of a GeoNames country dump (the standard 19 tab-separated columns). */
export interface GnRow {
  geonameid: number;
  name: string;
  asciiname: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureClass: string;
  featureCode: string;
  country: string;
  admin1: string;
  admin2: string;
  population: number;
}

export function parseGeonames(text: string): GnRow[] {
  const out: GnRow[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const c = line.split('\t');
    if (c.length < 15) continue;
    const lat = Number(c[4]);
    const lon = Number(c[5]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    out.push({
      geonameid: Number(c[0]),
      name: c[1] ?? '',
      asciiname: c[2] ?? '',
      alternates: c[3] ? c[3].split(',') : [],
      lat,
      lon,
      featureClass: c[6] ?? '',
      featureCode: c[7] ?? '',
      country: c[8] ?? '',
      admin1: c[10] ?? '',
      admin2: c[11] ?? '',
      population: Number(c[14]) || 0,
    });
  }
  return out;
}

/** GeoNames admin1CodesASCII.txt / admin2Codes.txt: code ("ML.04", "BF.12.40") -> name and geonameid. */
export interface GnAdminCode {
  code: string;
  name: string;
  asciiname: string;
  geonameid: number;
}

export function parseAdminCodes(text: string): GnAdminCode[] {
  const out: GnAdminCode[] = [];
  for (const line of text.split('\n')) {
    const c = line.split('\t');
    if (c.length < 4 || !c[0]) continue;
    out.push({ code: c[0], name: c[1] ?? '', asciiname: c[2] ?? '', geonameid: Number(c[3]) });
  }
  return out;
}

/** A tab-separated file with a header row -> one object per row (no quoting: these files use none). */
export function parseTsv(text: string): Record<string, string>[] {
  const lines = text.split('\n');
  const head = (lines[0] ?? '').replace(/\r$/, '').split('\t');
  const out: Record<string, string>[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const c = line.replace(/\r$/, '').split('\t');
    const row: Record<string, string> = {};
    head.forEach((h, i) => (row[h] = c[i] ?? ''));
    out.push(row);
  }
  return out;
}

/** One Who's On First record (locality, county = admin-2, region = admin-1), flattened. */
export interface WofRow {
  id: number;
  placetype: string;
  name: string;
  /**
   * French and English names. Not `latin_variants`: for villages WOF took those from a Wikidata item that is
   * often a homonymous common noun (the village "Day" carries "Jour", "Dag", "Giorno" ...).
   */
  names: string[];
  lat: number;
  lon: number;
  country: string;
  regionId: number | null;
  countyId: number | null;
  population: number;
  deprecated: boolean;
  gnId: number | null;
  hasc: string;
}

const num = (s: string | undefined): number | null => (s && Number.isFinite(Number(s)) ? Number(s) : null);

export function parseWof(text: string): WofRow[] {
  const out: WofRow[] = [];
  for (const r of parseTsv(text)) {
    const id = num(r.id);
    const lat = num(r.lat);
    const lon = num(r.lon);
    if (id === null || lat === null || lon === null || !r.placetype) continue;
    out.push({
      id,
      placetype: r.placetype,
      name: r.name ?? '',
      names: [r.name_fra, r.name_eng].filter((x): x is string => !!x),
      lat,
      lon,
      country: r.iso_country || r.country || '',
      regionId: num(r.region_id) || null,
      countyId: num(r.county_id) || null,
      population: Math.max(0, num(r.population) ?? 0),
      // WOF marks retired records with a deprecation date or a successor; neither is a place today.
      deprecated: !!r.deprecated || !!r.superseded_by || r.is_current === '0',
      gnId: num(r.gn_id) || null,
      hasc: r.hasc ?? '',
    });
  }
  return out;
}

/** One OSM `place=*` node. */
export interface OsmRow {
  id: number;
  lat: number;
  lon: number;
  name: string;
  nameEn: string;
  place: string;
  population: number;
}

export function parseOsm(text: string): OsmRow[] {
  const out: OsmRow[] = [];
  for (const r of parseTsv(text)) {
    const id = num(r.osm_node_id);
    const lat = num(r.lat);
    const lon = num(r.lon);
    if (id === null || lat === null || lon === null || !r.name) continue;
    out.push({
      id,
      lat,
      lon,
      name: r.name,
      nameEn: r.name_en ?? '',
      // "village;hamlet": the first value is the mapper's main tag.
      place: (r.value ?? '').split(';')[0] ?? '',
      // OSM population tags are free text ("1200", "ca. 3000"): only plain integers are read.
      population: /^\d+$/.test((r.population ?? '').trim()) ? Number(r.population) : 0,
    });
  }
  return out;
}

/** One OCHA p-code row (admin-1 or admin-2, no coordinates). */
export interface PcodeRow {
  iso3: string;
  level: number;
  pcode: string;
  name: string;
  parent: string;
}

/** global_pcodes_adm_1_2.csv; names may be quoted when they hold a comma. */
export function parsePcodes(text: string): PcodeRow[] {
  const out: PcodeRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const c = splitCsvLine(line.replace(/\r$/, ''));
    if (c.length < 5) continue;
    out.push({ iso3: c[0] ?? '', level: Number(c[1]), pcode: c[2] ?? '', name: c[3] ?? '', parent: c[4] ?? '' });
  }
  return out;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
