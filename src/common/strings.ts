// String order: code-unit comparison, the same in every locale (localeCompare is not deterministic across machines).

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
