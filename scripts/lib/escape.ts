// Names and messages that come from a corpus folder, made safe for a line of text: a file name with a newline
// could forge a line of report.txt, an escape code could rewrite the terminal, a bidi override could show it
// reversed. JSON output needs none of this (JSON.stringify escapes control characters).

/** C0 controls but tab, DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides, isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/** Each unsafe character as a visible escape ("\n", "\u{1B}"); a string without one is returned as it is. */
export function escapeControls(s: string): string {
  return s.replace(
    UNSAFE,
    (c) => NAMED[c] ?? `\\u{${(c.codePointAt(0) as number).toString(16).toUpperCase()}}`,
  );
}

/** Does the string hold a character escapeControls would change (other than a backslash)? */
export function hasControls(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return found;
}

/** A name with every unsafe character shown as "_": for ids, which the map displays and puts in URLs. */
export function visibleName(s: string): string {
  return s.replace(UNSAFE, '_');
}
