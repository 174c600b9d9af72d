// FileWriter (scripts/lib/builder/writer.ts): strings and bytes come out in order as UTF-8, whatever their sizes
// against its buffer, and bytes are copied when written (a cached entry's fragments are views of the whole entry:
// kept until a flush, they kept every entry alive).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ClaimTextFile, FileWriter } from '../../scripts/lib/builder/writer.ts';
import { MAY_FLAG } from '../../src/pipeline/group.ts';

const work = mkdtempSync(join(tmpdir(), 'sahel-writer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('writes strings and bytes in order, small and larger than its buffer, copying bytes at once', () => {
  const path = join(work, 'out');
  const w = new FileWriter(path);
  const view = Buffer.from('[entry bytes]');
  const big = 'Gao é \u{1F600} \ud800 '.repeat(300_000); // several MB, a lone surrogate too
  const parts: (string | Uint8Array)[] = ['a', big, '', 'z'.repeat(5e6), view.subarray(1, 6), Buffer.from('ü')];
  const expected = Buffer.concat([...parts.map((p) => Buffer.from(p)), Buffer.from('tail')]);
  for (const p of parts) w.write(p);
  view.fill(0); // the writer holds no view of it
  const other = join(work, 'other');
  writeFileSync(other, 'tail');
  w.copyFrom(other);
  w.close();
  expect(readFileSync(path).equals(expected)).toBe(true);
});

it('ClaimTextFile reads each sentence back and flags the lines that may hold a word, across pieces', () => {
  const path = join(work, 'texts');
  const sentences = [
    'Gunmen attacked Gao.',
    'Also on Friday, é \u{1F600} armed men attacked a convoy in Mali.',
    '',
    'In another attack "quoted"\nover two lines',
    'Nothing here, ü',
    'ELSEWHERE in Niger',
  ];
  writeFileSync(path, sentences.map((s) => `${JSON.stringify(s)}\n`).join(''));
  for (const piece of [7, 16, 1 << 20]) {
    const flagged: number[] = [];
    const t = new ClaimTextFile(path, MAY_FLAG, (line, json) => {
      expect(JSON.parse(json)).toBe(sentences[line]);
      flagged.push(line);
    }, piece);
    expect(t.lines).toBe(sentences.length);
    expect(flagged).toEqual([1, 3, 5]);
    sentences.forEach((s, i) => expect(JSON.parse(t.json(i))).toBe(s));
    expect(() => t.json(sentences.length)).toThrow();
    t.close();
  }
});

it('writes after a start offset, the room before it filled by writeAt, and copies a file from an offset', () => {
  const path = join(work, 'offset');
  const head = Buffer.from('{"head":"é"}');
  const w = new FileWriter(path, head.length);
  w.write('[1,2');
  w.write('x'.repeat(5e6));
  w.writeAt(0, head);
  const other = join(work, 'other2');
  writeFileSync(other, 'skip|tail');
  w.copyFrom(other, 5);
  w.close();
  expect(w.bytes).toBe(4 + 5e6 + 4);
  expect(readFileSync(path).toString()).toBe(`{"head":"é"}[1,2${'x'.repeat(5e6)}tail`);
});
