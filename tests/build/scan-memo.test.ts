// The scan memo (scripts/lib/builder/scan-memo.ts): an article whose identity (inode, size, times) is unchanged is
// not read again, any write to it is seen (its ctime moves), and a file too recently changed is not remembered.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readScanMemo, writeScanMemo } from '../../scripts/lib/builder/scan-memo.ts';
import { scanCorpus } from '../../scripts/lib/corpus.ts';

const work = mkdtempSync(join(tmpdir(), 'sahel-scan-'));
const corpus = join(work, 'corpus');
const cache = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Ten seconds from now: files written by the test count as settled. */
const later = () => BigInt(Date.now() + 10_000) * 1_000_000n;
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const scanWithMemo = (nowNs?: bigint) => {
  const memo = readScanMemo(cache, corpus, nowNs);
  const r = scanCorpus(corpus, memo);
  writeScanMemo(cache, corpus, memo);
  return r;
};

describe('scan memo', () => {
  it('gives what a plain scan gives, and remembers settled files only', () => {
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'a.txt'), 'Gunmen attacked Gao.');
    writeFileSync(join(corpus, 'b.md'), '# Mali\n\nTroops left Kidal.');
    writeFileSync(join(corpus, 'c.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9])); // Windows-1252: a warning
    const plain = scanCorpus(corpus);
    expect(scanWithMemo()).toEqual(plain); // now: just written, not settled
    const memo = JSON.parse(readFileSync(readdirOne(join(cache, 'scan')), 'utf8')) as { files: unknown[] };
    expect(memo.files).toEqual([]);
    expect(scanWithMemo(later())).toEqual(plain);
    expect(scanWithMemo(later())).toEqual(plain); // recalled: the warning too
  });

  it('recalls a file by its identity without reading it, and reads it again after any write', () => {
    const path = readdirOne(join(cache, 'scan'));
    const memo = JSON.parse(readFileSync(path, 'utf8')) as { files: [string, ...unknown[]][] };
    const fake = 'f'.repeat(64);
    for (const f of memo.files) if (f[0] === 'a.txt') f[2] = fake;
    writeFileSync(path, JSON.stringify(memo));
    const a = () => scanWithMemo(later()).entries.find((e) => e.file === 'a.txt')?.sha256;
    expect(a()).toBe(fake); // not read: the memo's word is taken
    // Same size, same modification time: only the ctime tells the write.
    const st = statSync(join(corpus, 'a.txt'));
    writeFileSync(join(corpus, 'a.txt'), 'Gunmen attacked Ga0.');
    utimesSync(join(corpus, 'a.txt'), st.atime, st.mtime);
    expect(a()).toBe(sha('Gunmen attacked Ga0.'));
  });

  it('ignores a memo that is not one', () => {
    writeFileSync(readdirOne(join(cache, 'scan')), '{"layout":1,"files":[["a.txt","x","nothex",1,null]]}');
    expect(scanWithMemo(later())).toEqual(scanCorpus(corpus));
  });
});

function readdirOne(dir: string): string {
  const names = readdirSync(dir);
  expect(names.length).toBe(1);
  return join(dir, names[0] as string);
}
