/**
 * Generators and properties of the core, shared by the property tests (test/unit/properties.test.ts, a few
 * thousand cases in `npm test`) and the long fuzz run (test/fuzz/fuzz.ts, `npm run fuzz`).
 *
 * Properties (each throws an AssertionError with the offending detail):
 *   parse      parseReport never throws; every span of the tree lies inside the text
 *   findings   lint never loses a rule to an exception; every finding and fix edit lies inside the text
 *   fixPass    one fix-all pass changes nothing outside its edits, and no fix removes a Han character that
 *              lies outside its finding's span (Chinese numerals excepted: renumbering rewrites other headings)
 *   fixedPoint fix-all reaches a fixed point: a second fix-all applies nothing and changes nothing
 *   format     formatting (fix-all of the formatting rules, as Format Document does) is idempotent
 *   blockCache lint of an edited text with the block cache of the text before it equals a fresh lint
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  applyEdits,
  BlockCache,
  collectFixAllEdits,
  defaultResources,
  fixAll,
  lint,
  parseReport,
  reparse,
  type Finding,
  type Block,
  type ParsedReport,
  type Section,
  type Span,
} from '../../server/src/core';
import { isFormattingRule } from '../../server/src/lsp/assist';

// ------------------------------------------------------------------------------------- generators

const HAN = '我局县委宣传部意识形态工作责任制落实情况报告学习教育理论武装阵地管理舆论引导网络安全组织领导党组会议专题研究部署推进全年开展活动次人民群众的了和在是有不这中为上个到说们以要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵滑兼逸'.split('');

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const han = (min: number, max: number): fc.Arbitrary<string> => fc.array(pick(HAN), { minLength: min, maxLength: max }).map((a) => a.join(''));
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];

/** A heading number as people write it: standard forms, half-width brackets, wrong separators, spaces. */
const headingNumber: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(CN_NUM), pick(['、', '.', '．', '，', ',', ' ', '　', ''])).map(([n, s]) => n + s),
  fc.tuple(pick(['（', '(']), pick(CN_NUM), pick(['）', ')']), pick(['', '、', '.', ' '])).map((p) => p.join('')),
  fc.tuple(fc.integer({ min: 0, max: 12 }), pick(['.', '．', '、', '，', ',', ' .', ''])).map(([n, s]) => `${n}${s}`),
  fc.tuple(pick(['（', '(']), fc.integer({ min: 1, max: 12 }), pick(['）', ')'])).map(([a, n, b]) => `${a}${n}${b}`),
);

const PUNCT = ['，', '。', '、', '；', '：', '？', '！', ',', '.', ';', ':', '?', '!', '…', '……', '——', '-', '--', '...', '·'];
const PAIRS = ['“', '”', '‘', '’', '"', "'", '（', '）', '(', ')', '《', '》', '<<', '>>', '<', '>', '【', '】', '〔', '〕', '「', '」'];
const PLACEHOLDERS = ['XX', 'xx', '××', 'X月X日', 'XXXX年X月X日', 'X次', '第X届', '**', '***', '○○', '□', '【待补充】', '【】', '（　）', '〇〇'];
const RUN_IN = ['一是', '二是', '三是', '一要', '二要', '第一，', '第二，', '第三，', '四是'];
const WORDS = ['意识形态', '工作责任制', '以人民为中心', '再接再厉', '再接再励', '2023年', '2024年1月15日', '上半年', '全年', '截至目前', '约100余人', '3.5%', '1,000', '8:30', 'https://example.gov.cn/a?b=1', 'a@b.cn', '报告.docx', 'Word', 'WPS', 'COVID-19', '二〇二三年', '习近平新时代中国特色社会主义思想', '不忘初心、牢记使命', '的的', '在在'];
const SPACES = [' ', '  ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff'];

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: han(1, 8) },
  { weight: 3, arbitrary: pick(PUNCT) },
  { weight: 2, arbitrary: pick(PAIRS) },
  { weight: 2, arbitrary: pick(PLACEHOLDERS) },
  { weight: 2, arbitrary: pick(RUN_IN) },
  { weight: 2, arbitrary: pick(WORDS) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,6}$/) },
  { weight: 1, arbitrary: pick(SPACES) },
);

const sentence: fc.Arbitrary<string> = fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

/** One line of a report: a heading (maybe run in with its body), a paragraph, a title, a comment, a date … */
const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(headingNumber, han(2, 10), fc.option(sentence, { nil: undefined })).map(([n, t, body]) => n + t + (body ? '。' + body : '')) },
  { weight: 5, arbitrary: sentence },
  { weight: 1, arbitrary: han(6, 20).map((t) => `关于${t}的报告`) },
  { weight: 1, arbitrary: pick(['县委宣传部：', '现将有关情况报告如下：', '附件：1.工作台账', '2.问题清单', '中共XX县委宣传部', '2024年1月15日', '二〇二四年一月十五日']) },
  { weight: 1, arbitrary: fc.oneof(sentence.map((s) => `//${s}`), pick(['// gongwen-disable-next-line', '// gongwen-disable punctuation/half-width', '// gongwen-enable'])) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.tuple(pick(SPACES), sentence, pick(SPACES)).map((p) => p.join('')) },
);

/** Report-like text: lines joined by \n, \r\n or \r — or by nothing, as pasted text arrives. */
export const reportText: fc.Arbitrary<string> = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 14 }), pick(['\n', '\n', '\n', '\r\n', '\r', '', ' ']))
  .map(([lines, sep]) => lines.join(sep));

/** Any UTF-16 string: lone surrogates, control characters, everything. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((codes) => String.fromCharCode(...codes)),
  fc.array(pick(['\ud800', '\udc00', '\u0000', '\u001b', '\u007f', '\u2028', '\u2029', '\r', '\n', '（', '）', '“', '”', '一、', 'XX']), { maxLength: 100 }).map((a) => a.join('')),
);

/** Report-like text mostly, any text sometimes. */
export const text: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: reportText }, { weight: 1, arbitrary: anyText });

/** A text and a small edit of it (insert, delete or replace a few characters), as typing does. */
export const edited: fc.Arbitrary<{ before: string; after: string }> = fc
  .tuple(reportText, fc.nat(), fc.nat({ max: 4 }), fc.oneof(fc.constant(''), piece, pick(['\n', '。', '一、', 'XX'])))
  .map(([before, at, del, ins]) => {
    const start = before.length ? at % (before.length + 1) : 0;
    const end = Math.min(before.length, start + del);
    return { before, after: before.slice(0, start) + ins + before.slice(end) };
  });

/** The lines with line li (mod their count) edited at `at`: `del` characters replaced by `ins`. */
function editLine(lines: readonly string[], li: number, at: number, del: number, ins: string): string[] {
  const i = li % lines.length;
  const l = lines[i];
  const start = at % (l.length + 1);
  const edited = [...lines];
  edited[i] = l.slice(0, start) + ins + l.slice(Math.min(l.length, start + del));
  return edited;
}

/** A report and a small edit inside one of its lines, as typing in a paragraph does (the incremental parse's case). */
export const typedInLine: fc.Arbitrary<{ before: string; after: string }> = fc
  .tuple(
    fc.array(line, { minLength: 2, maxLength: 14 }),
    fc.nat(),
    fc.nat(),
    fc.nat({ max: 3 }),
    fc.oneof({ weight: 3, arbitrary: piece }, { weight: 1, arbitrary: pick(['一、', '（一）', '1.', '一是', '第一，', '。', '附件：', '2.', '2024年1月15日', '//', '\r', '']) }),
    pick(['\n', '\r\n']),
  )
  .map(([lines, li, at, del, ins, sep]) => ({ before: lines.join(sep), after: editLine(lines, li, at, del, ins).join(sep) }));

// ------------------------------------------------------------------------------------- properties

const resources = (): ReturnType<typeof defaultResources> => defaultResources();

const inside = (s: Span, length: number): boolean => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;

function spansOf(doc: ParsedReport): [string, Span][] {
  const out: [string, Span][] = [];
  for (const b of doc.blocks) out.push([`block ${b.kind}`, b.span]);
  for (const h of doc.headings) {
    out.push(['heading title', h.titleSpan], ['heading marker', { start: h.marker.start, end: h.marker.end }]);
    if (h.bodySpan) out.push(['heading body', h.bodySpan]);
  }
  const walk = (sections: ParsedReport['sections']): void => {
    for (const s of sections) {
      out.push(['section', s.span]);
      walk(s.children);
    }
  };
  walk(doc.sections);
  for (const l of doc.runInLists) for (const i of l.items) out.push(['run-in marker', i.markerSpan], ['run-in title', i.titleSpan]);
  for (const p of doc.paragraphHeads) out.push(['paragraph head', p.span]);
  return out;
}

export function checkParse(t: string): void {
  const doc = parseReport(t);
  assert.equal(doc.text, t);
  for (const [what, s] of spansOf(doc)) assert.ok(inside(s, t.length), `${what} ${JSON.stringify(s)} outside text of length ${t.length}`);
}

export function checkFindings(t: string): Finding[] {
  const result = lint(parseReport(t), { resources: resources() });
  assert.deepEqual(result.failures, [], 'a rule threw');
  for (const f of result.findings) {
    assert.ok(inside(f.span, t.length), `${f.ruleId}: finding ${JSON.stringify(f.span)} outside text of length ${t.length}`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        assert.ok(inside(e.span, t.length), `${f.ruleId}: fix “${fix.title}” edit ${JSON.stringify(e.span)} outside text of length ${t.length}`);
        assert.equal(typeof e.newText, 'string');
      }
    }
  }
  return result.findings;
}

const isHan = (cp: number): boolean => (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x3134f) || (cp >= 0xf900 && cp <= 0xfaff);
/** Chinese numerals: renumbering a level rewrites the numbers of other headings, by design. */
const NUMERALS = new Set('一二三四五六七八九十〇零百千'.split(''));

function hanCounts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of s) if (isHan(ch.codePointAt(0)!) && !NUMERALS.has(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/**
 * One pass of fix-all: the result is the original outside the chosen edits; and no fix, chosen or not, removes
 * a Han character outside its finding's span (it may rewrite text around the error, but keeps those characters).
 */
export function checkFixPass(t: string): void {
  const findings = checkFindings(t);
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        // Han characters of the replaced text that lie outside the finding's span must all be in the new text.
        const left = e.span.start < f.span.start ? t.slice(e.span.start, Math.min(e.span.end, f.span.start)) : '';
        const right = e.span.end > f.span.end ? t.slice(Math.max(e.span.start, f.span.end), e.span.end) : '';
        const outside = left + right;
        const kept = hanCounts(e.newText);
        for (const [ch, n] of hanCounts(outside)) {
          assert.ok((kept.get(ch) ?? 0) >= n, `${f.ruleId}: fix “${fix.title}” deletes “${ch}” outside the finding ${JSON.stringify(f.span)} (edit ${JSON.stringify(e.span)} → ${JSON.stringify(e.newText)})`);
        }
      }
    }
  }
  const edits = collectFixAllEdits(findings);
  const after = applyEdits(t, edits);
  // Rebuild the result from the untouched text between the edits and the edits' new text.
  let rebuilt = '';
  let pos = 0;
  for (const e of edits) {
    assert.ok(e.span.start >= pos, 'edits overlap');
    rebuilt += t.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  rebuilt += t.slice(pos);
  assert.equal(after, rebuilt, 'text outside the fix edits changed');
}

export function checkFixedPoint(t: string): void {
  const first = fixAll(t, { resources: resources() });
  const second = fixAll(first.text, { resources: resources() });
  assert.equal(second.applied, 0, `a second fix-all still applied ${second.applied} fix(es): ${JSON.stringify(first.text)} → ${JSON.stringify(second.text)}`);
  assert.equal(second.text, first.text);
}

export function checkFormatting(t: string): void {
  const accept = (f: Finding): boolean => isFormattingRule(f.ruleId);
  const once = fixAll(t, { resources: resources(), accept }).text;
  const twice = fixAll(once, { resources: resources(), accept });
  assert.equal(twice.applied, 0, `formatting is not idempotent: ${JSON.stringify(once)} → ${JSON.stringify(twice.text)}`);
}

const comparable = (fs: Finding[]): string[] => fs.map((f) => JSON.stringify([f.ruleId, f.severity, f.span, f.message, f.fixes ?? null]));

export function checkBlockCache(e: { before: string; after: string }): void {
  const cache = new BlockCache();
  lint(parseReport(e.before), { resources: resources(), blockCache: cache });
  const cached = lint(parseReport(e.after), { resources: resources(), blockCache: cache });
  const fresh = lint(parseReport(e.after), { resources: resources() });
  assert.deepEqual(comparable(cached.findings), comparable(fresh.findings), 'the block cache changed the findings');
}

/** A report as plain data (blocks by index instead of object links), to compare two parses. */
export function reportSnapshot(doc: ParsedReport): unknown {
  const index = new Map(doc.blocks.map((b, i) => [b, i]));
  const ix = (b: Block | undefined): number | undefined => (b ? index.get(b) : undefined);
  const sections: Section[] = [];
  const walk = (ss: Section[]): void => ss.forEach((s) => (sections.push(s), walk(s.children)));
  walk(doc.sections);
  const sx = (s: Section | undefined): number | undefined => (s ? sections.indexOf(s) : undefined);
  return {
    text: doc.text,
    lineStarts: doc.lineStarts,
    blocks: doc.blocks.map((b) => ({
      kind: b.kind,
      span: b.span,
      line: b.line,
      section: sx(b.section),
      heading: b.heading && { ...b.heading, block: ix(b.heading.block), section: sx(b.heading.section) },
    })),
    title: doc.title.map(ix),
    recipient: ix(doc.recipient),
    opening: doc.opening.map(ix),
    headings: doc.headings.map((h) => ix(h.block)),
    sections: sections.map((s) => ({ heading: ix(s.heading.block), parent: sx(s.parent), children: s.children.map(sx), blocks: s.blocks.map(ix), span: s.span })),
    runInLists: doc.runInLists.map((l) => ({ family: l.family, section: sx(l.section), items: l.items.map((i) => ({ ...i, block: ix(i.block) })) })),
    paragraphHeads: doc.paragraphHeads.map((h) => ({ span: h.span, block: ix(h.block) })),
    attachments: doc.attachments.map(ix),
    signature: ix(doc.signature),
    date: ix(doc.date),
    comments: doc.comments.map(ix),
  };
}

/** The incremental parse of an edited text equals a fresh parse of it. */
export function checkReparse(e: { before: string; after: string }): void {
  const derived = reparse(parseReport(e.before), e.after);
  assert.deepEqual(reportSnapshot(derived), reportSnapshot(parseReport(e.after)), `reparse differs from parse (${derived.edit ? 'derived' : 'parsed afresh'})`);
}

/** Re-checking a report derived by the incremental parse, with the earlier findings kept, finds what a fresh check finds. */
export function checkIncrementalLint(e: { before: string; after: string }): void {
  const cache = new BlockCache();
  const before = parseReport(e.before);
  lint(before, { resources: resources(), blockCache: cache });
  const derived = reparse(before, e.after);
  const cached = lint(derived, { resources: resources(), blockCache: cache });
  const fresh = lint(parseReport(e.after), { resources: resources() });
  assert.deepEqual(comparable(cached.findings), comparable(fresh.findings), `the incremental check changed the findings (${derived.edit ? 'derived' : 'parsed afresh'})`);
}

/** A report typed at several times, one small edit inside a line after another. */
export const typedSequence: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.array(line, { minLength: 2, maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 }), fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: pick(['一是', '。', '的的', '']) })), { minLength: 1, maxLength: 6 }),
  )
  .map(([lines, edits]) => {
    const versions = [lines.join('\n')];
    let current = lines;
    for (const [li, at, del, ins] of edits) {
      current = editLine(current, li, at, del, ins);
      versions.push(current.join('\n'));
    }
    return versions;
  });

/** The same over a sequence of versions: each derived from the one before, checked with the same cache. */
export function checkIncrementalSequence(versions: string[]): void {
  const cache = new BlockCache();
  let doc = parseReport(versions[0]);
  lint(doc, { resources: resources(), blockCache: cache });
  for (const text of versions.slice(1)) {
    doc = reparse(doc, text);
    const cached = lint(doc, { resources: resources(), blockCache: cache });
    const fresh = lint(parseReport(text), { resources: resources() });
    assert.deepEqual(comparable(cached.findings), comparable(fresh.findings), `the incremental check changed the findings of ${JSON.stringify(text)}`);
  }
}

export interface PropertyDef {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  check: (value: never) => void;
  /** Share of the cases of a run (the expensive ones get fewer). */
  weight: number;
}

export const PROPERTIES: PropertyDef[] = [
  { name: 'parse: never throws, every span inside the text', arbitrary: text, check: checkParse, weight: 4 },
  { name: 'lint: no rule throws, findings and fixes inside the text', arbitrary: text, check: checkFindings, weight: 3 },
  { name: 'fix-all pass: nothing outside the edits changes, no Han character outside a finding is deleted', arbitrary: text, check: checkFixPass, weight: 2 },
  { name: 'fix-all: reaches a fixed point', arbitrary: text, check: checkFixedPoint, weight: 1 },
  { name: 'formatting: idempotent', arbitrary: text, check: checkFormatting, weight: 1 },
  { name: 'block cache: an edited text checks the same as a fresh one', arbitrary: edited, check: checkBlockCache, weight: 2 },
  { name: 'incremental parse: an edited text parses the same as afresh', arbitrary: fc.oneof(edited, typedInLine), check: checkReparse, weight: 4 },
  { name: 'incremental check: an edited text checks the same as afresh', arbitrary: fc.oneof(edited, typedInLine), check: checkIncrementalLint, weight: 3 },
  { name: 'incremental check: typing on and on checks the same as afresh', arbitrary: typedSequence, check: checkIncrementalSequence, weight: 2 },
];
