// Stage 2, segment (src/pipeline/segment.ts): sentences and pipe tables.
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/pipeline/segment.ts';

describe('sentences', () => {
  it('splits sentences with ICU rules but not after initials and abbreviations', () => {
    const text =
      'Presidents Amadou T. Touré and Ibrahim B. Keïta fell. The U.S. embassy closed. Gen. Goïta spoke by 2022. This shift';
    const s = segment({ text, captions: [] }).sentences.map((x) => x.text);
    expect(s).toEqual([
      'Presidents Amadou T. Touré and Ibrahim B. Keïta fell.',
      'The U.S. embassy closed.',
      'Gen. Goïta spoke by 2022.',
      'This shift',
    ]);
  });
});

describe('clock times', () => {
  it('"1 p.m. (1200 GMT), when ..." goes on; "5 p.m. The army ..." ends', () => {
    const text =
      'The raid began at 1 p.m. (1200 GMT), when gunmen attacked. It ended at 5 p.m. The army left.';
    expect(segment({ text, captions: [] }).sentences.map((x) => x.text)).toEqual([
      'The raid began at 1 p.m. (1200 GMT), when gunmen attacked.',
      'It ended at 5 p.m.',
      'The army left.',
    ]);
  });
});

describe('tables', () => {
  it('finds pipe tables with and without the leading pipe, drops repeats, pads ragged rows', () => {
    const text = [
      'A sentence. Another one!',
      '| Region | Impact |',
      '|---|---|',
      '| Mali | Bad |',
      'Prose between.',
      'Region | Impact |',
      '---|---|',
      'Mali | Bad |',
      'Next.',
      'Area | Risk | Note',
      '---|---|---',
      'Niger | High',
    ].join('\n');
    const s = segment({ text, captions: [] });
    expect(s.tables).toHaveLength(2);
    expect(s.tables[0]!.duplicates).toBe(1);
    expect(s.tables[1]!.rows[0]!.cells).toEqual(['Niger', 'High', '']);
    expect(s.tables[1]!.ragged).toBe(1);
    expect(s.sentences.filter((x) => x.kind === 'sentence').map((x) => x.text)).toEqual([
      'A sentence.',
      'Another one!',
      'Prose between.',
      'Next.',
    ]);
  });
});
