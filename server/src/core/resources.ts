/**
 * What rules may consult beyond the text: the dictionaries (shipped defaults plus the users' own) and the
 * words users declared known. Built once per set of dictionaries and shared by every check.
 */
import { SHIPPED_DICTIONARIES } from './data';
import type { Dictionary, DictionaryCategory, DictionaryProblem } from './dict/dictionary';
import { loadDictionary } from './dict/load';
import { DictionaryMatcher } from './dict/matcher';

export interface Resources {
  matchers: Record<DictionaryCategory, DictionaryMatcher>;
  /** Words users declared correct (dictionary `words`): typo rules never report them. */
  knownWords: ReadonlySet<string>;
  /** Problems found while loading the dictionaries (Chinese, with file and line). */
  problems: readonly DictionaryProblem[];
}

export function loadShippedDictionaries(): { dictionaries: Dictionary[]; problems: DictionaryProblem[] } {
  const dictionaries: Dictionary[] = [];
  const problems: DictionaryProblem[] = [];
  for (const { file, text } of SHIPPED_DICTIONARIES) {
    const loaded = loadDictionary(file, text);
    dictionaries.push(loaded.dictionary);
    problems.push(...loaded.problems);
  }
  return { dictionaries, problems };
}

export function buildResources(dictionaries: readonly Dictionary[], problems: readonly DictionaryProblem[] = []): Resources {
  const byCategory: Record<DictionaryCategory, Dictionary['entries']> = { typo: [], formulation: [] };
  const knownWords = new Set<string>();
  for (const d of dictionaries) {
    byCategory[d.category].push(...d.entries);
    for (const w of d.words) knownWords.add(w);
  }
  return {
    matchers: { typo: new DictionaryMatcher(byCategory.typo), formulation: new DictionaryMatcher(byCategory.formulation) },
    knownWords,
    problems,
  };
}

let shipped: Resources | undefined;

/** The shipped dictionaries only (cached): what the CLI and tests use unless given user dictionaries. */
export function defaultResources(): Resources {
  if (!shipped) {
    const { dictionaries, problems } = loadShippedDictionaries();
    shipped = buildResources(dictionaries, problems);
  }
  return shipped;
}

/** Shipped dictionaries plus user ones (YAML texts with their file names). */
export function resourcesWithUserDictionaries(files: readonly { file: string; text: string }[]): Resources {
  const { dictionaries, problems } = loadShippedDictionaries();
  for (const f of files) {
    const loaded = loadDictionary(f.file, f.text);
    dictionaries.push(loaded.dictionary);
    problems.push(...loaded.problems);
  }
  return buildResources(dictionaries, problems);
}
