// Small pure helpers shared by the geodata derivation: folding, rounding, stable JSON.
import type { Geometry, Position } from 'geojson';
import { fold as foldText } from '../../src/pipeline/text.ts';
import { round } from '../../src/common/geo.ts';

/**
 * The key a name is matched by: the spotter's own folding (so the gazetteer is derived with the folding it is
 * searched with: ß, œ, æ, every dash and apostrophe alike), with runs of spaces collapsed and the ends trimmed.
 */
export function fold(s: string): string {
  return foldText(s).replace(/\s+/g, ' ').trim();
}

export function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function roundPoint(p: readonly number[], digits = 6): [number, number] {
  return [round(p[0] ?? 0, digits), round(p[1] ?? 0, digits)];
}

function roundPositions(c: unknown, digits: number): unknown {
  if (Array.isArray(c) && typeof c[0] === 'number') return roundPoint(c as Position, digits);
  if (Array.isArray(c)) return c.map((x) => roundPositions(x, digits));
  return c;
}

/** Round every coordinate of a geometry and drop consecutive duplicate vertices created by rounding. */
export function roundGeometry<G extends Geometry>(g: G, digits = 6): G {
  if (g.type === 'GeometryCollection') {
    return { ...g, geometries: g.geometries.map((x) => roundGeometry(x, digits)) };
  }
  const rounded = roundPositions(g.coordinates, digits);
  return { ...g, coordinates: dedupe(rounded) } as G;
}

function dedupe(c: unknown): unknown {
  if (!Array.isArray(c) || c.length === 0) return c;
  if (Array.isArray(c[0]) && typeof c[0][0] === 'number') {
    const out: number[][] = [];
    for (const p of c as number[][]) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  }
  return c.map(dedupe);
}

/** Unique, non-empty strings in first-seen order, deduplicated by folded form and excluding `exclude`. */
export function uniqueNames(names: Iterable<string | null | undefined>, exclude: string[] = []): string[] {
  const seen = new Set(exclude.map(fold));
  const out: string[] = [];
  for (const raw of names) {
    if (raw == null) continue;
    const n = raw.replace(/\s+/g, ' ').trim();
    if (!n) continue;
    const k = fold(n);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/** JSON with one array item per line: diffable, compact, byte-stable for the same input. */
export function linesJson(obj: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (Array.isArray(v)) {
      const items = v.map((x) => JSON.stringify(x));
      parts.push(`${JSON.stringify(k)}: [` + (items.length ? `\n${items.join(',\n')}\n` : '') + ']');
    } else {
      parts.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    }
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

/** Natural Earth's "a|b|c" alternate-name lists. */
export function splitAlt(s: string | null | undefined): string[] {
  return s ? s.split('|') : [];
}

/** GeoNames' inverted names: "Tapoa, Province de la" -> "Province de la Tapoa", "Alberta, Province d'" -> "Province d'Alberta". */
export function gnsForm(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^(.*?), (.*)$/.exec(s);
  if (!m) return s;
  const head = m[2] ?? '';
  return /['’]$/.test(head) ? `${head}${m[1]}` : `${head} ${m[1]}`;
}
