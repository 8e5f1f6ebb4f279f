/** Applying fixes never corrupts: non-overlapping edits, fix-all to a fixed point, manual fixes left to the writer. */
import { strict as assert } from 'node:assert';
import { applyEdits, fixAll, minimalEdit, normalizeEdits } from '../../server/src/core';

describe('applying edits and fixes', () => {
  it('applies non-overlapping edits and drops one that overlaps an earlier one', () => {
    const edits = [
      { span: { start: 4, end: 6 }, newText: 'CD' },
      { span: { start: 0, end: 2 }, newText: 'ab' },
      { span: { start: 5, end: 7 }, newText: 'XX' }, // overlaps 4-6
    ];
    assert.equal(normalizeEdits(edits).length, 2);
    assert.equal(applyEdits('AB__cd_', edits), 'ab__CD_');
  });

  it('fix-all reaches a fixed point and leaves template insertions (a missing part) to the writer', () => {
    const text = ['关于2023年工作情况的报告', '', '现将有关情况报告如下：', '一.工作开展情况', '正文。', '二、下一步打算', '正文。'].join('\n');
    const once = fixAll(text);
    assert.equal(once.text, text.replace('一.工作', '一、工作'), 'only the separator is fixed; no part is inserted');
    assert.equal(fixAll(once.text).text, once.text);
    const withManual = fixAll(text, { includeManual: true });
    assert.match(withManual.text, /二、存在的问题\n【待补充】\n三、下一步打算/);
  });

  it('minimalEdit never splits a surrogate pair', () => {
    const before = 'A𠮷B';
    const after = 'A𠮾B'; // same high surrogate, different low one
    const e = minimalEdit(before, after)!;
    assert.deepEqual(e, { start: 1, end: 3, newText: '𠮾' });
  });
});
