/**
 * User dictionaries on disk, shared by the language server and the CLI: the nearest `.gongwen/` folder
 * above a report (every *.yml / *.yaml in it) plus any files a setting or option names. Node-only glue:
 * reads files, hands their text to the pure core, and writes the “加入词典” change atomically.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { resourcesWithUserDictionaries, defaultResources, type DictionaryProblem, type Resources } from '../core';

export const DICTIONARY_DIR = '.gongwen';
export const DEFAULT_DICTIONARY_FILE = 'dictionary.yml';

/** The nearest `.gongwen` folder at or above `dir`, if any. */
export function findDictionaryDir(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, DICTIONARY_DIR);
    try {
      if (statSync(candidate).isDirectory()) return candidate;
    } catch {
      // not here
    }
    if (dirname(d) === d) return undefined;
  }
}

/** The dictionary files that apply to a report in `reportDir`, plus `extra` (absolute, or relative to `base`). */
export function dictionaryFiles(reportDir: string, extra: readonly string[] = [], base = reportDir): string[] {
  const files: string[] = [];
  const dir = findDictionaryDir(reportDir);
  if (dir) {
    try {
      for (const name of readdirSync(dir).sort()) if (/\.ya?ml$/i.test(name)) files.push(join(dir, name));
    } catch {
      // unreadable folder: reported when a file in it cannot be read
    }
  }
  for (const p of extra) files.push(isAbsolute(p) ? p : resolve(base, p));
  return [...new Set(files)];
}

export interface LoadedResources {
  resources: Resources;
  /** Identifies the set of files and their versions (cache key for findings). */
  key: string;
  problems: DictionaryProblem[];
}

interface CacheEntry {
  stamp: string;
  loaded: LoadedResources;
}

/** Loads and caches resources per set of dictionary files; a changed file (mtime/size) reloads. */
export class DictionaryStore {
  private readonly cache = new Map<string, CacheEntry>();

  load(files: readonly string[]): LoadedResources {
    if (!files.length) return { resources: defaultResources(), key: 'shipped', problems: [...defaultResources().problems] };
    const stamps = files.map((f) => {
      try {
        const st = statSync(f);
        return `${f}:${st.mtimeMs}:${st.size}`;
      } catch {
        return `${f}:missing`;
      }
    });
    const id = files.join('\n');
    const stamp = stamps.join('\n');
    const hit = this.cache.get(id);
    if (hit && hit.stamp === stamp) return hit.loaded;
    const texts: { file: string; text: string }[] = [];
    const readProblems: DictionaryProblem[] = [];
    for (const file of files) {
      try {
        texts.push({ file, text: readFileSync(file, 'utf8') });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        readProblems.push({ file, line: 1, message: code === 'ENOENT' ? '词典文件不存在。' : `无法读取词典文件（${code ?? String(e)}）。` });
      }
    }
    const resources = resourcesWithUserDictionaries(texts);
    const loaded: LoadedResources = { resources, key: stamp, problems: [...readProblems, ...resources.problems] };
    this.cache.set(id, { stamp, loaded });
    return loaded;
  }

  clear(): void {
    this.cache.clear();
  }
}

/**
 * Adds `word` to the `words` list of the dictionary file (created with a header when missing), keeping
 * the file's comments and layout; written to a temporary file and renamed, so a failure leaves it intact.
 */
export function addKnownWord(file: string, word: string): { added: boolean } {
  let text = '';
  if (existsSync(file)) text = readFileSync(file, 'utf8');
  else text = '# 公文助手工作区词典：words 中的词不再报为错别字；rules 可添加“错误写法 → 正确写法”。\nversion: 1\nwords: []\n';
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`词典文件 ${file} 格式有误（${doc.errors[0].message.split('\n')[0]}），未作修改。`);
  let words = doc.get('words', true);
  if (!isSeq(words)) {
    doc.set('words', doc.createNode([]));
    words = doc.get('words', true);
  }
  const seq = words as { items: { value?: unknown }[]; flow?: boolean };
  if (seq.items.some((i) => i.value === word)) return { added: false };
  doc.addIn(['words'], word);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, doc.toString());
  renameSync(tmp, file);
  return { added: true };
}
