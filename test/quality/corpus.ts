/**
 * The quality corpora: clean reports (false alarms) and reports with seeded errors (recall).
 *   test/fixtures/clean/*.gw              correct reports; no warning or error should appear
 *   test/fixtures/samples/*.txt           the real samples; their known issues (known-issues.json) are excluded
 *   test/fixtures/seeded/<family>/*.gw    reports with seeded errors marked ⟦wrong⟧ or ⟦wrong→right⟧;
 *                                          <family> is a rule category (punctuation, typo, …)
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseFixtureFile } from '../unit/fixtures';
import { repoPath } from '../unit/paths';

export interface CleanText {
  name: string;
  text: string;
  /** Spans that are known faults (real errors in real samples), not false alarms. */
  known: { start: number; end: number }[];
}

export interface SeededText {
  family: string;
  name: string;
  text: string;
  errors: { start: number; end: number }[];
  /** Text with every seeded error corrected (when all markers give a correction). */
  corrected?: string;
}

const list = (dir: string, ext: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort() : []);

export function cleanCorpus(): CleanText[] {
  const out: CleanText[] = [];
  const cleanDir = repoPath('test/fixtures/clean');
  for (const f of list(cleanDir, '.gw')) out.push({ name: `clean/${f}`, text: readFileSync(join(cleanDir, f), 'utf8'), known: [] });
  const samplesDir = repoPath('test/fixtures/samples');
  const knownIssues = JSON.parse(readFileSync(join(samplesDir, 'known-issues.json'), 'utf8')) as Record<string, string[]>;
  for (const f of list(samplesDir, '.txt')) {
    const text = readFileSync(join(samplesDir, f), 'utf8');
    const known = (knownIssues[f] ?? []).flatMap((needle) => {
      const at = text.indexOf(needle);
      return at === -1 ? [] : [{ start: at, end: at + needle.length }];
    });
    out.push({ name: `samples/${f}`, text, known });
  }
  return out;
}

/** Seeded files use the rule-fixture syntax; a file without `%% case:` lines is one case. */
export function seededCorpus(): SeededText[] {
  const out: SeededText[] = [];
  const root = repoPath('test/fixtures/seeded');
  if (!existsSync(root)) return out;
  for (const family of readdirSync(root).sort()) {
    for (const f of list(join(root, family), '.gw')) {
      let source = readFileSync(join(root, family, f), 'utf8');
      if (!/^%% case:/m.test(source)) source = `%% case: ${f}\n${source}`;
      for (const c of parseFixtureFile(source)) {
        out.push({ family, name: `${family}/${f}#${c.name}`, text: c.text, errors: c.expected, corrected: c.fixed });
      }
    }
  }
  return out;
}
