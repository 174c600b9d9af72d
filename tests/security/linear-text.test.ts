// Hostile text: a 1 MB run of any one character (or of a pattern a rule of the cleaner starts on) must go through
// the whole pipeline in ordinary test time. Nothing is timed: before the regexes were made linear, 320,000
// spaces took 137 s and these tests time out. Bidi controls are removed, and no sentence grows without bound.
import { describe, expect, it } from 'vitest';
import { cleanDoc } from '../../src/pipeline/clean.ts';
import { processDoc } from '../../src/pipeline/index.ts';
import { MAX_SENTENCE_CHARS, segment } from '../../src/pipeline/segment.ts';
import { ctx, doc } from '../pipeline/helpers.ts';

const MB = 1 << 20;
const run1MB = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

/** Each class alone, and after the characters a rule starts on ("<", "&", "p" + ">", a separator...). */
const CLASSES: Record<string, string> = {
  space: ' ',
  tab: '\t',
  newline: '\n',
  'carriage return + newline': '\r\n',
  'no-break space': '\u00a0',
  'lower-case letters': 'a',
  'upper-case letters': 'A',
  digits: '7',
  '<': '<',
  '>': '>',
  '&': '&',
  '|': '|',
  full_stop: '.',
  '!': '!',
  ',': ',',
  ';': ';',
  '-': '-',
  '"': '"',
  '(': '(',
  '/': '/',
  '#': '#',
  'accented letters': 'é',
  'CJK ideographs': '字',
  'astral symbols': '😀',
  'right-to-left override': '\u202e',
  'initials "A. "': 'A. ',
  'words "x "': 'x ',
  '"1."': '1.',
  'tag tails "p>"': 'p>',
  'tag tails " p>"': ' p>',
  'entities "&amp;"': '&amp;',
  'broken tags "< p"': '< p',
  'unclosed "<script "': '<script ',
  '"Source: a" lines': 'Source: a\nb.\n',
  'short lines "a\\n"': 'a\n',
};
/** Texts where a rule meets a long run right after its first characters. */
const TRIGGERS: Record<string, string> = {
  '"<" then spaces': `<${' '.repeat(MB)}p>`,
  '"</" then spaces': `</${' '.repeat(MB)}x`,
  '"x" then spaces then "p>"': `x${' '.repeat(MB)}p>`,
  '"&" then spaces': `&${' '.repeat(MB)}gt;`,
  '"---" then spaces': `---${' '.repeat(MB)}x`,
  '"|---" then spaces': `|---${' '.repeat(MB)}x`,
  '"comments" then spaces': `comments${' '.repeat(MB)}x`,
  '"- " then spaces': `- ${' '.repeat(MB)}x`,
  'spaces then "x\\n"': `${' '.repeat(MB)}x\n`,
  '"<p" then letters': `<p${'a'.repeat(MB)}`,
};

describe('a 1 MB run of one character class builds', () => {
  for (const [name, unit] of Object.entries(CLASSES)) {
    it(
      name,
      () => {
        const text = run1MB(unit);
        const r = processDoc(doc(text), ctx);
        const longest = r.segmented.sentences.reduce((n, s) => Math.max(n, s.text.length), 0);
        expect(longest).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
        const html = cleanDoc(doc(text, null, 'html'), ctx);
        expect(html.offsets.length).toBe(html.text.length + 1);
      },
      60_000,
    );
  }
  for (const [name, text] of Object.entries(TRIGGERS)) {
    it(
      name,
      () => {
        const r = processDoc(doc(text), ctx);
        expect(r.clean.offsets.length).toBe(r.clean.text.length + 1);
        cleanDoc(doc(text, null, 'html'), ctx);
      },
      60_000,
    );
  }
});

describe('cleaning and segmenting hostile text', () => {
  it('removes bidi embeddings, overrides and isolates, keeping offsets to the original', () => {
    const text = 'Gunmen attacked \u202eoaG\u202c near \u2067Mopti\u2069 on 2 May 2024.';
    const c = cleanDoc(doc(text), ctx);
    expect(c.text).toBe('Gunmen attacked oaG near Mopti on 2 May 2024.');
    expect(/[\u202a-\u202e\u2066-\u2069]/.test(c.text)).toBe(false);
    const at = c.text.indexOf('Mopti');
    expect(text.slice(c.offsets[at], (c.offsets[at + 4] as number) + 1)).toBe('Mopti');
  });

  it('cuts an overlong sentence into pieces at white space, covering all its words', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const text = `${words}.`;
    const seg = segment(cleanDoc(doc(text), ctx));
    expect(seg.sentences.length).toBeGreaterThan(1);
    for (const s of seg.sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toMatch(/^w\d+/); // cut between words, never inside one
    }
    expect(seg.sentences.map((s) => s.text).join(' ')).toBe(text);
  });

  it('cuts a sentence with no white space at the limit, never inside a surrogate pair', () => {
    const text = `a${'😀'.repeat(2000)}`;
    const seg = segment(cleanDoc(doc(text), ctx));
    expect(seg.sentences.map((s) => s.text).join('')).toBe(text);
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const s of seg.sentences) expect(lone.test(s.text)).toBe(false);
  });
});
