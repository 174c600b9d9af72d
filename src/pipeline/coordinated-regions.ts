// "central and northern Mali": the trie sees "northern Mali"; the first adjective names a vernacular region too.
import type { PipelineContext } from './context.ts';
import type { Mention, Sentence } from './types.ts';

const COMPASS =
  '(northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western)';
const COORDINATED = new RegExp(
  `\\b${COMPASS}\\s*(?:,|and|or)\\s*(?:${COMPASS}\\s*(?:,|and|or)\\s*)?${COMPASS}\\s+([A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?)`,
  'gu',
);

/** "central and northern Mali": the trie sees "northern Mali"; the first adjective names a region too. */
export function addCoordinatedRegions(
  text: string,
  s: Sentence,
  ctx: PipelineContext,
  mentions: Mention[],
): void {
  COORDINATED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COORDINATED.exec(s.text))) {
    const place = m[4] as string;
    for (const adj of [m[1], m[2]]) {
      if (!adj) continue;
      const entry = ctx.gazetteer.byName(`${adj} ${place}`).find((e) => e.kind === 'vernacular');
      if (!entry) continue;
      const start = s.start + m.index + m[0].indexOf(adj);
      mentions.push({
        start,
        end: start + adj.length,
        surface: text.slice(start, start + adj.length),
        sentence: s.index,
        candidates: [entry.id],
        via: 'alias',
        rejected: null,
        standsFor: null,
      });
    }
  }
}
