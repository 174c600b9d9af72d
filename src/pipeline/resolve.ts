// Stage 4: resolve. Rank each mention's candidates and pick one, or none.
// Evidence: feature type, population, the document's country context, an admin-1 named in the same sentence
// ("Douentza, Mopti"), and proximity to the places already resolved unambiguously in the document.

import type { PipelineContext } from './gazetteer.ts';
import type { GazetteerEntry, Mention, Resolution } from './types.ts';

const KIND_PRIOR: Record<GazetteerEntry['kind'], number> = {
  country: 8,
  vernacular: 7,
  admin1: 4,
  admin2: 3.2,
  place: 3.5,
  continent: 2,
  water: 2,
};

/** Beyond this distance from every country the document is about, a lone homonym is not trusted. */
const FAR_KM = 2500;

/** Countries the sample and the eval are about: a tie goes to them. */
const FOCUS = new Set(['ML', 'BF', 'NE', 'TD', 'MR']);

export function haversineKm(a: [number, number], b: [number, number]): number {
  const R = 6371.009;
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

function describe(e: GazetteerEntry): string {
  return `${e.name} (${e.kind}${e.country ? `, ${e.country}` : ''}, ${e.id})`;
}

/** Resolve every mention of one document. */
export function resolveMentions(mentions: Mention[], ctx: PipelineContext): Resolution[] {
  const g = ctx.gazetteer;
  // Document context: countries named (or implied by demonyms) and unambiguous places.
  const countryVotes = new Map<string, number>();
  /** Countries named outright (by name or demonym), not inferred from a town's homonyms. */
  const namedCountries = new Set<string>();
  const anchors: [number, number][] = [];
  for (const m of mentions) {
    if (
      m.rejected === 'inside-non-location-phrase' ||
      m.rejected === 'common-word' ||
      m.rejected === 'person-name'
    )
      continue;
    const entries = m.candidates.map((id) => g.get(id)).filter((e): e is GazetteerEntry => !!e);
    const countries = new Set(entries.map((e) => e.country).filter((c): c is string => !!c));
    for (const e of entries) if (e.kind === 'country' && e.country) namedCountries.add(e.country);
    if (countries.size === 1) {
      const c = [...countries][0] as string;
      countryVotes.set(c, (countryVotes.get(c) ?? 0) + 1);
    }
    if (!m.rejected && entries.length === 1 && entries[0]?.kind === 'place') anchors.push(entries[0].point);
  }
  const sahelDoc = [...countryVotes.keys()].some((c) => FOCUS.has(c));
  const topCountries = [...countryVotes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([c]) => c);

  // Admin-1 and admin-2 units named in each sentence, for "(Douentza, Mopti)" hierarchies.
  const adminsBySentence = new Map<number, Set<string>>();
  for (const m of mentions) {
    if (m.rejected) continue;
    for (const id of m.candidates) {
      const e = g.get(id);
      if (e && (e.kind === 'admin1' || e.kind === 'admin2')) {
        const set = adminsBySentence.get(m.sentence) ?? new Set<string>();
        set.add(e.id);
        adminsBySentence.set(m.sentence, set);
      }
    }
  }

  // Only in a document about the Sahel (some place of it named): home is the countries the document names
  // outright plus the Sahel countries. Elsewhere (world news) a lone foreign place is trusted as usual.
  const homeCountries = sahelDoc ? [...new Set([...namedCountries, ...FOCUS])].sort() : [];
  const home = homeCountries.map((c) => g.country(c)?.point).filter((p): p is [number, number] => !!p);
  // Per document, cached per entry: the checks run for every candidate of every mention.
  const nearCache = new Map<string, boolean>();
  const nearAnchor = (e: GazetteerEntry): boolean => {
    let v = nearCache.get(e.id);
    if (v === undefined) {
      v = anchors.some((a) => haversineKm(a, e.point) < 300);
      nearCache.set(e.id, v);
    }
    return v;
  };
  const farCache = new Map<string, boolean>();
  const far = (e: GazetteerEntry): boolean => {
    const hit = farCache.get(e.id);
    if (hit !== undefined) return hit;
    const v =
      e.kind !== 'country' &&
      e.kind !== 'vernacular' &&
      !!e.country &&
      !homeCountries.includes(e.country) &&
      home.every((p) => haversineKm(p, e.point) > FAR_KM);
    farCache.set(e.id, v);
    return v;
  };
  return mentions.map((m): Resolution => {
    const entries = m.candidates.map((id) => g.get(id)).filter((e): e is GazetteerEntry => !!e);
    if (m.rejected) {
      const why =
        m.rejected === 'metonymy'
          ? `rejected: metonymy, stands for ${m.standsFor ?? 'a government'}`
          : m.rejected === 'analogy'
            ? 'rejected: analogy or metaphor, not a location'
            : `rejected: ${m.rejected.replace(/-/g, ' ')}`;
      return { mention: m, placeId: null, status: 'rejected', ranked: [], why };
    }
    if (entries.length === 0)
      return { mention: m, placeId: null, status: 'unknown', ranked: [], why: 'unknown: no gazetteer entry' };
    const admins = adminsBySentence.get(m.sentence) ?? new Set<string>();
    const ranked = entries
      .map((e) => {
        let score = KIND_PRIOR[e.kind];
        if (e.kind === 'place')
          score +=
            Math.log10(e.population + 1) / 2 +
            (e.featureCode === 'PPLC' ? 1 : e.featureCode === 'PPLA' ? 0.5 : 0);
        if (e.country && topCountries.includes(e.country)) score += 2 - topCountries.indexOf(e.country) * 0.5;
        if (e.country && FOCUS.has(e.country)) score += 0.5;
        if (e.admin1 && admins.has(e.admin1)) score += 3;
        if (e.kind === 'place' && nearAnchor(e)) score += 1;
        // GeoNames ids beat name-only duplicates of the same town.
        if (e.id.startsWith('gn:')) score += 0.1;
        return { id: e.id, score: Math.round(score * 1000) / 1000, entry: e };
      })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const best = ranked[0] as (typeof ranked)[number];
    const second = ranked[1];
    const out = ranked.map(({ id, score }) => ({ id, score }));
    if (best.entry.kind === 'continent') {
      return {
        mention: m,
        placeId: null,
        status: 'rejected',
        ranked: out,
        why: `rejected: continent (${best.entry.name}) is too coarse to locate a claim`,
      };
    }
    // Far-away homonyms only are no answer: in an article about Mali, "Yoro" is an unknown village, not Honduras.
    if (home.length && ranked.every((r) => far(r.entry))) {
      return {
        mention: m,
        placeId: null,
        status: 'ambiguous',
        ranked: out,
        why: `ambiguous: every candidate (${describe(best.entry)} first) is over ${FAR_KM} km from this document's countries (${homeCountries.join(', ')})`,
      };
    }
    // Two far-apart candidates with nearly the same score: say so rather than guess.
    if (
      second &&
      best.score - second.score < 0.25 &&
      haversineKm(best.entry.point, second.entry.point) > 50
    ) {
      return {
        mention: m,
        placeId: null,
        status: 'ambiguous',
        ranked: out,
        why: `ambiguous between ${describe(best.entry)} and ${describe(second.entry)}`,
      };
    }
    const runnerUp = second ? `; next: ${describe(second.entry)}` : '';
    return {
      mention: m,
      placeId: best.id,
      status: 'resolved',
      ranked: out,
      why: `resolved to ${describe(best.entry)}${runnerUp}`,
    };
  });
}
