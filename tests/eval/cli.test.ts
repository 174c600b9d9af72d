// The CLI end to end on the project's own fixtures: the JSON interface other tools read.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIX = 'tests/fixtures/eval';
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
const lastJson = (stdout: string): Record<string, unknown> =>
  JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;

describe('npm run eval', () => {
  it('--acled prints a table and, last, the JSON object', () => {
    const r = run(['--acled', `${FIX}/acled_tiny.csv`, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('acc@25km');
    const j = lastJson(r.stdout);
    expect(Object.keys(j).slice(0, 7)).toEqual([
      'n',
      'acc25',
      'acc161',
      'median_km',
      'actor_f1',
      'event_type_acc',
      'fatalities_exact',
    ]);
    expect(j.n).toBe(5);
    for (const k of ['acc25', 'acc161', 'event_type_acc', 'fatalities_exact']) {
      expect(j[k]).toBeGreaterThanOrEqual(0);
      expect(j[k]).toBeLessThanOrEqual(1);
    }
  }, 180_000);

  it('--geoparse prints per-corpus rows, anchors and the JSON object', () => {
    const r = run([
      '--geoparse',
      `${FIX}/geoparse_tiny_docs.jsonl`,
      `${FIX}/geoparse_tiny_toponyms.csv`,
      '--anchors',
      `${FIX}/anchors_tiny.csv`,
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('FixVirus');
    expect(r.stdout).toContain('ParserA');
    const j = lastJson(r.stdout);
    expect(Object.keys(j).slice(0, 6)).toEqual(['n', 'precision', 'recall', 'f1', 'acc161', 'median_km']);
    expect(j.n).toBe(12);
  }, 180_000);

  it('explains its usage', () => {
    expect(run(['--help']).stdout).toContain('--geoparse');
    const bad = run([]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('exactly one of');
  }, 180_000);
});
