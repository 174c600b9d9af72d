// The naive peer: compromise's place detection (nlp(text).places()) followed by an exact name lookup in the same
// gazetteer (name or alias, accent- and case-insensitive, most populous entry wins). No cleaning, no context.
import nlp from 'compromise';
import { nameKey } from '../../src/eval/names.ts';
import type { GazetteerEntry } from '../../src/pipeline/types.ts';

export interface PeerMention {
  start: number;
  end: number;
  surface: string;
  placeId: string | null;
}

/** Folded name or alias -> id of the most populous entry with that name. */
export function buildPeerLookup(entries: Iterable<GazetteerEntry>): Map<string, string> {
  const best = new Map<string, GazetteerEntry>();
  for (const e of entries) {
    for (const n of new Set([e.name, ...e.aliases].map(nameKey))) {
      const cur = best.get(n);
      if (cur === undefined || e.population > cur.population) best.set(n, e);
    }
  }
  return new Map([...best].map(([n, e]) => [n, e.id]));
}

/** Places compromise finds in the text, each looked up whole, then part by part ("Mopti region of Mali"). */
export function peerGeoparse(text: string, lookup: ReadonlyMap<string, string>): PeerMention[] {
  const out: PeerMention[] = [];
  const found = nlp(text).places().json({ offset: true }) as {
    text: string;
    offset: { start: number; length: number };
  }[];
  for (const f of found) {
    const surface = f.text.replace(/[\s.,;:!?)"'’]+$/u, '');
    const start = f.offset.start;
    const whole = lookup.get(nameKey(surface));
    if (whole !== undefined) {
      out.push({ start, end: start + surface.length, surface, placeId: whole });
      continue;
    }
    let hit = false;
    for (const m of surface.matchAll(/[^,]+?(?=,|\s+(?:of|and|in|near)\s+|$)/gu)) {
      const part = m[0].replace(/^\s*(?:of|and|in|near)\s+/u, '').trim();
      const id = lookup.get(nameKey(part));
      if (id === undefined) continue;
      const s = start + (m.index ?? 0) + m[0].indexOf(part);
      out.push({ start: s, end: s + part.length, surface: part, placeId: id });
      hit = true;
    }
    if (!hit) out.push({ start, end: start + surface.length, surface, placeId: null });
  }
  return out;
}
