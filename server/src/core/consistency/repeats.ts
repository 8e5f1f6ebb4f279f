/**
 * When a doubled word is an error and when it is Chinese: the data behind duplicate/repeated-word.
 *
 * Single characters: only function words are checked (的的, 了了, 在在 …); content characters double
 * legitimately (常常, 天天, 人人, 层层, 代代相传). Even a function word doubles across a word boundary
 * (为了|了解, 具有|有力, 不了了之), so each one lists the first characters of words ending in it (`prev`)
 * and the second characters of words starting with it (`next`); either one clears the pair.
 *
 * Longer units (工作工作, 进一步进一步) are errors except verb reduplication (研究研究, 讨论讨论),
 * 一X一X (一个一个, 一步一步) and A不A leftovers (是不是不).
 */

interface Guard {
  /** X in “X的的”: the pair is the end of the word X的 and the start of the next. */
  prev?: string;
  /** Y in “的的Y”: the second character starts the word 的Y. */
  next?: string;
}

export const FUNCTION_WORD_GUARDS: Readonly<Record<string, Guard>> = {
  的: { prev: '目标端有', next: '确士' }, // 目的|的, 的的确确
  了: { prev: '甚', next: '解然结却得不如之断账' }, // 为了|了解, 不了了之, 不甚了了
  是: { next: '否非' }, // 但是|是否, 是是非非
  在: { prev: '现存实正所潜内外自旨好健' }, // 现在|在, 实实在在
  和: { prev: '共总调温柔缓平祥附应饱中随暖' },
  与: { prev: '参给赋授准予赠交', next: '会否' }, // 参与|与, 与|与会
  及: { prev: '以涉危普波顾论企触提未殃', next: '时早格' }, // 以及|及时
  也: {},
  还: { prev: '归偿退交奉送返生', next: '是有要在原款债击给' }, // 归还|还是
  都: { prev: '首成京古迁建定帝国旧故', next: '市会' },
  就: { prev: '成造迁将俯高屈早练铸', next: '业近地绪职医学诊餐寝读任位' }, // 成就|就业
  并: { prev: '合兼吞归', next: '列购入肩存发举重行' },
  而: { prev: '然因从进继反故', next: '且言已易' },
  被: { next: '子褥' },
  对: { prev: '针相面绝反应比校核派成一两几配结', next: '象手联话口照称策接待外方比齐' }, // 针对|对象, 一对对
  将: { prev: '即行必终大老武干', next: '来军领士' },
  向: { prev: '方导取趋动倾意志走面转偏指风去', next: '导往前上来' },
  于: { prev: '由对关至属等在善便勇敢乐易基鉴终过位处忠力限甘急', next: '是今' },
  之: { prev: '总加随反久言' },
  从: { prev: '服随无适盲顺', next: '事严而中前头来小' },
  或: {},
  得: { prev: '取获赢值懂记觉难晓博显使免', next: '到力益失分以' },
  着: { prev: '沿随接紧顺本执衣穿', next: '力手眼重想实落陆装' },
  有: { prev: '具拥所没占享富含持保只唯特共固现还已国设建原既带尚应自装常', next: '效力利关益机序的所些人时点着限权趣意名害望用无余' }, // 具有|有力
  要: { prev: '主重需只必紧首纲概提摘扼切总次不还就正想快将偏简须索政机险', next: '求素点务害件闻是说紧么道领义职' }, // 主要|要求
  会: { prev: '社机大开聚学协体理领议约工都不一闭省国总全集教晚宴相我与', next: '议上同谈见长计员场后晤合战师址意审面馆展' }, // 社会|会议
  们: {},
  我: { prev: '自忘敌' },
  这: {},
  把: { prev: '一两几三四五六七八九十火扫拖', next: '关握手脉持守门戏柄头' },
  不: { prev: '要若何', next: '' },
};

/** Whether the doubled character at `i`, `i + 1` is a function word repeated by mistake. */
export function repeatGuard(text: string, i: number, lo: number, hi: number): boolean {
  const c = text[i];
  const guard = FUNCTION_WORD_GUARDS[c];
  if (!guard) return false;
  const before = i > lo ? text[i - 1] : '';
  const after = i + 2 < hi ? text[i + 2] : '';
  // AABB: 实实在在, 的的确确, 和和美美.
  if (i - 2 >= lo && before && before === text[i - 2]) return false;
  if (after && i + 3 < hi && after === text[i + 3]) return false;
  if (before && guard.prev?.includes(before)) return false;
  if (after && guard.next?.includes(after)) return false;
  return true;
}

/** Verbs (and a few adjectives) whose ABAB reduplication is correct Chinese. */
export const ABAB_ALLOWED: ReadonlySet<string> = new Set(
  (
    '研究 讨论 学习 商量 考虑 休息 锻炼 检查 交流 活动 了解 打扫 整理 准备 介绍 调查 比较 体验 思考 总结 琢磨 ' +
    '收拾 批评 表扬 帮助 关心 沟通 反思 熟悉 认识 清理 梳理 盘点 议论 合计 打听 请教 试验 尝试 练习 掂量 ' +
    '大批 大把 大片 大群 大块 好久 好多 很多 很久 许多 许久 良久 彼此 千万 ' +
    '雪白 通红 冰凉 笔直 碧绿 火热 滚烫 漆黑 蜡黄 喷香 崭新'
  ).split(' '),
);

/** Whether the unit of `k` characters at `i`, written twice, is a correct reduplication. */
export function isReduplication(text: string, i: number, k: number): boolean {
  const unit = text.slice(i, i + k);
  if (unit[0] === '一' && k <= 3) return true; // 一个一个, 一步一步, 一点儿一点儿
  if (k === 2) {
    if (ABAB_ALLOWED.has(unit)) return true;
    if (unit[1] === '不' || unit[1] === '没') return true; // 是不是不…, 有没有没…
    if (unit === '学习' && text.startsWith('强国', i + 4)) return true;
  }
  // 中共××卫生健康委员会委员会: the party committee of a commission is named so.
  if (unit === '委员会') return true;
  return false;
}

/**
 * A content character doubled at the head of one item of a 顿号 list whose neighbouring item starts with it
 * once: 讲政策、讲变化、讲讲成效 (but 天天讲、天天学 doubles it in every item).
 */
export function doubledListHead(text: string, i: number, lo: number, hi: number): boolean {
  const c = text[i];
  const single = (at: number): boolean => at >= lo && at + 1 < hi && text[at] === c && text[at + 1] !== c;
  if (i - 1 >= lo && text[i - 1] === '、') {
    let p = i - 2;
    while (p >= lo && p > i - 12 && !/[、，。；：！？\n]/.test(text[p])) p--;
    if (single(p + 1)) return true;
  }
  if (i === lo || /[、，。；：！？“]/.test(text[i - 1])) {
    let q = i + 2;
    while (q < hi && q < i + 12 && !/[、，。；：！？]/.test(text[q])) q++;
    if (q < hi && text[q] === '、' && single(q + 1)) return true;
  }
  return false;
}

export interface RepeatRun {
  /** Where the first copy starts. */
  start: number;
  /** The unit's length in code units. */
  k: number;
  /** End of the periodic stretch: text[start, end) repeats text[start, start + k). */
  end: number;
}

/**
 * Stretches of text[lo, hi) that repeat a unit of 1…maxUnit characters at least twice (的的, 工作工作,
 * 进一步进一步), ordered by start and, at one start, longest unit first. For each unit length k only every
 * k-th position is probed (a stretch of two copies has k consecutive positions where text[q] = text[q + k]),
 * so the scan costs about n·(1 + 1/2 + … + 1/maxUnit) comparisons.
 */
export function findRepeatRuns(text: string, lo: number, hi: number, maxUnit: number): RepeatRun[] {
  // The probes read a copy of the code units: charCodeAt in a loop this tight costs several times as much.
  const n = hi - lo;
  if (codes.length < n) codes = new Uint16Array(Math.max(n, codes.length * 2));
  const c = codes;
  for (let i = 0; i < n; i++) c[i] = text.charCodeAt(lo + i);
  const runs: RepeatRun[] = [];
  for (let k = maxUnit; k >= 1; k--) {
    for (let p = 0; p + k < n; p += k) {
      if (c[p] !== c[p + k]) continue;
      let r0 = p;
      while (r0 > 0 && c[r0 - 1] === c[r0 - 1 + k]) r0--;
      let r1 = p + 1;
      while (r1 + k < n && c[r1] === c[r1 + k]) r1++;
      if (r1 - r0 >= k) runs.push({ start: lo + r0, k, end: lo + r1 + k });
      p = r1; // the next stretch starts after r1; probing every k-th position from here still meets it
    }
  }
  return runs.length > 1 ? runs.sort(byStart) : runs;
}

let codes = new Uint16Array(4096);
const byStart = (a: RepeatRun, b: RepeatRun): number => a.start - b.start || b.k - a.k;
