// Risk rows (src/pipeline/claims/risk-rows.ts): which place each row of an article's table is about.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.ts';

const cases = [
  {
    rule: "rows of one country's regions resolve inside that country",
    text: 'Region | Risk\n---|---\nSahel | High\nCentre-Nord | High\nBoucle du Mouhoun | Medium\n',
    expect: ['admin1:BF-12', 'admin1:BF-05', 'admin1:BF-01'],
  },
  {
    rule: 'a table of countries keeps countries',
    text: 'Region | Risk\n---|---\nMali | High\nNiger | High\nBurkina Faso | Medium\n',
    expect: ['country:ML', 'country:NE', 'country:BF'],
  },
  {
    rule: 'a table keyed by neither region nor places stays unlocated',
    text: 'Item | Risk\n---|---\nFuel | High\nFood | Medium\n',
    expect: [null, null],
  },
];

describe('risk rows', () => {
  it.each(cases)('$rule', (c) => expect(run(c.text).riskRows.map((x) => x.placeId)).toEqual(c.expect));
});
