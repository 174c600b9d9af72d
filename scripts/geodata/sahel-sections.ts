// Villages GeoNames splits into sections ("Kabonga 1" and "Kabonga 2", "Tiamey Peul"): the news names the
// village plainly ("in the area of Kabonga (Kompienga)"), so one section takes the plain name as an alternate.
import { compareStrings } from '../../src/common/strings.ts';
import type { SahelPlace } from './sahel-format.ts';
import { spacingFreeKey } from './sahel-merge.ts';

/** A section's suffix: a number, a Roman numeral, a letter, or the people of that part of the village. */
const SECTION = /^(\p{L}[\p{L}' -]*\p{L}(?<![\s-](?:I|II|III|IV|V)))[\s-]+(1|2|3|I|II|III|A|B|Peul|Peulh|Mossi|Bozo|Dogon)$/u;
const ORDER = ['1', 'I', 'A', '2', 'II', 'B', '3', 'III'];
/** Settlement types a section can be (not quarters of a city: "Cité An III" is no village "Cité An"). */
const SETTLEMENTS = new Set(['village', 'hamlet', 'admin3', 'locality']);

export interface SectionAlias {
  id: string;
  plain: string;
}

/**
 * Which record takes each plain name: only when no record of the country (in `all`, every layer) has the plain
 * key already, the plain name has four letters or more and is no ordinary word, and one section stands first: the lowest number of its
 * country and admin-2 unit ("Kabonga 1"), or the only section of a people ("Tiamey Peul"; two peoples' sections
 * of one name decide nothing). Sorted by id.
 */
export function sectionAliases(
  places: readonly SahelPlace[],
  all: readonly SahelPlace[],
  isWord: (key: string) => boolean,
): SectionAlias[] {
  const taken = new Set<string>();
  for (const p of all) for (const k of p.keys) taken.add(`${p.country}|${k}`);
  const groups = new Map<string, { p: SahelPlace; plain: string; suffix: string }[]>();
  for (const p of places) {
    if (!SETTLEMENTS.has(p.type)) continue;
    const m = SECTION.exec(p.name);
    if (!m) continue;
    const plain = m[1] as string;
    const key = spacingFreeKey(plain);
    if (key.length < 4 || isWord(key) || taken.has(`${p.country}|${key}`)) continue;
    const group = `${p.country}|${p.admin2?.id ?? ''}|${key}`;
    let list = groups.get(group);
    if (!list) groups.set(group, (list = []));
    list.push({ p, plain, suffix: m[2] as string });
  }
  const out: SectionAlias[] = [];
  for (const list of groups.values()) {
    const numbered = list.filter((x) => ORDER.includes(x.suffix));
    const pick = numbered.length
      ? numbered.sort((a, b) => ORDER.indexOf(a.suffix) - ORDER.indexOf(b.suffix) || compareStrings(a.p.id, b.p.id))[0]
      : list.length === 1
        ? list[0]
        : undefined;
    if (pick) out.push({ id: pick.p.id, plain: pick.plain });
  }
  return out.sort((a, b) => compareStrings(a.id, b.id));
}
