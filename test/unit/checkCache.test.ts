/** The check cache (BlockCache): what a re-check after an edit reuses, and that it never reuses stale findings. */
import { strict as assert } from 'node:assert';
import { BlockCache, defaultResources, lint, parseReport, reparse, RULES, type Finding } from '../../server/src/core';

const REPORT = [
  '关于2023年度意识形态工作情况的报告',
  '县委：',
  '现将有关情况报告如下：',
  '一、工作开展情况',
  '全年召开专题会议4次，研究部署意识形态工作,压实责任。',
  '23年12月组织专题培训，参训干部120人。',
  '二、存在问题',
  '个别单位重视不够。',
  '三、下一步打算',
  '持续加强理论武装。',
  '中共XX县委宣传部',
  '2024年1月10日',
].join('\n');

const comparable = (fs: Finding[]): string[] => fs.map((f) => JSON.stringify([f.ruleId, f.span, f.message, f.fixes ?? null]));
const resources = defaultResources();

describe('check cache', () => {
  it('after typing in a body paragraph, block rules re-check that paragraph only, and find what a fresh check finds', () => {
    const cache = new BlockCache();
    const before = parseReport(REPORT);
    lint(before, { resources, blockCache: cache });
    const text = REPORT.replace('研究部署', '研究部署了');
    const derived = reparse(before, text);
    assert.ok(derived.edit, 'typing in a paragraph is parsed incrementally');
    const cached = lint(derived, { resources, blockCache: cache });
    assert.deepEqual(comparable(cached.findings), comparable(lint(parseReport(text), { resources }).findings));
    const blockRules = RULES.filter((r) => r.meta.scope === 'block').map((r) => r.meta.id);
    assert.ok(blockRules.length > 10);
    for (const id of blockRules) assert.deepEqual(cache.lastRun.get(id), { checked: 1, reused: derived.blocks.length - 1 }, id);
    assert.ok(cached.findings.some((f) => f.ruleId === 'punctuation/half-width'), 'the half-width comma is still reported');
  });

  it('drops findings that depend on the report’s year when the year changes', () => {
    const cache = new BlockCache();
    lint(parseReport(REPORT), { resources, blockCache: cache });
    const text = REPORT.replace('关于2023年度', '关于2123年度').replace('2024年1月10日', '2124年1月10日');
    const cached = lint(parseReport(text), { resources, blockCache: cache });
    assert.deepEqual(comparable(cached.findings), comparable(lint(parseReport(text), { resources }).findings));
  });
});
