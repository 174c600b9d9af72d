// CSV export (issue 11): no cell a spreadsheet could run, however the formula is disguised, and every cell with
// a separator quoted. The text itself is kept: a prefix "'" makes it text, nothing is removed.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/app/lib/export.ts';

describe('csvCell', () => {
  it('defuses a formula after a leading NUL, white space or invisible characters', () => {
    for (const disguise of [
      '\u0000',
      ' ',
      '  ',
      '\t',
      '\r',
      '\n',
      '\u00a0',
      '\u3000',
      '\u200b',
      '\u2060',
      '\ufeff',
      '\u202e',
      '\u00ad',
      '\u200b \u0000',
    ])
      for (const start of ['=', '+', '-', '@']) {
        const cell = `${disguise}${start}HYPERLINK("http://x","y")`;
        const out = csvCell(cell);
        const unquoted = out.startsWith('"') ? out.slice(1, -1).replaceAll('""', '"') : out;
        expect(unquoted, JSON.stringify(cell)).toBe(`'${cell}`);
      }
  });

  it('defuses a leading NUL or invisible character even without a formula, and keeps plain text and numbers', () => {
    expect(csvCell('\u0000abc')).toBe("'\u0000abc");
    expect(csvCell('\u200babc')).toBe("'\u200babc");
    expect(csvCell('  two spaces')).toBe('  two spaces');
    expect(csvCell('Gao = the town')).toBe('Gao = the town');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell(null)).toBe('');
  });

  it('quotes any cell with a separator (comma, semicolon, tab), a quote or a line break', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\u2028b')).toBe('"a\u2028b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('=1;2')).toBe('"\'=1;2"');
  });
});
