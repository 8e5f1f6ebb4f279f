/** Loading a dictionary = parsing it and checking its specs (wrong → right examples) with the real matcher. */
import { parseDictionary, type Dictionary, type DictionaryEntry, type DictionaryProblem } from './dictionary';
import { DictionaryMatcher } from './matcher';

export function loadDictionary(file: string, text: string): { dictionary: Dictionary; problems: DictionaryProblem[] } {
  const { dictionary, problems } = parseDictionary(file, text);
  for (const entry of dictionary.entries) {
    for (const spec of entry.specs) {
      const got = correctWith(entry, spec.from);
      if (got !== spec.to) {
        problems.push({
          file,
          line: spec.line,
          message: `“${entry.expected}”的示例不成立：“${spec.from}”应改为“${spec.to}”，实际得到“${got}”。`,
        });
      }
    }
  }
  return { dictionary, problems };
}

/** The text with every hit of this one entry replaced by its expected form. */
export function correctWith(entry: DictionaryEntry, text: string): string {
  let out = '';
  let pos = 0;
  for (const h of new DictionaryMatcher([entry]).find(text, 0, text.length)) {
    out += text.slice(pos, h.start) + entry.expected;
    pos = h.end;
  }
  return out + text.slice(pos);
}
