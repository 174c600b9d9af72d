// report.txt: per built document, its mentions, then its event sentences with no place, then its dropped text,
// each in report order, whatever order the sources come in.
import { describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/pipeline/contract.ts';
import { summarize } from '../../src/pipeline/report.ts';

const mention = (source_id: string, surface: string, start: number) => ({
  source_id,
  start,
  end: start + surface.length,
  surface,
  sentence: '',
  status: 'resolved' as const,
  place_id: null,
  alternatives: [],
  why: `why ${surface}`,
  role: null,
  role_cue: null,
});
const unlocated = (source_id: string, start: number) => ({
  source_id,
  start,
  end: start + 5,
  sentence: 'x',
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  why: 'no place',
});
const dropped = (source_id: string, text: string) => ({
  source_id,
  reason: 'page-furniture' as const,
  start: 0,
  end: text.length,
  text,
});

const report: BuildReport = {
  documents: [
    { id: 'bad.txt', file: 'bad.txt', status: 'skipped', why: 'not UTF-8', chars: 0 },
    { id: 'a', file: 'a.txt', status: 'ok', why: null, chars: 10 },
    { id: 'b', file: 'b.txt', status: 'ok', why: null, chars: 10 },
    { id: 'c', file: 'c.txt', status: 'ok', why: null, chars: 10 },
  ],
  mentions: [mention('b', 'Gao', 1), mention('a', 'Mopti', 2), mention('b', 'Mali', 9)],
  dropped: [dropped('a', 'Share this'), dropped('c', 'Related content')],
  unlocated: [unlocated('b', 20), unlocated('a', 30), unlocated('b', 40)],
  counts: { documents: 3, documents_skipped: 1 },
};

describe('summarize', () => {
  it('lists each built document with its own entries in report order', () => {
    const text = summarize(report);
    expect(text.split('\n').slice(4)).toEqual([
      'Skipped files:',
      '  bad.txt: not UTF-8',
      '',
      '== a',
      '  [2-7] Mopti: why Mopti',
      '  event with no place (Battles) [30-35]: no place',
      '  dropped (page-furniture) [0-10]: "Share this"',
      '',
      '== b',
      '  [1-4] Gao: why Gao',
      '  [9-13] Mali: why Mali',
      '  event with no place (Battles) [20-25]: no place',
      '  event with no place (Battles) [40-45]: no place',
      '',
      '== c',
      '  dropped (page-furniture) [0-15]: "Related content"',
      '',
    ]);
    expect(text.split('\n')[2]).toMatch(/^3 documents built, 1 skipped;/);
  });
});
