/**
 * Hostile input to the core, and the size limits of the server (server/src/lsp/limits.ts): every input is parsed
 * and checked to the end without a rule failing, every span inside the text. Nothing is timed here (mocha's
 * timeout catches a hang; `npm run bench` measures); the inputs are the shapes that once took quadratic time.
 */
import { strict as assert } from 'node:assert';
import { defaultResources, lint, parseReport } from '../../server/src/core';
import { chunks, describeSize, LIMITS, longestLine, planCheck } from '../../server/src/lsp/limits';
import { checkParse } from '../fuzz/properties';

const repeat = (n: number, s: string): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

const HOSTILE: Record<string, string> = {
  'a long run of spaces after a heading': '一、标题' + ' '.repeat(100_000) + 'ab',
  'a long run of spaces before a run-in item': '一、标题\n正文，' + ' '.repeat(100_000) + '一是加强领导。',
  'a long run of spaces inside a paragraph': '一、标题\n正文' + ' '.repeat(100_000) + '。',
  'full-width spaces and tabs': repeat(100_000, '\u3000\t '),
  '10,000 nested full-width brackets': '（'.repeat(10_000) + '全年开展活动XX次' + '）'.repeat(10_000),
  '10,000 nested half-width brackets': '('.repeat(10_000) + '全年开展活动XX次' + ')'.repeat(10_000),
  '10,000 open quotes': '“'.repeat(10_000) + '内容',
  'heading numbers only': repeat(100_000, '一、'),
  'bracketed heading numbers only': repeat(100_000, '（一）'),
  'run-in items only': repeat(100_000, '，一是'),
  'placeholders only': repeat(100_000, 'X'),
  'line breaks only (\\n, \\r, \\r\\n)': repeat(30_000, '\n') + repeat(30_000, '\r') + repeat(30_000, '\r\n'),
  'comment lines only': repeat(60_000, '//\n'),
  'unpaired surrogates': repeat(50_000, '\ud800a\udc00中\udbff'),
  'control characters': repeat(50_000, '\u0000\u0001\u001b\u007f\u200b\ufeff\u2028一、'),
  'an attachment list of 2,000 items': '一、标题\n正文。\n附件：' + Array.from({ length: 2000 }, (_, i) => `${i + 1}.材料`).join('\n'),
};

describe('hostile input to the core', function () {
  this.timeout(60_000);
  for (const [name, text] of Object.entries(HOSTILE)) {
    it(`${name}: parsed and checked, spans inside the text`, () => {
      checkParse(text);
      const result = lint(parseReport(text), { resources: defaultResources() });
      assert.deepEqual(result.failures, []);
      for (const f of result.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, f.ruleId);
    });
  }

  it('binary garbage (random UTF-16 code units)', () => {
    let seed = 42;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const text = Array.from({ length: 50_000 }, () => String.fromCharCode(Math.floor(next() * 0x10000))).join('');
    checkParse(text);
    assert.deepEqual(lint(parseReport(text), { resources: defaultResources() }).failures, []);
  });
});

describe('size limits of the server (limits.ts)', () => {
  it('plans a full check for a report, a reduced one for a large document or a very long line, placeholders only for a huge one', () => {
    assert.equal(planCheck('一、标题\n正文。').tier, 'full');
    assert.equal(planCheck('一、标题\n正文。').message, undefined);
    const reduced = planCheck(repeat(LIMITS.fullMaxChars + 1, '正文。\n'));
    assert.equal(reduced.tier, 'reduced');
    assert.ok(reduced.parse);
    assert.ok(reduced.allows('placeholder/unfilled', 'placeholder') && reduced.allows('numbering/gap', 'numbering'));
    assert.ok(!reduced.allows('punctuation/half-width', 'punctuation') && !reduced.allows('typo/dictionary', 'typo'));
    assert.match(reduced.message!, /^公文助手：文档较大（\d+\.\d MB），/);
    const longLine = planCheck(repeat(LIMITS.fullMaxLineChars + 1, '正文'));
    assert.equal(longLine.tier, 'reduced');
    assert.match(longLine.message!, /超长的行/);
    const huge = planCheck(repeat(LIMITS.reducedMaxChars + 1, '正文。\n'));
    assert.equal(huge.tier, 'huge');
    assert.ok(!huge.parse);
    assert.ok(huge.allows('placeholder/unfilled', 'placeholder') && !huge.allows('numbering/gap', 'numbering'));
    assert.match(huge.message!, /^公文助手：文档过大（\d+\.\d MB），只检查占位符/);
  });

  it('slices cover the text exactly, end after a line break where there is one, and never split a surrogate pair', () => {
    const lines = repeat(200_000, '全年开展活动XX次。\n');
    const oneLine = repeat(200_001, '𠮷中');
    for (const text of [lines, oneLine, '', 'a']) {
      const cs = chunks(text, 1000);
      assert.equal(cs.map((c) => text.slice(c.start, c.end)).join(''), text);
      for (const [i, c] of cs.entries()) {
        assert.ok(c.end - c.start <= 1000 && c.end > c.start);
        if (i > 0) assert.equal(cs[i - 1].end, c.start);
        const before = text.charCodeAt(c.start - 1);
        assert.ok(!(before >= 0xd800 && before <= 0xdbff), 'not inside a surrogate pair');
        if (text === lines && c.end < text.length) assert.equal(text[c.end - 1], '\n');
      }
    }
  });

  it('measures the longest line and the size as a user reads it', () => {
    assert.equal(longestLine('ab\ncde\n\nf'), 3);
    assert.equal(longestLine('x'.repeat(50) + '\n' + 'y'.repeat(80), 10), 50, 'stops at the first line over the cap');
    assert.equal(describeSize(repeat(4_000_000, '中')), '12.0 MB');
    assert.equal(describeSize(repeat(300_000, '中')), '30 万字');
  });
});
