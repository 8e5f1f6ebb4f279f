/**
 * Dictionaries as data (prh-like YAML): the shipped defaults and the users' own. Loading never throws:
 * every fault comes back as a Chinese problem naming file and line, and the rest of the file still works.
 *
 *   version: 1
 *   category: typo            # typo（错别字，默认）| formulation（规范表述）
 *   words: [放管服, 提质增效]  # known words: never reported as unseen typos (“加入词典” writes here)
 *   rules:
 *     - expected: 再接再厉
 *       patterns: [再接再励]   # literal text; /…/ is a pattern in the safe regex subset (safeRegex.ts)
 *       allow: [再接再励杯]    # phrases in which a match is fine
 *       context: false         # true: depends on context — a warning with the note, no automatic fix
 *       severity: error        # optional: error | warning | info | hint
 *       note: 说明
 *       source: 《现代汉语词典》第7版
 *       specs:                 # checked when the file loads: from → to (to = from means “no finding”)
 *         - { from: 要再接再励, to: 要再接再厉 }
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { SEVERITIES, type Severity } from '../types';
import { SafeRegex, SafeRegexError } from './safeRegex';

export type DictionaryCategory = 'typo' | 'formulation';

export interface DictionaryPattern {
  source: string;
  /** Set for /…/ patterns. */
  regex?: SafeRegex;
}

export interface DictionaryEntry {
  expected: string;
  patterns: DictionaryPattern[];
  allow: string[];
  context: boolean;
  severity?: Severity;
  note?: string;
  source?: string;
  specs: { from: string; to: string; line: number }[];
  file: string;
  line: number;
  category: DictionaryCategory;
}

export interface Dictionary {
  file: string;
  category: DictionaryCategory;
  words: string[];
  entries: DictionaryEntry[];
}

export interface DictionaryProblem {
  file: string;
  /** 1-based line, as editors show it. */
  line: number;
  message: string;
}

const MAX_ENTRIES = 50_000;

/** Reads the YAML; specs are checked by `loadDictionary` (load.ts), which also has the matcher. */
export function parseDictionary(file: string, text: string): { dictionary: Dictionary; problems: DictionaryProblem[] } {
  const problems: DictionaryProblem[] = [];
  const dictionary: Dictionary = { file, category: 'typo', words: [], entries: [] };
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  } catch (e) {
    problems.push({ file, line: 1, message: `无法读取词典：${e instanceof Error ? e.message : String(e)}` });
    return { dictionary, problems };
  }
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  for (const err of doc.errors) {
    problems.push({ file, line: err.linePos?.[0]?.line ?? 1, message: `YAML 格式错误：${err.message.split('\n')[0]}` });
  }
  if (doc.errors.length) return { dictionary, problems };
  const root = doc.contents;
  if (root === null || root === undefined) return { dictionary, problems };
  if (!isMap(root)) {
    problems.push({ file, line: lineOf(root as YamlNode), message: '词典的顶层应为键值对（version、category、words、rules）。' });
    return { dictionary, problems };
  }
  const get = (map: typeof root, key: string): YamlNode | undefined => map.get(key, true) as YamlNode | undefined;

  const category = get(root, 'category');
  if (category !== undefined) {
    const v = isScalar(category) ? String(category.value) : '';
    if (v === 'typo' || v === 'formulation') dictionary.category = v;
    else problems.push({ file, line: lineOf(category), message: `category 应为 typo（错别字）或 formulation（规范表述），而不是“${v}”。` });
  }

  const words = get(root, 'words');
  if (words !== undefined) {
    if (isSeq(words)) {
      for (const w of words.items as YamlNode[]) {
        if (isScalar(w) && String(w.value ?? '').trim()) dictionary.words.push(String(w.value).trim());
        else problems.push({ file, line: lineOf(w), message: 'words 中的每一项应为一个词语。' });
      }
    } else problems.push({ file, line: lineOf(words), message: 'words 应为词语列表，如 [放管服, 提质增效]。' });
  }

  const rules = get(root, 'rules');
  if (rules !== undefined && !isSeq(rules)) {
    problems.push({ file, line: lineOf(rules), message: 'rules 应为列表，每项含 expected 和 patterns。' });
  } else if (rules) {
    for (const item of rules.items as YamlNode[]) {
      if (dictionary.entries.length >= MAX_ENTRIES) {
        problems.push({ file, line: lineOf(item), message: `词典条目过多，只读取前 ${MAX_ENTRIES} 条。` });
        break;
      }
      const entry = parseEntry(item, file, dictionary.category, lineOf, problems);
      if (entry) dictionary.entries.push(entry);
    }
  }
  return { dictionary, problems };
}

function parseEntry(
  item: YamlNode,
  file: string,
  category: DictionaryCategory,
  lineOf: (n: YamlNode | null | undefined) => number,
  problems: DictionaryProblem[],
): DictionaryEntry | undefined {
  const line = lineOf(item);
  if (!isMap(item)) {
    problems.push({ file, line, message: '每条规则应为键值对，至少包含 expected 和 patterns。' });
    return undefined;
  }
  const str = (key: string): string | undefined => {
    const n = item.get(key, true) as YamlNode | undefined;
    if (n === undefined) return undefined;
    if (isScalar(n) && n.value !== null && typeof n.value !== 'object') return String(n.value);
    problems.push({ file, line: lineOf(n), message: `${key} 应为文字。` });
    return undefined;
  };
  const list = (key: string): { value: string; line: number }[] => {
    const n = item.get(key, true) as YamlNode | undefined;
    if (n === undefined) return [];
    if (isScalar(n)) return [{ value: String(n.value ?? ''), line: lineOf(n) }];
    if (isSeq(n)) {
      return (n.items as YamlNode[]).flatMap((x) => {
        if (isScalar(x)) return [{ value: String(x.value ?? ''), line: lineOf(x) }];
        problems.push({ file, line: lineOf(x), message: `${key} 中的每一项应为文字。` });
        return [];
      });
    }
    problems.push({ file, line: lineOf(n), message: `${key} 应为文字或文字列表。` });
    return [];
  };
  const expected = str('expected');
  if (expected === undefined) {
    problems.push({ file, line, message: '规则缺少 expected（正确写法）。' });
    return undefined;
  }
  const patterns: DictionaryPattern[] = [];
  for (const p of list('patterns')) {
    if (!p.value) continue;
    const m = /^\/(.+)\/([i]*)$/.exec(p.value);
    if (!m) {
      patterns.push({ source: p.value });
      continue;
    }
    try {
      patterns.push({ source: p.value, regex: SafeRegex.compile(m[1], m[2]) });
    } catch (e) {
      const why = e instanceof SafeRegexError ? e.message : String(e);
      problems.push({ file, line: p.line, message: `模式 ${p.value} 无效：${why}` });
    }
  }
  if (!patterns.length) {
    problems.push({ file, line, message: `规则“${expected}”缺少有效的 patterns（错误写法）。` });
    return undefined;
  }
  const severityText = str('severity');
  let severity: Severity | undefined;
  if (severityText !== undefined) {
    if ((SEVERITIES as readonly string[]).includes(severityText)) severity = severityText as Severity;
    else problems.push({ file, line: lineOf(item.get('severity', true) as YamlNode), message: `severity 应为 ${SEVERITIES.join('、')} 之一，而不是“${severityText}”。` });
  }
  const contextNode = item.get('context', true) as YamlNode | undefined;
  const context = contextNode !== undefined && isScalar(contextNode) && contextNode.value === true;
  const specs: DictionaryEntry['specs'] = [];
  const specsNode = item.get('specs', true) as YamlNode | undefined;
  if (specsNode !== undefined) {
    if (!isSeq(specsNode)) problems.push({ file, line: lineOf(specsNode), message: 'specs 应为列表，每项含 from 和 to。' });
    else {
      for (const s of specsNode.items as YamlNode[]) {
        const from = isMap(s) ? s.get('from') : undefined;
        const to = isMap(s) ? s.get('to') : undefined;
        if (typeof from !== 'string' || typeof to !== 'string') {
          problems.push({ file, line: lineOf(s), message: 'specs 中的每一项应含 from 和 to 两段文字。' });
          continue;
        }
        specs.push({ from, to, line: lineOf(s) });
      }
    }
  }
  return {
    expected,
    patterns,
    allow: list('allow').map((a) => a.value).filter(Boolean),
    context,
    severity,
    note: str('note'),
    source: str('source'),
    specs,
    file,
    line,
    category,
  };
}
