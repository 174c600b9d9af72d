// The staged output folder's commit with the replaced folder removed afterwards (scripts/lib/output-dir.ts
// commitThenRemove): a file the new folder linked from the replaced one has its final identity when the commit
// returns (the removal that follows moves no ctime the output memo or the chunk store records), nothing is left
// beside the folder once the removal settles, and a commit that is refused leaves the previous build as it was.
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { stageOutputDir } from '../../scripts/lib/output-dir.ts';

const work = mkdtempSync(join(tmpdir(), 'sahel-output-dir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ours = new Set(['report.json', 'map']);
const sig = (p: string) => {
  const s = lstatSync(p, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.nlink}`;
};

/** A previous build in `name`: report.json and two map chunks. */
function previous(name: string): string {
  const out = join(work, name);
  mkdirSync(join(out, 'map'), { recursive: true });
  writeFileSync(join(out, 'report.json'), 'old report'.repeat(10_000));
  writeFileSync(join(out, 'map/1.json'), 'chunk 1');
  writeFileSync(join(out, 'map/2.json'), 'chunk 2 old');
  return out;
}

it('commitThenRemove: linked files settled when it returns, the replaced folder gone once it settles', async () => {
  const out = previous('out');
  const staged = stageOutputDir(out, ours);
  mkdirSync(join(staged.dir, 'map'));
  linkSync(join(out, 'map/1.json'), join(staged.dir, 'map/1.json')); // as the chunk store links an unchanged chunk
  writeFileSync(join(staged.dir, 'map/2.json'), 'chunk 2 new');
  writeFileSync(join(staged.dir, 'report.json'), 'new report');
  const removed = staged.commitThenRemove();
  // The replaced folder's other name of the linked chunk is gone already: its inode's ctime no longer moves.
  expect(lstatSync(join(out, 'map/1.json')).nlink).toBe(1);
  const before = ['report.json', 'map/1.json', 'map/2.json'].map((f) => sig(join(out, f)));
  await removed;
  expect(['report.json', 'map/1.json', 'map/2.json'].map((f) => sig(join(out, f)))).toEqual(before);
  expect(readdirSync(work)).toEqual(['out']); // no .out.old-* nor .out.tmp-* left
  expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('new report');
  expect(readFileSync(join(out, 'map/1.json'), 'utf8')).toBe('chunk 1');
  expect(readFileSync(join(out, 'map/2.json'), 'utf8')).toBe('chunk 2 new');
});

it('commitThenRemove into a folder that did not exist, and a refused commit that leaves the previous build', async () => {
  const fresh = join(work, 'fresh');
  const a = stageOutputDir(fresh, ours);
  writeFileSync(join(a.dir, 'report.json'), 'first');
  await a.commitThenRemove();
  expect(readFileSync(join(fresh, 'report.json'), 'utf8')).toBe('first');

  const out = previous('refused');
  const b = stageOutputDir(out, ours);
  writeFileSync(join(b.dir, 'report.json'), 'new report');
  writeFileSync(join(out, 'notes.txt'), 'someone else'); // a foreign entry appeared while the build ran
  expect(() => b.commitThenRemove()).toThrow(/a build does not write/);
  b.abort();
  expect(readFileSync(join(out, 'map/2.json'), 'utf8')).toBe('chunk 2 old');
  expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('old report'.repeat(10_000));
  expect(existsSync(b.dir)).toBe(false);
  expect(readdirSync(work).filter((n) => n.startsWith('.'))).toEqual([]);
});
