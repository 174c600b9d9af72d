// The build CLI end to end: bad input is named and skipped, nothing else is lost, and two builds are identical.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/load.ts';

const cli = join(ROOT, 'scripts/build-data.ts');
// node --import tsx: what the tsx command runs, without its wrapper process
const tsx = (args: string[]) => [process.execPath, ['--import', 'tsx', cli, ...args]] as const;
const build = (args: string[]) => spawnSync(...tsx(['--quiet', ...args]), { encoding: 'utf8', cwd: ROOT });

describe('build:data CLI', () => {
  it('prints help', () => {
    expect(execFileSync(...tsx(['--help']), { encoding: 'utf8', cwd: ROOT })).toMatch(/--in DIR/);
  });

  it('two builds of the bundled corpus are byte-identical', () => {
    const a = mkdtempSync(join(tmpdir(), 'sahel-a-'));
    const b = mkdtempSync(join(tmpdir(), 'sahel-b-'));
    expect(build(['--out', a]).status).toBe(0);
    expect(build(['--out', b]).status).toBe(0);
    for (const f of readdirSync(a).filter((x) => x.includes('.'))) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
  }, 180_000);

  it('skips broken files with a reason and still builds the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahel-bad-'));
    copyFileSync(join(ROOT, 'geodata/sources/001_b1b5132ae4252ba2.txt'), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '   \n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(
      join(dir, 'latin1.txt'),
      Buffer.from('Des affrontements \xe0 S\xe9gou le 2 mai 2024 ont tu\xe9 3 soldats.', 'latin1'),
    );
    writeFileSync(join(dir, 'huge.txt'), 'x'.repeat(6 * 1024 * 1024));
    writeFileSync(
      join(dir, 'broken.html'),
      '<html><body><p>Gunmen attacked Gao on 2 May 2024<div><table><tr><td>unclosed',
    );
    writeFileSync(join(dir, 'ragged.md'), 'Region | Impact\n---|---\nMali | High | extra cell\nNiger\n');
    writeFileSync(join(dir, 'sources.json'), '{ not json');
    const out = mkdtempSync(join(tmpdir(), 'sahel-out-'));
    const r = build(['--in', dir, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/binary\.txt: binary file/);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    expect(r.stderr).toMatch(/huge\.txt: 6\.0 MB is over/);
    expect(r.stderr).toMatch(/latin1\.txt: not valid UTF-8/);
    expect(r.stderr).toMatch(/sources\.json: not valid JSON/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const skipped = report.documents
      .filter((d: { status: string }) => d.status === 'skipped')
      .map((d: { file: string }) => d.file);
    expect(skipped.sort()).toEqual(['binary.txt', 'empty.txt', 'huge.txt']);
    const risk = JSON.parse(readFileSync(join(out, 'risk.json'), 'utf8'));
    // The extra cell is folded into the last column; a line with no pipe after the table stays prose, not lost.
    expect(risk.map((x: { cells: string[] }) => x.cells)).toEqual([['Mali', 'High | extra cell']]);
    const sources = JSON.parse(readFileSync(join(out, 'sources.json'), 'utf8'));
    expect(sources.find((s: { id: string }) => s.id === 'ragged').text).toMatch(/Niger$/);
    expect(sources.find((s: { id: string }) => s.id === 'latin1').text).toContain('Ségou');
    const incidents = JSON.parse(readFileSync(join(out, 'incidents.geojson'), 'utf8'));
    expect(
      incidents.features.some(
        (f: { properties: { place_name: string } }) => f.properties.place_name === 'Gao',
      ),
    ).toBe(true);
  }, 180_000);

  it('exits non-zero only when nothing could be built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahel-none-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = build(['--in', dir, '--out', mkdtempSync(join(tmpdir(), 'sahel-o-'))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no readable article/);
  }, 180_000);
});
