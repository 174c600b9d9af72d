// Name keys for comparing gold with predictions (places, actors, regions): accents and case dropped, ends trimmed.
// Deliberately not the spotter's fold (src/pipeline/text.ts), so the scorer does not share the pipeline's folding.

/** "Ségou " -> "segou". */
export function nameKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** nameKey with the typographic apostrophe read as "'" ("Côte d’Ivoire" = "Cote d'Ivoire"). */
export function quotedNameKey(s: string): string {
  return nameKey(s.replace(/’/g, "'"));
}
