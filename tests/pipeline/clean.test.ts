// Stage 1, clean (src/pipeline/clean.ts): markup, debris and page furniture out, every kept character mapped back.
import { describe, expect, it } from 'vitest';
import { cleanDoc } from '../../src/pipeline/clean.ts';
import { ctx } from './helpers.ts';

const clean = (text: string, format: 'txt' | 'html' = 'txt') => cleanDoc({ id: 'x', text, format }, ctx);

describe('markup and debris', () => {
  it('reports removed markup at its offsets in the original text', () => {
    const text =
      '\uFEFF<p>Gunmen attacked Gao.</p><script>var x = 1;</script><p>Troops returned fire near Mopti.</p>';
    const c = clean(text, 'html');
    const script = c.dropped.find((d) => d.text.startsWith('<script'));
    expect(script && text.slice(script.start, script.end)).toBe('<script>var x = 1;</script>');
    for (const d of c.dropped) expect(text.slice(d.start, d.end)).toBe(d.text);
  });
  it('strips tags and broken entities and maps every kept character back to the original', () => {
    const raw =
      'Intro line.\n- < strong>Pursue reforms: strong> Act now.[Source] li >\n& nbsp;< strong >& lt;/ strong & gt; Done . p>';
    const c = clean(raw);
    expect(c.text).not.toMatch(/strong|nbsp|li >|p>|\[Source\]|&/);
    expect(c.text).toContain('Pursue reforms:');
    for (let i = 0; i < c.text.length; i++) {
      if (/[A-Za-z]/.test(c.text[i]!)) expect(raw[c.offsets[i]!]).toBe(c.text[i]);
    }
    expect(c.dropped.every((d) => d.reason === 'html-debris')).toBe(true);
  });
  it('reads a real HTML page: scripts gone, entities decoded', () => {
    const c = clean(
      '<html><body><script>alert(1)</script><p>Clashes in Gao &amp; Mopti.</p></body></html>',
      'html',
    );
    expect(c.text).toBe('Clashes in Gao & Mopti.');
  });
});

describe('page furniture', () => {
  it('drops page furniture after "Related content" and assistant chatter, keeps photo credits as captions', () => {
    const raw =
      'Credit: A. Person\n\nGunmen attacked Gao on 2 May 2024.\nIf you want, I can help with a summary.\nShare this page:\n\nRelated content\n\nThe great cities of Europe like London and Paris.';
    const c = clean(raw);
    expect(c.text).not.toMatch(/London|Share this|If you want/);
    expect(c.captions).toHaveLength(1);
    expect(c.text.slice(c.captions[0]!.start, c.captions[0]!.end)).toBe('Credit: A. Person');
    expect(c.dropped.map((d) => d.reason).sort()).toEqual([
      'non-article',
      'page-furniture',
      'page-furniture',
    ]);
  });
  // Month names come from geodata/lexicon/calendar.json.
  const bylines: { text: string; expect: 'dropped' | 'kept' }[] = [
    { text: 'September 19, 2025 by', expect: 'dropped' },
    { text: 'By Jane Doe', expect: 'dropped' },
    { text: 'Gunmen attacked Gao on 2 May 2024.', expect: 'kept' },
  ];
  it.each(bylines)('byline line "$text" is $expect', (c) => {
    const out = clean(`Gunmen attacked Mopti.\n${c.text}\nTroops returned fire.`);
    expect(out.text.includes(c.text) ? 'kept' : 'dropped').toBe(c.expect);
  });
});
