/**
 * Typos that are words themselves (形式 for 形势, 机智 for 机制): wrong only next to certain words. A small
 * curated table of 公文 collocations (data/typo-collocations.yml):
 *
 *   collocations:
 *     - wrong: 形式
 *       right: 形势              # same length; the fix changes only the differing characters
 *       before: [严峻的, 当前]    # text right before the word that makes it wrong
 *       after: [严峻, 逼人]       # text right after the word that makes it wrong
 *       except: [形式主义]        # phrases in which it is right whatever the neighbours
 *       source: 《现代汉语词典》第7版
 */
import { isMap, isSeq, parseDocument } from 'yaml';

export interface Collocation {
  wrong: string;
  right: string;
  before: string[];
  after: string[];
  except: string[];
  source?: string;
}

export interface CollocationHit {
  start: number;
  end: number;
  wrong: string;
  right: string;
  entry: Collocation;
}

export class Collocations {
  readonly entries: Collocation[];
  readonly problems: string[];

  constructor(entries: Collocation[], problems: string[] = []) {
    this.entries = entries;
    this.problems = problems;
  }

  static parse(text: string): Collocations {
    const problems: string[] = [];
    const entries: Collocation[] = [];
    const doc = parseDocument(text);
    if (doc.errors.length) return new Collocations([], doc.errors.map((e) => e.message));
    const list = doc.get('collocations', true);
    if (!isSeq(list)) return new Collocations([], ['collocations 应为列表']);
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const o = item.toJSON() as Record<string, unknown>;
      const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);
      const wrong = typeof o.wrong === 'string' ? o.wrong : '';
      const right = typeof o.right === 'string' ? o.right : '';
      if (!wrong || wrong.length !== right.length || wrong === right) {
        problems.push(`搭配“${wrong}”→“${right}”无效：两者应为不同的、等长的词语。`);
        continue;
      }
      entries.push({
        wrong,
        right,
        before: strs(o.before),
        after: strs(o.after),
        except: strs(o.except),
        source: typeof o.source === 'string' ? o.source : undefined,
      });
    }
    return new Collocations(entries, problems);
  }

  /**
   * Hits in text[from, to): the wrong word with one of its telltale neighbours, outside its exceptions,
   * and not part of a longer word (`straddles` decides with the segmentation).
   */
  find(text: string, from: number, to: number, _known: ReadonlySet<string>, straddles: (s: number, e: number) => boolean): CollocationHit[] {
    const out: CollocationHit[] = [];
    const check = (s: number, e: number, entry: Collocation): void => {
      const before = entry.before.some((b) => s - b.length >= from && text.startsWith(b, s - b.length));
      const after = entry.after.some((a) => e + a.length <= to && text.startsWith(a, e));
      if (!before && !after) return;
      for (const x of entry.except) {
        for (let k = x.indexOf(entry.wrong); k !== -1; k = x.indexOf(entry.wrong, k + 1)) {
          if (s - k >= from && text.startsWith(x, s - k)) return;
        }
      }
      if (straddles(s, e)) return;
      out.push({ start: s, end: e, wrong: entry.wrong, right: entry.right, entry });
    };
    // A few short words: the native search is much faster than an automaton in JavaScript.
    for (const entry of this.entries) {
      const w = entry.wrong;
      for (let k = text.indexOf(w, from); k !== -1 && k + w.length <= to; k = text.indexOf(w, k + 1)) check(k, k + w.length, entry);
    }
    return out.sort((x, y) => x.start - y.start);
  }
}
