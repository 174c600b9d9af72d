// The Latin-1 sentence breaker must find exactly ICU's boundaries (Intl.Segmenter), or defer to it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { cleanDoc } from '../../src/pipeline/clean.ts';
import { icuSentenceRanges } from '../../src/pipeline/segment.ts';
import { latinSentenceRanges } from '../../src/pipeline/sentence-breaks.ts';
import { generateCorpus, mulberry32 } from '../bench/corpus.ts';
import { ctx } from './helpers.ts';

describe('sentence boundaries without Intl.Segmenter', () => {
  it('agree with ICU on every line of the bundled corpus and of a synthetic one', () => {
    const dir = join(ROOT, 'geodata/sources');
    const lines = readdirSync(dir)
      .filter((f) => /\.(txt|md|html?)$/.test(f))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'));
    const e = ctx.gazetteer.entries;
    const vocab = {
      towns: e.filter((x) => x.kind === 'place' && x.country === 'ML').map((x) => x.name),
      regions: e.filter((x) => x.kind === 'admin1').map((x) => x.name),
      countries: e.filter((x) => x.kind === 'country').map((x) => x.name),
      demonyms: ['Malian', 'Burkinabe'],
      actors: ['JNIM', 'ISGS', 'soldiers'],
    };
    for (const d of generateCorpus(vocab, { seed: 11, targetBytes: 150_000 }))
      lines.push(...cleanDoc(d, ctx).text.split('\n'));
    let fast = 0;
    for (const line of lines) {
      const ours = latinSentenceRanges(line);
      if (!ours) continue;
      fast++;
      expect(ours, JSON.stringify(line)).toEqual(icuSentenceRanges(line));
    }
    // Nearly every line of English news is settled without ICU.
    expect(fast / lines.length).toBeGreaterThan(0.9);
  });

  it('agree with ICU on random text over every class the rules distinguish', () => {
    const alphabet = [...'abZXéÉßÿÞ19..!? \t"\'()[],-:;’”“–—«»\u00a0#/×'];
    const rnd = mulberry32(20261125);
    let checked = 0;
    for (let t = 0; t < 40_000; t++) {
      let s = '';
      const len = 1 + Math.floor(rnd() * 14);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const ours = latinSentenceRanges(s);
      if (!ours) continue;
      checked++;
      expect(ours, JSON.stringify(s)).toEqual(icuSentenceRanges(s));
    }
    expect(checked).toBe(40_000);
  });

  it('defers to ICU for characters it does not classify', () => {
    expect(latinSentenceRanges('Il a dit… Non.')).toBeNull();
    expect(latinSentenceRanges('Šentjur. Next')).toBeNull();
    expect(latinSentenceRanges('')).toEqual([]);
  });
});
