/** Every registered rule against its fixture file: expected findings exactly, and fixes before/after. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { fixAll, lint, parseReport, RULES } from '../../server/src/core';
import { parseFixtureFile } from './fixtures';
import { repoPath } from './paths';

export const fixturePath = (ruleId: string): string => repoPath('test/unit/rules', `${ruleId}.gw`);

describe('rules against their fixtures', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      const file = fixturePath(id);
      if (!existsSync(file)) {
        it('has a fixture file', () => assert.fail(`missing ${file}`));
        return;
      }
      for (const c of parseFixtureFile(readFileSync(file, 'utf8'))) {
        it(c.name, () => {
          const { findings } = lint(parseReport(c.text), { only: [id] });
          const show = (s: { start: number; end: number }): string => `${s.start}-${s.end}「${c.text.slice(s.start, s.end)}」`;
          assert.deepEqual(findings.map((f) => show(f.span)), c.expected.map(show), 'findings differ from the ⟦marked⟧ spans');
          for (const f of findings) assert.match(f.message, /[\u4e00-\u9fff]/, 'message must be Chinese');
          if (c.fixed !== undefined) {
            assert.equal(fixAll(c.text, { accept: (f) => f.ruleId === id, includeManual: true }).text, c.fixed, 'text after fixing every finding of this rule');
          }
        });
      }
    });
  }
});
