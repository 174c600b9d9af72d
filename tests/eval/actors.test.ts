import { describe, expect, it } from 'vitest';
import lexicon from '../../geodata/lexicon/actors.json';
import {
  ACTOR_RULES,
  IS_SAHEL,
  buildActorIndex,
  goldActor,
  normaliseAcledActor,
  scoreActorSet,
} from '../../src/eval/actors.ts';

// A small lexicon of our own, so the rules are tested apart from geodata edits.
const index = buildActorIndex([
  { name: 'JNIM', aliases: ['JNIM', 'GSIM'] },
  { name: IS_SAHEL, aliases: ['ISGS', 'Islamic State (Sahel)'] },
  { name: 'Tuareg rebels', aliases: ['MNLA'] },
  { name: 'UN / MINUSMA', aliases: ['MINUSMA'] },
  { name: 'Civilians', aliases: ['civilians', 'villagers'] },
  { name: 'Dozo Communal Militia', aliases: ['Dozo'] },
  { name: 'Dogon Ethnic Militia', aliases: ['Dan Na Ambassagou'] },
  { name: 'Fulani Ethnic Militia', aliases: ['Fulani militia'] },
]);

describe('normaliseAcledActor', () => {
  it.each([
    ['Military Forces of Mali (2013-2020)', 'Military Forces of Mali'],
    ['Military Forces of Mali (2021-)', 'Military Forces of Mali'],
    ['Police Forces of Burkina Faso (2015-) Gendarmerie', 'Police Forces of Burkina Faso'],
    ['Islamic State (Greater Sahara)', IS_SAHEL],
    ['Islamic State (Sahel)', IS_SAHEL],
    ['Islamic State (West Africa) - Greater Sahara Faction', IS_SAHEL],
    ['JNIM: Group for Support of Islam and Muslims', 'JNIM'],
    ['MNLA: National Movement for the Liberation of Azawad', 'Tuareg rebels'],
    [
      'MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2020)',
      'UN / MINUSMA',
    ],
    ['Unidentified Armed Group (Mali)', 'Unidentified armed group'],
    ['Civilians (Mali)', 'Civilians'],
    ['Protesters (Burkina Faso)', 'Protesters'],
    ['Rioters (Niger)', 'Rioters'],
    ['Military Forces of France (2017-)', 'France'],
    ['Dan Na Ambassagou', 'Dogon Ethnic Militia'],
    ['Dozo Communal Militia (Mali)', 'Dozo Communal Militia'],
    ['Fulani Ethnic Militia (Mali)', 'Fulani Ethnic Militia'],
    ['Dogon Ethnic Militia (Mali)', 'Dogon Ethnic Militia'],
  ])('%s -> %s', (acled, canonical) => {
    expect(normaliseAcledActor(acled, index)).toBe(canonical);
  });

  it('keeps the table small and documented', () => {
    expect(ACTOR_RULES.length).toBeLessThan(30);
    for (const r of ACTOR_RULES) expect(r.why.length).toBeGreaterThan(0);
  });

  it('maps the rule targets to canonical names of the project lexicon', () => {
    const real = buildActorIndex(lexicon.actors);
    const canonical = new Set(lexicon.actors.map((a) => a.name));
    for (const name of [
      'JNIM: Group for Support of Islam and Muslims',
      'Islamic State (Greater Sahara)',
      'AQIM: Al Qaeda in the Islamic Maghreb',
      'Boko Haram - Wilayat Gharb Ifriqiyyah',
      'Military Forces of Mali (2021-)',
      'Civilians (Mali)',
      'Protesters (Burkina Faso)',
      'Unidentified Armed Group (Mali)',
      'VDP: Volunteer for Defense of Homeland',
    ]) {
      expect(canonical.has(normaliseAcledActor(name, real)), name).toBe(true);
    }
  });
});

describe('goldActor and scoreActorSet', () => {
  it('reads "A and/or B" as alternatives and empty cells as none', () => {
    expect(goldActor('', index)).toBeNull();
    expect(
      goldActor('JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)', index),
    ).toEqual(['JNIM', IS_SAHEL]);
  });

  it('scores sets regardless of order and case, each gold item once', () => {
    expect(scoreActorSet([['Civilians'], ['JNIM']], ['jnim', 'Civilians'])).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(scoreActorSet([['JNIM', IS_SAHEL]], [IS_SAHEL])).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scoreActorSet([['JNIM', IS_SAHEL]], [IS_SAHEL, 'JNIM'])).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(scoreActorSet([['Civilians'], ['Civilians']], ['Civilians', 'Civilians'])).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
    });
    expect(scoreActorSet([['Military Forces of Mali']], [])).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});
