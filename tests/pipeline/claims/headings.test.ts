// Headings (src/pipeline/claims/index.ts): a title restates the story and makes no claim of its own; a document
// of nothing but unpunctuated lines is its text.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.ts';

describe('headings', () => {
  it('a title over a story makes no claim of its own', () => {
    const titled = run('Gunmen attack Gao market\n\nSoldiers repelled the assault near Mopti on 2 May 2024.');
    expect(titled.claims.map((c) => c.text)).toEqual([
      'Soldiers repelled the assault near Mopti on 2 May 2024.',
    ]);
  });
  it('a document of one unpunctuated line is its text', () => {
    const note = run('Truck struck by IED 12km from Ansongo, 5 civilians killed and 9 wounded');
    expect(note.claims).toHaveLength(1);
    expect(note.claims[0]).toMatchObject({ eventType: 'Explosions/Remote violence', fatalities: 5 });
  });
  it('a heading with its own date is a report', () => {
    expect(run('Gunmen attack Gao market on 2 May 2024\n\nThe army said little.').claims).toHaveLength(1);
  });
});
