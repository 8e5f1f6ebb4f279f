/** reportYear: the year and period of a report from its title, opening or 成文日期. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseReport } from '../../server/src/core';
import { latestWriting, parseYear, reportYear, yearRange } from '../../server/src/core/reportYear';
import { repoPath } from './paths';

const ry = (text: string) => {
  const r = reportYear(parseReport(text));
  return { year: r.year, period: r.period, quarter: r.quarter, source: r.source, text: r.span ? text.slice(r.span.start, r.span.end) : undefined };
};

describe('reportYear', () => {
  it('reads the title: 年度, 上半年, 下半年, quarters, months, Chinese numerals', () => {
    assert.deepEqual(ry('中共某县文化和旅游局党组\n关于2023年度意识形态工作情况的报告\n\n县委宣传部：\n正文。'), {
      year: 2023,
      period: 'year',
      quarter: undefined,
      source: 'title',
      text: '2023年度',
    });
    assert.deepEqual(ry('2024年上半年意识形态工作总结\n\n正文。'), { year: 2024, period: 'first-half', quarter: undefined, source: 'title', text: '2024年上半年' });
    assert.equal(ry('2024年下半年意识形态工作总结\n\n正文。').period, 'second-half');
    assert.deepEqual(ry('2023年第三季度意识形态工作情况\n\n正文。').quarter, 3);
    assert.equal(ry('2023年第三季度意识形态工作情况\n\n正文。').period, 'quarter');
    assert.equal(ry('2023年1-6月意识形态工作情况\n\n正文。').period, 'first-half');
    assert.equal(ry('2023年1—9月意识形态工作情况\n\n正文。').period, 'months');
    assert.equal(ry('二〇二三年意识形态工作情况报告\n\n正文。').year, 2023);
    assert.equal(ry('局党组２０２２年意识形态工作情况报告\n\n正文。').year, 2022);
    assert.equal(ry('局党组2022年意识形态工作情况报告\n\n正文。').period, 'year');
  });

  it('a title with two years names the reported one first', () => {
    assert.equal(ry('2023年工作总结和2024年工作计划\n\n正文。').year, 2023);
  });

  it('falls back to the opening: the transition sentence first, then a year naming the period', () => {
    assert.deepEqual(ry('关于意识形态工作情况的报告\n\n今年以来，我局认真落实。现将2022年履行意识形态工作责任情况汇报如下：\n一、工作开展情况\n正文。'), {
      year: 2022,
      period: undefined,
      quarter: undefined,
      source: 'opening',
      text: '2022年',
    });
    assert.equal(ry('关于上半年意识形态工作情况的报告\n\n2024年以来，局党组坚持……。现将有关情况报告如下：\n一、工作开展情况\n正文。').year, 2024);
    assert.equal(ry('关于上半年意识形态工作情况的报告\n\n2024年以来，局党组坚持……。现将有关情况报告如下：\n一、工作开展情况\n正文。').period, 'first-half');
    // A target year is not the reported one.
    assert.equal(ry('关于意识形态工作情况的报告\n\n局党组对标到2035年建成文化强国的目标，扎实工作。现将有关情况报告如下：\n一、工作开展情况\n正文。').year, undefined);
  });

  it('falls back to the 成文日期, and says so', () => {
    const r = reportYear(parseReport('关于意识形态工作情况的报告\n\n局党组认真落实责任制。现将有关情况报告如下：\n一、工作开展情况\n正文。\n\n某局党组\n2024年1月15日'));
    assert.equal(r.year, 2024);
    assert.equal(r.source, 'date');
    assert.deepEqual(r.date && [r.date.year, r.date.month, r.date.day], [2024, 1, 15]);
    assert.deepEqual(yearRange(r), { min: 2023, max: 2024 });
    assert.equal(latestWriting(r), 2024 * 12);
  });

  it('keeps the date alongside a title year', () => {
    const r = reportYear(parseReport('关于2023年度意识形态工作情况的报告\n\n正文内容。现将有关情况报告如下：\n一、工作开展情况\n正文。\n\n某局党组\n二〇二四年一月十五日'));
    assert.equal(r.year, 2023);
    assert.equal(r.source, 'title');
    assert.deepEqual(r.date && [r.date.year, r.date.month, r.date.day], [2024, 1, 15]);
    assert.deepEqual(yearRange(r), { min: 2023, max: 2023 });
  });

  it('latest writing month: after the period (a yearly report early next year, a half-year one by August)', () => {
    assert.equal(latestWriting({ year: 2023, period: 'year', source: 'title' }), 2024 * 12 + 2);
    assert.equal(latestWriting({ year: 2023, period: 'first-half', source: 'title' }), 2023 * 12 + 7);
    assert.equal(latestWriting({}), undefined);
  });

  it('no year anywhere → undefined', () => {
    assert.equal(ry('意识形态工作情况报告\n\n正文。现将XXXX年工作情况汇报如下：\n一、情况\n正文。').year, undefined);
  });

  it('the real samples', () => {
    const sample = (f: string) => ry(readFileSync(repoPath('test/fixtures/samples', f), 'utf8'));
    assert.equal(sample('000_ba5f166b322ef36a.txt').year, undefined);
    assert.deepEqual([sample('001_028c584844040bc1.txt').year, sample('001_028c584844040bc1.txt').source], [2022, 'title']);
    assert.deepEqual([sample('002_9b0739ec5ab9c34d.txt').year, sample('002_9b0739ec5ab9c34d.txt').source], [2022, 'title']);
  });

  it('parseYear', () => {
    assert.equal(parseYear('2023'), 2023);
    assert.equal(parseYear('二〇二三'), 2023);
    assert.equal(parseYear('２０２３'), 2023);
    assert.equal(parseYear('3023'), undefined);
    assert.equal(parseYear('20233'), undefined);
  });

  it('never throws, and its span lies inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => {
        const r = reportYear(parseReport(t));
        if (r.span) assert.ok(r.span.start >= 0 && r.span.end <= t.length && r.span.start <= r.span.end);
      }),
      { numRuns: 300 },
    );
  });
});
