/** Dictionaries: loading with Chinese problems (file and line), specs, matching, and patterns that cannot hang. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  DictionaryMatcher,
  lint,
  loadDictionary,
  parseReport,
  resourcesWithUserDictionaries,
  SafeRegex,
  SafeRegexError,
  defaultResources,
} from '../../server/src/core';

describe('SafeRegex (linear-time patterns for user dictionaries)', () => {
  const spans = (re: string, text: string, flags = ''): string[] =>
    SafeRegex.compile(re, flags).matchAll(text).map((m) => text.slice(m.start, m.end));

  it('matches literals, classes, alternation, groups and quantifiers leftmost-longest', () => {
    assert.deepEqual(spans('布[署暑]', '统一布署，全面布暑，部署'), ['布署', '布暑']);
    assert.deepEqual(spans('工作(会议)?', '工作会议和工作'), ['工作会议', '工作']);
    assert.deepEqual(spans('a|ab', 'ab'), ['ab']);
    assert.deepEqual(spans('\\d{4}年', '2023年和23年'), ['2023年']);
    assert.deepEqual(spans('[^，。]+', '甲，乙。'), ['甲', '乙']);
    assert.deepEqual(spans('x+', 'xxx y xx'), ['xxx', 'xx']);
    assert.deepEqual(spans('abc', 'ABC abc', 'i'), ['ABC', 'abc']);
    assert.deepEqual(spans('^一是', '一是甲\n一是乙。一是丙'), ['一是', '一是']);
  });

  it('agrees with JavaScript RegExp on random simple patterns', () => {
    const atoms = ['a', 'b', '[ab]', '.', '(?:ab)', '(?:a|b)'];
    const quant = ['', '?', '*', '+', '{1,2}'];
    const pattern = fc.array(fc.tuple(fc.constantFrom(...atoms), fc.constantFrom(...quant)), { minLength: 1, maxLength: 4 }).map((p) => p.map(([a, q]) => a + q).join(''));
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[abc]{0,12}$/), (p, text) => {
        // Empty matches are never reported, so compare with “some non-empty substring matches”.
        const whole = new RegExp(`^(?:${p})$`);
        let js = false;
        for (let i = 0; i < text.length && !js; i++) for (let j = i + 1; j <= text.length && !js; j++) js = whole.test(text.slice(i, j));
        const re = SafeRegex.compile(p);
        assert.equal(re.test(text), js, `${p} on ${text}`);
        for (const m of re.matchAll(text)) assert.ok(whole.test(text.slice(m.start, m.end)), `${p}: ${text.slice(m.start, m.end)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('finishes on catastrophic patterns that hang a backtracking engine', () => {
    const text = 'a'.repeat(5000) + '!';
    for (const p of ['(a+)+b', '(a|a)*b', '(a*)*b', '(?:a|aa)+b', '(.*a){20}b']) {
      assert.deepEqual(SafeRegex.compile(p).matchAll(text), [], p);
    }
  });

  it('rejects what it cannot do in linear time, with a Chinese reason', () => {
    for (const p of ['(a)\\1', '(?=a)b', '(?<!a)b', 'a{1,999}', '\\bword\\b', '(a', '[a-']) {
      assert.throws(() => SafeRegex.compile(p), (e: unknown) => e instanceof SafeRegexError && /[\u4e00-\u9fff]/.test(e.message), p);
    }
  });
});

describe('dictionary files', () => {
  it('load literal and /regex/ entries, with allow-lists and context entries', () => {
    const { dictionary, problems } = loadDictionary(
      'my.yml',
      [
        'version: 1',
        'words: [放管服]',
        'rules:',
        '  - expected: 部署',
        '    patterns: [布署, /部暑|布暑/]',
        '    allow: [布署会]',
        '    specs:',
        '      - { from: 统一布署, to: 统一部署 }',
        '      - { from: 布署会召开, to: 布署会召开 }',
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(dictionary.words, ['放管服']);
    const m = new DictionaryMatcher(dictionary.entries);
    const text = '统一布署，部暑到位，布署会召开';
    assert.deepEqual(m.find(text, 0, text.length).map((h) => text.slice(h.start, h.end)), ['布署', '部暑']);
  });

  it('report every fault with file and line, and keep the good entries', () => {
    const { dictionary, problems } = loadDictionary(
      'team.yml',
      [
        'rules:',
        '  - expected: 部署', // line 2: fine
        '    patterns: [布署]',
        '  - patterns: [xx]', // line 4: no expected
        '  - expected: 坚持',
        '    patterns: [/(a)\\1/]', // line 6: bad regex
        '  - expected: 再接再厉',
        '    patterns: [再接再励]',
        '    specs:',
        '      - { from: 再接再励, to: 再接再历 }', // line 10: spec does not hold
        '  - expected: 严重',
        '    severity: loud', // line 12
        '    patterns: [严肃]',
      ].join('\n'),
    );
    assert.deepEqual(dictionary.entries.map((e) => e.expected), ['部署', '再接再厉', '严重']);
    const lines = problems.map((p) => `${p.file}:${p.line}`);
    assert.deepEqual(lines, ['team.yml:4', 'team.yml:6', 'team.yml:5', 'team.yml:12', 'team.yml:10']);
    for (const p of problems) assert.match(p.message, /[\u4e00-\u9fff]/);
  });

  it('report broken YAML with its line instead of throwing', () => {
    const { dictionary, problems } = loadDictionary('bad.yml', 'rules:\n  - expected: 部署\n    patterns: [布署\n  oops: : :');
    assert.equal(dictionary.entries.length, 0);
    assert.ok(problems.length >= 1);
    assert.match(problems[0].message, /YAML 格式错误/);
    assert.ok(problems[0].line >= 2);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (t) => void loadDictionary('x.yml', t)), { numRuns: 500 });
  });

  it('the shipped dictionaries load without problems', () => {
    assert.deepEqual(defaultResources().problems, []);
  });

  it('user dictionaries add to the shipped ones', () => {
    const res = resourcesWithUserDictionaries([{ file: 'u.yml', text: 'rules:\n  - expected: 部署\n    patterns: [布署]\n' }]);
    assert.ok(res.matchers.typo.entries.some((e) => e.expected === '部署'));
    assert.ok(res.matchers.typo.entries.some((e) => e.expected === '再接再厉'));
  });
});

describe('inline suppression comments', () => {
  const ids = (text: string): string[] => lint(parseReport(text), { only: ['placeholder/unfilled'] }).findings.map((f) => text.slice(f.span.start, f.span.end));

  it('gongwen-disable-next-line silences the next text line (for a rule or all rules)', () => {
    assert.deepEqual(ids('// gongwen-disable-next-line placeholder/unfilled\n甲XX\n乙XX'), ['XX']);
    assert.deepEqual(ids('// gongwen-disable-next-line\n\n甲XX\n乙XX'), ['XX']);
    assert.deepEqual(ids('// gongwen-disable-next-line numbering/gap\n甲XX'), ['XX']);
  });

  it('gongwen-disable … gongwen-enable silences a region', () => {
    assert.deepEqual(ids('甲XX\n// gongwen-disable\n乙XX\n丙XX\n// gongwen-enable\n丁xx'), ['XX', 'xx']);
  });
});
