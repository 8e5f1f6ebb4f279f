/**
 * The helpers of the consistency and duplicate rules (numbers, the report's period, the anniversary table,
 * repeat detection), fix-all on their seeded reports, and a speed guard against quadratic scans.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fixAll, lint, parseReport, RULES } from '../../server/src/core';
import { EVENTS, ORDINAL_DAYS } from '../../server/src/core/consistency/anniversaries';
import { occurrences } from '../../server/src/core/consistency/context';
import { parseChineseCount, parseChineseYear, parseCount, toChineseCount, toChineseYear } from '../../server/src/core/consistency/numbers';
import { reportPeriod } from '../../server/src/core/consistency/period';
import { findRepeatRuns, isReduplication, repeatGuard } from '../../server/src/core/consistency/repeats';
import { seededCorpus } from '../quality/corpus';
import { repoPath } from './paths';

const OURS = /^(consistency|duplicate)\//;

describe('consistency helpers: numbers', () => {
  it('reads Chinese counts with units', () => {
    const cases: [string, number][] = [['十', 10], ['十二', 12], ['七十二', 72], ['一百', 100], ['一百零二', 102], ['一百一十', 110], ['一百十', 110], ['一百三十', 130], ['两百', 200], ['一千零五十', 1050]];
    for (const [s, n] of cases) assert.equal(parseChineseCount(s), n, s);
    for (const bad of ['', '二三', '十十', '一百五', '零', '百', 'abc']) assert.equal(parseChineseCount(bad), undefined, bad);
  });
  it('writes Chinese counts and round-trips 1…999', () => {
    assert.equal(toChineseCount(72), '七十二');
    assert.equal(toChineseCount(102), '一百零二');
    assert.equal(toChineseCount(110), '一百一十');
    assert.equal(toChineseCount(15), '十五');
    for (let n = 1; n < 1000; n++) assert.equal(parseChineseCount(toChineseCount(n)), n, String(n));
  });
  it('reads years written digit by digit and counts in either script', () => {
    assert.equal(parseChineseYear('二〇二三'), 2023);
    assert.equal(parseChineseYear('二零二三'), 2023);
    assert.equal(parseChineseYear('一九四九'), 1949);
    assert.equal(parseChineseYear('二三'), undefined);
    assert.equal(toChineseYear(2024), '二〇二四');
    assert.equal(parseCount('73'), 73);
    assert.equal(parseCount('７３'), 73);
    assert.equal(parseCount('七十三'), 73);
  });
});

describe('consistency helpers: the report period', () => {
  const period = (text: string) => reportPeriod(parseReport(text));
  it('takes the year from the title, with the opening and the date as separate mentions', () => {
    const p = period('关于2023年度意识形态工作情况的报告\n\n现将2022年有关情况报告如下：\n一、工作开展情况\n正文。\n\n县委宣传部\n2024年1月5日');
    assert.equal(p.year, 2023);
    assert.equal(p.kind, 'year');
    assert.equal(p.titleYear?.year, 2023);
    assert.equal(p.openingYear?.year, 2022);
    assert.deepEqual([p.date?.year, p.date?.month, p.date?.day], [2024, 1, 5]);
  });
  it('knows a half-year report', () => {
    assert.equal(period('关于2024年上半年意识形态工作情况的报告\n\n现将有关情况报告如下：\n一、工作开展情况\n正文。').kind, 'first-half');
  });
  it('reads the real samples', () => {
    const sample = (f: string): string => readFileSync(repoPath('test/fixtures/samples', f), 'utf8');
    assert.equal(period(sample('001_028c584844040bc1.txt')).year, 2022);
    assert.equal(period(sample('002_9b0739ec5ab9c34d.txt')).year, 2022);
  });
});

describe('consistency helpers: the anniversary table', () => {
  it('has one meaning per alias', () => {
    const all = [...EVENTS.flatMap((e) => e.aliases), ...ORDINAL_DAYS.flatMap((d) => d.aliases)];
    assert.equal(new Set(all).size, all.length);
    for (const e of EVENTS) assert.ok(e.base > 1800 && e.base < 2030 && e.source.length > 4, e.name);
    for (const d of ORDINAL_DAYS) assert.ok(d.first > 1900 && d.first < 2030 && d.source.length > 4, d.name);
  });
  it('gives the anniversaries published for 2023', () => {
    const n = (name: string): number => 2023 - EVENTS.find((e) => e.name === name)!.base;
    assert.equal(n('中国共产党成立'), 102);
    assert.equal(n('中华人民共和国成立'), 74);
    assert.equal(n('中国人民志愿军抗美援朝出国作战'), 73);
    assert.equal(n('抗美援朝战争胜利'), 70);
    assert.equal(n('改革开放'), 45);
    assert.equal(n('毛泽东同志诞辰'), 130);
    const day = (name: string): number => 2023 - ORDINAL_DAYS.find((d) => d.name === name)!.first + 1;
    assert.equal(day('全民国家安全教育日'), 8);
    assert.equal(day('国家宪法日'), 10);
    assert.equal(day('学雷锋纪念日'), 60);
  });
});

describe('duplicate helpers: repeats', () => {
  it('finds repeated units, longest first at one start', () => {
    const t = '加强进一步进一步的的领导';
    const runs = findRepeatRuns(t, 0, t.length, 6).map((r) => `${t.slice(r.start, r.start + r.k)}×${(r.end - r.start) / r.k}`);
    assert.deepEqual(runs, ['进一步×2', '的×2']);
  });
  it('tells reduplication from repetition', () => {
    assert.ok(isReduplication('研究研究', 0, 2));
    assert.ok(isReduplication('一个一个', 0, 2));
    assert.ok(!isReduplication('工作工作', 0, 2));
    const guard = (s: string): boolean => repeatGuard(s, s.search(/(.)\1/u), 0, s.length);
    assert.ok(guard('开展的的工作'));
    assert.ok(!guard('为了了解情况'));
    assert.ok(!guard('不了了之'));
    assert.ok(!guard('的的确确'));
    assert.ok(!guard('实实在在'));
    assert.ok(!guard('具有有力保障'));
  });
  it('finds every occurrence inside a range, also when the needle is absent there', () => {
    const t = '第一个第二个。第三个';
    assert.deepEqual(occurrences(t, '第', 0, 6), [0, 3]);
    assert.deepEqual(occurrences(t, '第', 6, t.length), [7]);
    assert.deepEqual(occurrences(t, '周年', 0, t.length), []);
  });
});

describe('consistency and duplicate rules on their seeded reports', () => {
  for (const s of seededCorpus().filter((c) => c.family === 'consistency' || c.family === 'duplicate')) {
    it(`fix-all gives the corrected text and a fixed point: ${s.name}`, () => {
      const r = fixAll(s.text, { accept: (f) => OURS.test(f.ruleId) });
      assert.equal(r.text, s.corrected ?? s.text);
      // Nothing fix-all would change is left (quick fixes that never run in fix-all may remain).
      const again = lint(parseReport(r.text)).findings.filter((f) => OURS.test(f.ruleId) && f.fixes?.[0] && f.fixes[0].auto !== false);
      assert.deepEqual(again.map((f) => f.ruleId), []);
    });
  }
});

describe('consistency and duplicate rules: speed', function () {
  this.timeout(20_000);
  it('stay linear on a 300,000-character report', () => {
    const base = ['clean/consistency-1.gw', 'clean/consistency-2.gw', 'samples/001_028c584844040bc1.txt']
      .map((f) => readFileSync(repoPath('test/fixtures', f), 'utf8'))
      .join('\n');
    let body = '';
    for (let copy = 1; body.length < 300_000; copy++) body += base.replace(/。/g, `（${copy}）。`) + '\n';
    const doc = parseReport('关于2023年度意识形态工作情况的报告\n\n现将2023年有关情况报告如下：\n' + body.slice(0, 300_000));
    const only = RULES.map((r) => r.meta.id).filter((id) => OURS.test(id));
    lint(doc, { only });
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      lint(doc, { only });
      best = Math.min(best, performance.now() - t0);
    }
    // The budget is 15 ms on a quiet machine; the bar here only catches a quadratic scan on a busy one.
    assert.ok(best < 250, `${best.toFixed(1)} ms`);
  });
});
