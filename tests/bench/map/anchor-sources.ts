// The anchor incidents' source texts: the bundled corpus's facts as short articles, with each sentence's offsets,
// for the map's development fixture and benchmark (tests/bench/map/synthetic.ts).
import type { SourceOut } from '../../../src/pipeline/contract.ts';

export interface AnchorText {
  sourceId: string;
  title: string;
  publisher: string | null;
  published: string | null;
  sentences: string[];
}

/** The fixture's own small "corpus": what the anchor claims quote, with offsets into it. */
export const ANCHOR_SOURCES: AnchorText[] = [
  {
    sourceId: 'synthetic-001',
    title: 'France-Mali counter-terror cooperation collapse (synthetic fixture)',
    publisher: 'Fixture Press',
    published: '2025-09-10',
    sentences: [
      'Malian authorities arrested a French diplomat in Bamako on 15 August 2025.',
      'In early September, ISGS-linked militants attacked a convoy in the vicinity of Mopti, killing 14 Malian troops.',
      'France suspended anti-terrorism cooperation with Mali after the arrest.',
    ],
  },
  {
    sourceId: 'synthetic-002',
    title: "Mali's impending collapse (synthetic fixture)",
    publisher: null,
    published: null,
    sentences: [
      'JNIM has besieged Bamako for months, causing a fuel crisis and closing schools.',
      'JNIM claimed its first attack in Nigeria, killing a soldier.',
    ],
  },
  {
    sourceId: 'synthetic-003',
    title: 'France freezes cooperation with Mali (synthetic fixture)',
    publisher: 'Herlee media',
    published: '2025-09-19',
    sentences: [
      'Clashes in Gao on 21 February 2013 and an apparent car bomb near a camp housing French troops.',
    ],
  },
];

/** Source texts and each sentence's offsets. */
export function anchorSources(extra: AnchorText[] = []): {
  sources: SourceOut[];
  offsets: Map<string, [string, number, number]>;
} {
  const sources: SourceOut[] = [];
  const offsets = new Map<string, [string, number, number]>();
  for (const a of [...ANCHOR_SOURCES, ...extra]) {
    let text = `${a.title}\n\n`;
    for (const s of a.sentences) {
      offsets.set(s, [a.sourceId, text.length, text.length + s.length]);
      text += s + ' ';
    }
    sources.push({
      id: a.sourceId,
      file: `${a.sourceId}.txt`,
      title: a.title,
      publisher: a.publisher,
      published: a.published,
      text: text.trimEnd(),
    });
  }
  return { sources, offsets };
}
