// Real-news gold (gold.jsonl + not_incident_places.jsonl, the schema of realnews-gold-schema.md) read into typed
// lines. Pure: text in, lines and problems out; a malformed line is reported and skipped, not fatal.

export type GoldTier = 'main' | 'background' | 'displacement';

/** One accepted place of a gold line: a point with a tolerance, or a region named as in regions.geojson. */
export type GoldPlace =
  | { kind: 'point'; lon: number; lat: number; radiusKm: number; label: string | null }
  | { kind: 'region'; region: string; country: string | null; label: string | null };

export interface GoldLine {
  /** The article's file name, and its id as the build writes it (the name without its extension). */
  file: string;
  sourceId: string;
  gid: string;
  tier: GoldTier;
  /** What the text says the place is, in words (the gold's own description). */
  place: string;
  country: string;
  /** The line's own place first, then its `alt_places`. */
  places: GoldPlace[];
  date: string | null;
  eventType: string;
  subEventType: string | null;
  altEventTypes: string[];
  actors: string[];
  fatalities: number | null;
  modality: string;
  /** Label shared by lines of different articles that report the same real event. */
  event: string | null;
}

export interface GoldProblem {
  line: number;
  why: string;
}

const TIERS: readonly GoldTier[] = ['main', 'background', 'displacement'];

/** The build's source id for a file name: the name without its extension. */
export const sourceIdOf = (file: string): string => file.replace(/\.[^./\\]+$/, '');

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const strOrNull = (x: unknown): string | null => (typeof x === 'string' && x.trim() ? x.trim() : null);
const strList = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];

function parseAlt(a: unknown, radiusKm: number, country: string): GoldPlace | string {
  if (typeof a !== 'object' || a === null) return 'alt place is not an object';
  const o = a as Record<string, unknown>;
  const label = strOrNull(o.place);
  if (isNum(o.lat) && isNum(o.lon))
    return {
      kind: 'point',
      lat: o.lat,
      lon: o.lon,
      radiusKm: isNum(o.radius_km) ? o.radius_km : radiusKm,
      label,
    };
  const region = strOrNull(o.region);
  if (region) return { kind: 'region', region, country: strOrNull(o.country) ?? country, label };
  return 'alt place has neither lat/lon nor region';
}

/** Parse gold.jsonl. Blank lines and lines starting with '#' are skipped. */
export function parseGoldJsonl(text: string): { lines: GoldLine[]; problems: GoldProblem[] } {
  const lines: GoldLine[] = [];
  const problems: GoldProblem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(raw) as Record<string, unknown>;
    } catch (e) {
      problems.push({ line, why: `not JSON (${(e as Error).message})` });
      return;
    }
    const file = strOrNull(o.file);
    const gid = strOrNull(o.gid);
    const tier = o.tier as GoldTier;
    const eventType = strOrNull(o.event_type);
    const country = strOrNull(o.country) ?? '';
    if (!file || !gid || !eventType || !TIERS.includes(tier)) {
      problems.push({ line, why: 'missing file, gid, event_type or a valid tier' });
      return;
    }
    if (seen.has(gid)) {
      problems.push({ line, why: `duplicate gid ${gid}` });
      return;
    }
    const radiusKm = isNum(o.radius_km) ? o.radius_km : 25;
    const places: GoldPlace[] = [];
    const region = strOrNull(o.region);
    if (isNum(o.lat) && isNum(o.lon))
      places.push({ kind: 'point', lat: o.lat, lon: o.lon, radiusKm, label: null });
    else if (region) places.push({ kind: 'region', region, country, label: null });
    else {
      problems.push({ line, why: `${gid}: neither lat/lon nor region` });
      return;
    }
    for (const a of Array.isArray(o.alt_places) ? o.alt_places : []) {
      const p = parseAlt(a, radiusKm, country);
      if (typeof p === 'string') problems.push({ line, why: `${gid}: ${p}` });
      else places.push(p);
    }
    const date = strOrNull(o.date);
    if (date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) {
      problems.push({ line, why: `${gid}: date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD` });
      return;
    }
    seen.add(gid);
    lines.push({
      file,
      sourceId: sourceIdOf(file),
      gid,
      tier,
      place: strOrNull(o.place) ?? '',
      country,
      places,
      date,
      eventType,
      subEventType: strOrNull(o.sub_event_type),
      altEventTypes: strList(o.alt_event_types),
      actors: strList(o.actors),
      fatalities: isNum(o.fatalities) ? o.fatalities : null,
      modality: strOrNull(o.modality) ?? 'reported',
      event: strOrNull(o.event),
    });
  });
  return { lines, problems };
}

/** Parse not_incident_places.jsonl: source id -> the places the article names that are no incident's place. */
export function parseNotIncidentPlaces(text: string): {
  byArticle: Map<string, string[]>;
  problems: GoldProblem[];
} {
  const byArticle = new Map<string, string[]>();
  const problems: GoldProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    try {
      const o = JSON.parse(raw) as Record<string, unknown>;
      const file = strOrNull(o.file);
      if (!file) throw new Error('no file');
      byArticle.set(sourceIdOf(file), strList(o.places));
    } catch (e) {
      problems.push({ line: i + 1, why: (e as Error).message });
    }
  });
  return { byArticle, problems };
}

/** The date of a gold line as a closed interval of days [start, end] (ISO), or null. */
export function goldInterval(date: string | null): [string, string] | null {
  if (date === null) return null;
  if (date.length === 10) return [date, date];
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
}
