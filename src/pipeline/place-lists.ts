// Lists of places ("Douentza, Koro, Thy, Bapho, Ségou, Kolokani"): the resolver reads a list as towns named
// side by side, not as a hierarchy where each name is a unit of the one before (resolve.ts). And names owned by
// a country ("Burkina Faso's Sahel region").

import type { Mention } from './types.ts';

/** A run of names this long, each a comma or "and" (or one unknown name) from the next, is a list of places,
 * not a hierarchy. */
const LIST_MIN = 4;
const LIST_GAP = 12;
/** What separates two names of a list: a comma or "and"/"or", around at most one other capitalised name. */
const LIST_SEPARATOR = /^\s*(?:,|,?\s*(?:and|or|&))\s*(?:\p{Lu}[\p{L}'’-]*\s*(?:,|,?\s*(?:and|or|&))\s*)?$/u;

/** Mentions inside a list of places ("Douentza, Koro, Thy, Bapho and Ségou"), each to its list; `sorted` is the
 * document's mentions in text order. */
function enumerated(sorted: readonly Mention[], text: string | undefined): Map<Mention, Mention[]> {
  const out = new Map<Mention, Mention[]>();
  let run: Mention[] = [];
  const close = () => {
    if (run.length >= LIST_MIN) for (const m of run) out.set(m, run);
  };
  for (const m of sorted) {
    if (m.rejected) continue;
    const last = run[run.length - 1];
    const gap =
      last && m.start >= last.end && m.start - last.end <= LIST_GAP
        ? (text?.slice(last.end, m.start) ?? null)
        : null;
    if (last && last.sentence === m.sentence && gap !== null && LIST_SEPARATOR.test(gap)) run.push(m);
    else {
      close();
      run = [m];
    }
  }
  close();
  return out;
}

/** What the resolver reads of the lists: which mentions are listed, which the list vouches for (it has two towns
 * or larger besides the mention), and each listed mention's next name, the only one that can be its unit
 * ("Bougou and Bandiagara (Bandiagara, Mopti)"). `villagesOnly` says whether a mention names villages only. */
export function placeLists(
  sorted: readonly Mention[],
  text: string | undefined,
  villagesOnly: (m: Mention) => boolean,
): { listed: Map<Mention, Mention[]>; vouched: Set<Mention>; nextInList: Map<Mention, Mention> } {
  const listed = enumerated(sorted, text);
  const vouched = new Set<Mention>();
  const nextInList = new Map<Mention, Mention>();
  for (const run of new Set(listed.values())) {
    const towns = run.filter((x) => !villagesOnly(x)).length;
    run.forEach((x, i) => {
      if (towns - (villagesOnly(x) ? 0 : 1) >= 2) vouched.add(x);
      const next = run[i + 1];
      if (next) nextInList.set(x, next);
    });
  }
  return { listed, vouched, nextInList };
}

/** A country's possessive right before a name ("Burkina Faso's Sahel region", "Niger's Tillabéri region"): the
 * country code, per mention; `countries` gives the countries a mention names. */
export function possessors(
  sorted: readonly Mention[],
  text: string | undefined,
  countries: (m: Mention) => readonly string[],
): Map<Mention, string> {
  const out = new Map<Mention, string>();
  if (!text) return out;
  sorted.forEach((m, i) => {
    const prev = sorted[i - 1];
    if (!prev || prev.sentence !== m.sentence || m.start - prev.end > 4) return;
    if (!/^['’]s\s+$/u.test(text.slice(prev.end, m.start))) return;
    const named = countries(prev);
    if (named.length === 1) out.set(m, named[0] as string);
  });
  return out;
}
