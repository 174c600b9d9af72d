// A long line costs each of its mentions a bounded window of text in the report, not the whole line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildFolder } from './helpers.ts';

// Built in this process as the CLI builds it (helpers.ts buildFolder): report.json's content, with the shared context.
it('each mention of a 60 KB line keeps at most its sentence window in report.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sahel-window-'));
  try {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'in.txt'), `Gunmen attacked Gao on Sunday. ${'Gao '.repeat(15_000)}.\n`);
    const { report } = buildFolder(corpus);
    expect(report.documents.map((d) => d.status)).toEqual(['ok']);
    // Every mention is counted; at most 100 identical ones are listed, with how many more there are.
    expect(report.counts.mentions).toBeGreaterThan(10_000);
    expect(report.mentions.length).toBeLessThanOrEqual(100);
    expect(report.counts.mentions_unlisted).toBe((report.counts.mentions ?? 0) - report.mentions.length);
    expect(report.mentions.some((m) => /\d+ more mention\(s\) like this one not listed/.test(m.why))).toBe(
      true,
    );
    const longest = Math.max(...report.mentions.map((m) => m.sentence.length));
    // A window of 150 characters each side of the mention, and an ellipsis at each cut end.
    expect(longest).toBeLessThanOrEqual(150 * 2 + 3 + 2);
    expect(report.mentions[0]?.sentence).toBe('Gunmen attacked Gao on Sunday.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
