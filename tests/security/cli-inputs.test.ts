// The build CLI on a corpus folder written as an attacker would (issue 11): links out of the folder, special
// files, subfolders, hidden and oddly named files, a sources.json that is a bare list with a null entry, two
// files with one name. Nothing outside the folder is read, nothing blocks, every skipped entry has its reason
// in the report, and each article gets its own source id.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE, build, outputs, skipReason, temp, type Outputs } from './helpers.ts';

const NEWLINE_NAME = 'evil\n== forged.txt';
const ESCAPE_NAME = '\u001b[2J\u001b[31mred.txt';
const ESCAPE_SKIPPED = '\u001b]0;pwned\u0007notes.docx';
let o: Outputs;
let stderr = '';
let parentSecret = '';

beforeAll(() => {
  const top = temp('hostile');
  const dir = join(top, 'corpus');
  mkdirSync(dir);
  parentSecret = `PARENT-SECRET-${Date.now()}`;
  writeFileSync(join(top, 'secret.txt'), `${parentSecret} attacked Gao.`);
  writeFileSync(join(dir, 'good.txt'), ARTICLE);
  // Links: out of the folder (system files, the parent folder), inside it, broken, to a folder.
  symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
  symlinkSync('/etc/hostname', join(dir, 'hostname.txt'));
  symlinkSync('/proc/self/status', join(dir, 'status.txt'));
  symlinkSync('../secret.txt', join(dir, 'parent.txt'));
  symlinkSync('good.txt', join(dir, 'again.txt'));
  symlinkSync('nowhere.txt', join(dir, 'broken.txt'));
  symlinkSync('/etc', join(dir, 'etc.md'));
  // Special files: a FIFO blocks a reader forever, /dev/zero and /dev/urandom never end.
  execFileSync('mkfifo', [join(dir, 'x.txt')]);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  symlinkSync('/dev/urandom', join(dir, 'random.txt'));
  // A subfolder, hidden files, a file named ".txt".
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'inner.txt'), ARTICLE);
  writeFileSync(join(dir, '.txt'), ARTICLE);
  writeFileSync(join(dir, '.hidden.md'), ARTICLE);
  // Two files with one stem and different text; names that could forge report lines or drive a terminal.
  writeFileSync(join(dir, 'dup.txt'), 'Soldiers clashed with militants in Mopti on 3 May 2024.\n');
  writeFileSync(join(dir, 'dup.md'), 'Protesters gathered in Bamako on 4 May 2024.\n');
  writeFileSync(join(dir, NEWLINE_NAME), ARTICLE);
  writeFileSync(join(dir, ESCAPE_NAME), ARTICLE);
  writeFileSync(join(dir, ESCAPE_SKIPPED), 'not an article');
  // Right-to-left override in the text and in a title.
  writeFileSync(join(dir, 'bidi.txt'), 'Gunmen attacked \u202eoaG\u202c on 5 May 2024.\n');
  // sources.json as a bare list: a null entry first must not drop the entries after it.
  writeFileSync(
    join(dir, 'sources.json'),
    JSON.stringify([
      null,
      42,
      { title: 'no file' },
      { file: 'good.txt', title: 'Good \u202eeltit\u202c', publisher: 'Wire', published: '2024-05-02' },
      { file: 'dup.md', title: 'The Bamako protest' },
      { file: 'missing.txt', title: 'Not here' },
    ]),
  );
  const out = temp('hostile-out');
  const r = build(['--in', dir, '--out', out]);
  stderr = r.stderr;
  expect(r.signal, 'the build was killed (it hung)').toBeNull();
  expect(r.status, r.stderr).toBe(0);
  o = outputs(out);
}, 180_000);

describe('links, special files and folders', () => {
  it('reads nothing through a link: no system file, no parent file, no article twice', () => {
    expect(o.all).not.toContain('root:x:0:0');
    expect(o.all).not.toMatch(/VmRSS|TracerPid/);
    expect(o.all).not.toContain(readFileSync('/etc/hostname', 'utf8').trim() || 'no hostname');
    expect(o.all).not.toContain(parentSecret);
    const ids = o.sources.map((s) => s.file);
    for (const f of ['passwd.txt', 'hostname.txt', 'status.txt', 'parent.txt', 'again.txt', 'etc.md'])
      expect(ids).not.toContain(f);
  });

  it('names each skipped link with where it leads', () => {
    expect(skipReason(o, 'passwd.txt')).toMatch(/symbolic link to a file outside the corpus folder/);
    expect(skipReason(o, 'parent.txt')).toMatch(/symbolic link to a file outside the corpus folder/);
    expect(skipReason(o, 'again.txt')).toMatch(/symbolic link to a file inside the corpus folder/);
    expect(skipReason(o, 'broken.txt')).toMatch(/leads nowhere/);
    expect(skipReason(o, 'etc.md')).toMatch(/symbolic link to a folder outside/);
    expect(skipReason(o, 'zero.txt')).toMatch(/symbolic link to a character device outside/);
    expect(skipReason(o, 'random.txt')).toMatch(/symbolic link to a character device outside/);
    for (const f of ['passwd.txt', 'again.txt', 'zero.txt'])
      expect(o.reportTxt).toContain(`  ${f}: a symbolic link`);
  });

  it('reads only regular files: a FIFO is named, not opened', () => {
    expect(skipReason(o, 'x.txt')).toMatch(/FIFO \(named pipe\), not a regular file; skipped/);
  });

  it('says why a subfolder and hidden files are skipped', () => {
    expect(skipReason(o, 'sub')).toMatch(
      /a folder; skipped: only the articles at the top of the corpus folder/,
    );
    expect(skipReason(o, '.txt')).toMatch(/hidden/);
    expect(skipReason(o, '.hidden.md')).toMatch(/hidden/);
  });
});

describe('sources.json, ids and names', () => {
  it('reads a bare list; a null entry drops nothing after it; each bad entry is in the report', () => {
    const good = o.sources.find((s) => s.file === 'good.txt');
    expect(good?.title).toBe('Good eltit'); // and the override is gone
    expect(o.sources.find((s) => s.file === 'dup.md')?.title).toBe('The Bamako protest');
    const w = (o.report.warnings ?? []).filter((x) => x.file === 'sources.json').map((x) => x.why);
    expect(w).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/entry 1 is null, not an object; ignored/),
        expect.stringMatching(/entry 2 is a number/),
        expect.stringMatching(/entry 3 has no "file"/),
        expect.stringMatching(/describes missing\.txt, which is not in the corpus folder/),
      ]),
    );
    expect(o.reportTxt).toContain('Input warnings:');
    expect(o.reportTxt).toContain('sources.json: entry 1 is null');
  });

  it('gives two files with one stem their own source ids, and keeps the stem when it is unique', () => {
    const byFile = new Map(o.sources.map((s) => [s.file, s]));
    expect(byFile.get('dup.txt')?.id).toBe('dup.txt');
    expect(byFile.get('dup.md')?.id).toBe('dup.md');
    expect(byFile.get('dup.txt')?.text).toContain('Mopti');
    expect(byFile.get('dup.md')?.text).toContain('Bamako');
    expect(byFile.get('good.txt')?.id).toBe('good');
    const ids = o.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      (o.report.warnings ?? []).some((x) => x.file === 'dup.md' && /source id is "dup\.md"/.test(x.why)),
    ).toBe(true);
  });

  it('escapes names with newlines and escape codes in report.txt and on stderr', () => {
    expect(o.sources.some((s) => s.file === NEWLINE_NAME)).toBe(true); // built, under its real name
    expect(o.reportTxt).not.toMatch(/^== forged/m);
    expect(o.reportTxt).toContain('\n== evil_== forged\n');
    // eslint-disable-next-line no-control-regex -- no control character but tab and newline may remain
    expect(o.reportTxt).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(o.reportTxt).toContain('  \\u{1B}]0;pwned\\u{7}notes.docx: not an article (.docx); skipped');
    expect(stderr).not.toContain('\u001b');
    const ids = o.sources.map((s) => s.id);
    expect(ids).toContain('evil_== forged');
    expect(ids).toContain('_[2J_[31mred');
  });

  it('removes the right-to-left override from the text', () => {
    const bidi = o.sources.find((s) => s.file === 'bidi.txt');
    expect(bidi?.text).toBe('Gunmen attacked oaG on 5 May 2024.');
  });
});

describe('sources.json itself', () => {
  it('a sources.json that is a link is not read, and the report says so', () => {
    const top = temp('srclink');
    const dir = join(top, 'corpus');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.txt'), ARTICLE);
    writeFileSync(
      join(top, 'meta.json'),
      JSON.stringify({ sources: [{ file: 'good.txt', title: 'LEAKED' }] }),
    );
    symlinkSync('../meta.json', join(dir, 'sources.json'));
    const out = temp('srclink-out');
    const r = build(['--in', dir, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const got = outputs(out);
    expect(got.all).not.toContain('LEAKED');
    expect(got.report.warnings).toEqual([
      {
        file: 'sources.json',
        why: expect.stringMatching(/symbolic link to a file outside the corpus folder .*; not read/),
      },
    ]);
  }, 120_000);

  it('invalid JSON and a list-less object are input problems in the report, not only on stderr', () => {
    for (const [text, why] of [
      ['{ not json', /not valid JSON/],
      ['{"entries": []}', /an object without a "sources" list/],
    ] as const) {
      const dir = temp('srcbad');
      writeFileSync(join(dir, 'good.txt'), ARTICLE);
      writeFileSync(join(dir, 'sources.json'), text);
      const out = temp('srcbad-out');
      expect(build(['--in', dir, '--out', out]).status).toBe(0);
      const got = outputs(out);
      expect(got.report.warnings?.[0]?.why).toMatch(why);
      expect(got.reportTxt).toMatch(why);
    }
  }, 180_000);
});
