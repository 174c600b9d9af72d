// The entry memo (scripts/lib/builder/cache.ts EntryMemo): an entry whose SHA-256 an earlier build checked is not
// hashed again while its file is the one checked then; an entry written to since (in place, same size), replaced,
// or a memo that is damaged or not ours, and the entry is hashed as before: a damaged entry is never used.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EntryMemo, entryPath, readEntry, writeEntry, type CacheEntry } from '../../scripts/lib/builder/cache.ts';
import { FRAGMENTS } from '../../scripts/lib/builder/fragments.ts';

const work = mkdtempSync(join(tmpdir(), 'sahel-entry-memo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const KEY = 'ab'.repeat(32);
const entry: CacheEntry = {
  record: { claims: new Uint8Array(0), tally: { sentences: 3 } as unknown as CacheEntry['record']['tally'] },
  frags: Object.fromEntries(FRAGMENTS.map((f) => [f, `"${f} bytes é"`])) as CacheEntry['frags'],
};
/** A clock far enough after every write that each entry has settled (the memo remembers only those). */
const later = () => (BigInt(Date.now()) + 60_000n) * 1_000_000n;
const text = (e: ReturnType<typeof readEntry>) => (e ? Buffer.from(e.frags.mentions).toString() : null);

/** File times tick coarsely (a few ms): the writes this test makes right after another are a tick apart. */
const tick = () => new Promise((r) => setTimeout(r, 30));

it('a checked entry is not hashed again while its file is the one checked; written to or replaced, it is', async () => {
  const dir = join(work, 'a');
  expect(writeEntry(dir, KEY, entry)).toBe(true);
  const first = EntryMemo.open(dir, later());
  expect(text(readEntry(dir, KEY, first))).toBe('"mentions bytes é"');
  expect(first.trusted).toBe(0); // hashed: the memo was empty
  first.save(dir);

  const second = EntryMemo.open(dir, later());
  expect(text(readEntry(dir, KEY, second))).toBe('"mentions bytes é"');
  expect(second.trusted).toBe(1);
  second.save(dir);

  // One byte of the body changed in place (same inode, same size): the identity moves, the entry is hashed and
  // refused.
  const path = entryPath(dir, KEY);
  const bytes = readFileSync(path);
  const at = bytes.indexOf('mentions bytes');
  await tick();
  bytes.write('M', at);
  writeFileSync(path, bytes);
  const third = EntryMemo.open(dir, later());
  expect(readEntry(dir, KEY, third)).toBeNull();
  expect(third.trusted).toBe(0);
  third.save(dir);

  // Stored again (a new file in its place): hashed, then remembered again.
  await tick();
  expect(writeEntry(dir, KEY, entry)).toBe(true);
  const fourth = EntryMemo.open(dir, later());
  expect(text(readEntry(dir, KEY, fourth))).toBe('"mentions bytes é"');
  expect(fourth.trusted).toBe(0);
  fourth.save(dir);
  const fifth = EntryMemo.open(dir, later());
  expect(text(readEntry(dir, KEY, fifth))).toBe('"mentions bytes é"');
  expect(fifth.trusted).toBe(1);
});

it('an entry that changed within the clock granularity of its check is not remembered', () => {
  const dir = join(work, 'b');
  writeEntry(dir, KEY, entry);
  const now = EntryMemo.open(dir); // the real clock: the entry was written just now
  expect(readEntry(dir, KEY, now)).not.toBeNull();
  now.save(dir);
  const next = EntryMemo.open(dir, later());
  expect(readEntry(dir, KEY, next)).not.toBeNull();
  expect(next.trusted).toBe(0);
});

it('a damaged memo, or one naming another identity, costs a hash, never a wrong byte', async () => {
  const dir = join(work, 'c');
  writeEntry(dir, KEY, entry);
  const m = EntryMemo.open(dir, later());
  readEntry(dir, KEY, m);
  m.save(dir);
  const memo = join(dir, 'entries.memo.json');
  const saved = readFileSync(memo, 'utf8');
  for (const bad of [
    saved.slice(0, saved.length - 5),
    saved.replace(/"\d+:\d+:/, '"1:2:'),
    saved.replace('"layout":1', '"layout":99'),
    '{"layout":1,"entries":[[1,2]]}',
  ]) {
    writeFileSync(memo, bad);
    const again = EntryMemo.open(dir, later());
    expect(text(readEntry(dir, KEY, again))).toBe('"mentions bytes é"');
    expect(again.trusted).toBe(0);
  }
  // A truncated entry under a memo that names its old identity: refused (its size moved).
  writeFileSync(memo, saved);
  const path = entryPath(dir, KEY);
  await tick();
  writeFileSync(path, readFileSync(path).subarray(0, 40));
  const cut = EntryMemo.open(dir, later());
  expect(readEntry(dir, KEY, cut)).toBeNull();
  expect(cut.trusted).toBe(0);
});
