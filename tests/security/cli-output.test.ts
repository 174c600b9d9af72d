// Where the build writes and what geodata it trusts (issue 11): the output folder is replaced whole only when
// the build is complete, never equal to, inside or around the corpus, never a folder of other things; geodata
// links are not followed and custom-places problems reach the report.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';
import { writeOutputDir } from '../../scripts/lib/output-dir.ts';
import { readRegular } from '../../scripts/lib/safe-read.ts';
import { ARTICLE, build, outputs, temp } from './helpers.ts';

function corpus(name: string): string {
  const dir = temp(name);
  writeFileSync(join(dir, 'good.txt'), ARTICLE);
  writeFileSync(
    join(dir, 'sources.json'),
    JSON.stringify({ sources: [{ file: 'good.txt', title: 'Mine' }] }),
  );
  return dir;
}

describe('the output folder', () => {
  it('refuses --out equal to, inside or around --in, and leaves the corpus as it was', () => {
    const dir = corpus('inout');
    const before = readFileSync(join(dir, 'sources.json'), 'utf8');
    mkdirSync(join(dir, 'nested'));
    const cases: [string[], RegExp][] = [
      [['--in', dir, '--out', dir], /--out and --in are the same folder/],
      [['--in', dir, '--out', join(dir, 'out')], /is inside the corpus folder/],
      [['--in', join(dir, 'nested'), '--out', dir], /is inside --out/],
    ];
    for (const [args, message] of cases) {
      const r = build(args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
    }
    expect(readFileSync(join(dir, 'sources.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['good.txt', 'nested', 'sources.json']);
  }, 180_000);

  it('refuses to replace a folder holding files a build does not write', () => {
    const out = temp('foreign');
    writeFileSync(join(out, 'thesis.docx'), 'years of work');
    const r = build(['--in', corpus('foreign-in'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/holds 1 entry a build does not write \("thesis\.docx"\)/);
    expect(readdirSync(out)).toEqual(['thesis.docx']);
  }, 180_000);

  it('replaces an earlier build whole: a write that fails leaves no mix of old and new files', () => {
    // The previous build's report.json is a folder: writing it in place failed after incidents, risk and
    // sources were already new, beside the previous report.txt and unlocated.json.
    // In a folder of its own: the build's temporary siblings are looked for beside it, not among all of /tmp.
    const parent = temp('atomic');
    const out = join(parent, 'data');
    mkdirSync(out);
    for (const f of ['incidents.geojson', 'risk.json', 'sources.json', 'unlocated.json', 'report.txt'])
      writeFileSync(join(out, f), 'OLD');
    mkdirSync(join(out, 'report.json'));
    const r = build(['--in', corpus('atomic-in'), '--out', out]);
    const isOld = (f: string) =>
      statSync(join(out, f)).isFile() && readFileSync(join(out, f), 'utf8') === 'OLD';
    const stale = readdirSync(out).filter(isOld);
    expect(stale).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    expect(outputs(out).sources[0]?.title).toBe('Mine');
    expect(readdirSync(parent)).toEqual(['data']);
  }, 180_000);

  it('writeOutputDir: a file whose content throws leaves the previous folder untouched and no temporary folder', () => {
    const parent = temp('wod');
    const out = join(parent, 'data');
    mkdirSync(out);
    writeFileSync(join(out, 'a.json'), 'previous');
    const ours = new Set(['a.json', 'b.json']);
    expect(() =>
      writeOutputDir(
        out,
        [
          ['a.json', () => 'new'],
          [
            'b.json',
            () => {
              throw new RangeError('Invalid string length');
            },
          ],
        ],
        ours,
      ),
    ).toThrow(/Invalid string length/);
    expect(readdirSync(parent)).toEqual(['data']);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('previous');
    writeOutputDir(out, [['b.json', () => 'new']], ours);
    expect(readdirSync(out)).toEqual(['b.json']);
    expect(readdirSync(parent)).toEqual(['data']);
    rmSync(parent, { recursive: true });
  });
});

describe('geodata', () => {
  it('links in --geodata are not followed; custom-places problems are in the report', () => {
    const geo = temp('geo');
    // The village layers (15 MB, most of a build's start-up) are left out: the links, not the places, are tested.
    const skip = new Set(['sources', 'gazetteer-sahel.json', 'osm-places-sahel.json', 'admin2.geojson']);
    cpSync(join(ROOT, 'geodata'), geo, { recursive: true, filter: (src) => !skip.has(basename(src)) });
    rmSync(join(geo, 'custom-places.json'), { force: true });
    symlinkSync('/etc/passwd', join(geo, 'custom-places.json'));
    rmSync(join(geo, 'regions.geojson'));
    symlinkSync(join(ROOT, 'geodata/regions.geojson'), join(geo, 'regions.geojson'));
    const out = temp('geo-out');
    const r = build(['--in', corpus('geo-in'), '--out', out, '--geodata', geo]);
    expect(r.status, r.stderr).toBe(0);
    const o = outputs(out);
    expect(o.all).not.toContain('root:x:0:0');
    const w = o.report.warnings ?? [];
    expect(w).toEqual(
      expect.arrayContaining([
        {
          file: 'custom-places.json',
          why: expect.stringMatching(/symbolic link to a file outside the geodata folder/),
        },
        {
          file: 'regions.geojson',
          why: expect.stringMatching(/symbolic link .*not copied: the map will lack regions/),
        },
      ]),
    );
    expect(existsSync(join(out, 'regions.geojson'))).toBe(false);
    expect(o.reportTxt).toMatch(/custom-places\.json: .*symbolic link/);

    rmSync(join(geo, 'custom-places.json'));
    writeFileSync(join(geo, 'custom-places.json'), '{ not json');
    const out2 = temp('geo-out2');
    expect(build(['--in', corpus('geo-in2'), '--out', out2, '--geodata', geo]).status).toBe(0);
    expect(outputs(out2).report.warnings?.[0]).toEqual({
      file: 'custom-places.json',
      why: expect.stringMatching(/not valid JSON/),
    });

    rmSync(join(geo, 'gazetteer.json'));
    symlinkSync(join(ROOT, 'geodata/gazetteer.json'), join(geo, 'gazetteer.json'));
    const r3 = build(['--in', corpus('geo-in3'), '--out', temp('geo-out3'), '--geodata', geo]);
    expect(r3.status).toBe(1);
    expect(r3.stderr).toMatch(/cannot load the geodata folder .*gazetteer\.json: a symbolic link/);
  }, 180_000);
});

describe('readRegular', () => {
  it('stops at the limit whatever stat says (a /proc file says 0 bytes)', () => {
    const r = readRegular('/proc/self', 'status', 64);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.why).toMatch(/more than the .* limit/);
    const dir = temp('limit');
    writeFileSync(join(dir, 'f.txt'), '12345678901');
    expect(readRegular(dir, 'f.txt', 10)).toMatchObject({ ok: false, tooBig: true });
    expect(readRegular(dir, 'f.txt', 11)).toMatchObject({ ok: true });
    expect(readRegular(dir, 'none.txt', 11)).toMatchObject({ ok: false, missing: true });
  });
});
