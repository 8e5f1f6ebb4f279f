/** Every rule is complete: registered, documented (Chinese), with fixtures, in README and in the settings schema. */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_TITLES, RULES, SEVERITIES } from '../../server/src/core';
import { rulesMarkdown } from '../../server/src/cli/rules';
import { parseFixtureFile } from './fixtures';
import { repoPath } from './paths';

const HAN = /[\u4e00-\u9fff]/;

function ruleFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...ruleFiles(p, `${prefix}${name}/`));
    else if (name.endsWith('.ts') && prefix) out.push(prefix + name.replace(/\.ts$/, ''));
  }
  return out;
}

describe('rule metadata', () => {
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8'));
  const ruleSchema = pkg.contributes.configuration.properties['gongwen.rules'].properties ?? {};

  it('ids are unique', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('every rule file under core/rules is registered, and every registered rule has its file', () => {
    const files = ruleFiles(repoPath('server/src/core/rules')).sort();
    assert.deepEqual(files, RULES.map((r) => r.meta.id).sort());
  });

  it('the README rule table is the one generated from the registry (npm run sync-rules)', () => {
    assert.ok(readme.includes(rulesMarkdown()), 'README rule table is out of date: run `npm run sync-rules`');
  });

  it('the settings schema lists exactly the registered rules', () => {
    assert.deepEqual(Object.keys(ruleSchema).sort(), RULES.map((r) => r.meta.id).sort());
  });

  for (const rule of RULES) {
    const m = rule.meta;
    describe(m.id, () => {
      it('has a well-formed id, category and severity', () => {
        assert.match(m.id, /^[a-z]+\/[a-z]+(-[a-z]+)*$/);
        assert.equal(m.id.split('/')[0], m.category);
        assert.ok(m.category in CATEGORY_TITLES);
        assert.ok(SEVERITIES.includes(m.defaultSeverity));
      });
      it('is documented in Chinese, with its standard', () => {
        assert.match(m.title, HAN);
        assert.ok(m.description.length >= 20 && HAN.test(m.description), 'description too short or not Chinese');
        assert.ok(m.standard.trim().length > 0);
      });
      it('has a README row', () => {
        assert.ok(readme.includes(`\`${m.id}\``), `README.md does not mention \`${m.id}\``);
      });
      it('has fixtures with findings and clean text (and fixes, if fixable)', () => {
        const file = repoPath('test/unit/rules', `${m.id}.gw`);
        assert.ok(existsSync(file), `missing fixture ${file}`);
        const cases = parseFixtureFile(readFileSync(file, 'utf8'));
        assert.ok(cases.some((c) => c.expected.length > 0), 'no case with an expected finding');
        assert.ok(cases.some((c) => c.expected.length === 0), 'no clean case (false-alarm guard)');
        if (m.fixable) assert.ok(cases.some((c) => c.fixed !== undefined), 'fixable rule without a fix case');
      });
    });
  }
});
