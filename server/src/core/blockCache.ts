/**
 * What a document's earlier checks found, so that re-checking it after an edit runs only what the edit can
 * affect. Two layers:
 *
 * 1. After an incremental parse (ParsedReport.edit, typing inside one body paragraph) of the report checked
 *    last: every rule's earlier findings are moved with the text; 'block' rules check the edited block only
 *    (while their blockContext stays the same), 'structure' rules nothing at all (while the skeleton stays
 *    the same), other rules the whole report.
 * 2. Otherwise, findings of block-local rules (RuleMeta.scope 'block') remembered per block content, so that
 *    re-checking a document after an edit runs those rules on the changed blocks only. A block is known by its
 *    kind, its heading shape and its text — not by its position — so findings are kept relative to the
 *    block's start and shifted back into place. One cache serves one document: each run keeps only the blocks
 *    the document still has.
 *
 * The rule's promise is checked where it can be: a finding or fix edit outside the blocks the rule was given
 * means the rule is not block-local after all; that run is thrown away, the rule is checked on the whole
 * report, and it is never cached again. (That a finding depends only on its own block is held by a property
 * test: a cached run equals a fresh one.)
 */
import type { Block, ParsedReport } from './parse/report';
import type { Resources } from './resources';
import { restrictedReport, type ReportedFinding, type Rule, type RuleContext } from './rule';
import type { Fix, TextEdit } from './types';

/** What the parser trims off blocks (and zero-width characters): part of a block's key, see keysOf. */
const TRIMMED = new Set([0x20, 0x09, 0x3000, 0xa0, 0x2002, 0x2003, 0xfeff, 0x200b, 0x200c, 0x200d, 0x2060]);

/** A reported finding with every offset relative to its block's start. */
type Relative = ReportedFinding;

/** One rule's findings in the report checked last, with the blockContext they were found in. */
interface LastFindings {
  found: ReportedFinding[];
  context?: string;
}

export class BlockCache {
  private resources: Resources | undefined;
  /** The report checked last and, per rule, what it found there (absolute offsets). */
  private last: { doc: ParsedReport; byRule: Map<string, LastFindings> } | undefined;
  /** Per rule: findings by block id. */
  private readonly byRule = new Map<string, Map<number, Relative[]>>();
  /** Per rule: the blockContext its findings in byRule were found in. */
  private readonly contexts = new Map<string, string | undefined>();
  private readonly notLocal = new Set<string>();
  /**
   * Block content → a small id, stable from one version to the next, so that each rule looks its blocks up by
   * number: comparing the (long) content strings once per check, not once per rule.
   */
  private ids = new Map<string, number>();
  private nextId = 0;
  private keyed: { doc: ParsedReport; keys: number[] } | undefined;
  /** The report restricted to the blocks to check, shared by the rules of one check that miss the same blocks. */
  private restricted: { doc: ParsedReport; blocks: Block[]; view: ParsedReport } | undefined;
  /** Blocks checked and blocks reused in the last run of each rule (for tests and the benchmark). */
  readonly lastRun = new Map<string, { checked: number; reused: number }>();

  /**
   * Runs a rule, reusing what can be reused of earlier checks of this document; reports absolute findings
   * through `emit`.
   */
  run(rule: Rule, ctx: Omit<RuleContext, 'report'>, emit: (f: ReportedFinding) => void): void {
    const doc = ctx.doc;
    if (ctx.resources !== this.resources) {
      this.byRule.clear();
      this.last = undefined;
      this.resources = ctx.resources;
    }
    if (this.last?.doc !== doc) {
      const previous = doc.edit?.previous.deref();
      const earlier = previous && this.last?.doc === previous ? this.last.byRule : undefined;
      this.last = { doc, byRule: new Map() };
      this.earlier = earlier;
    }
    const found: ReportedFinding[] = [];
    const collect = (f: ReportedFinding): void => {
      found.push(f);
      emit(f);
    };
    const context = rule.meta.scope === 'block' ? rule.blockContext?.(doc) : undefined;
    const before = this.earlier?.get(rule.meta.id);
    if (!before || !doc.edit || !this.reuse(rule, ctx, before, context, collect)) {
      if (rule.meta.scope === 'block') this.runBlockLocal(rule, ctx, collect, context);
      else rule.check({ ...ctx, report: collect });
    }
    // A cancelled check may have stopped early: remember nothing of it.
    if (!ctx.isCancelled?.()) this.last.byRule.set(rule.meta.id, { found, context });
  }

  /** Rules' findings in the report the current one was derived from (layer 1), while it is being checked. */
  private earlier: Map<string, LastFindings> | undefined;

  /**
   * Layer 1: the earlier findings moved with the edit, and the edited block checked again where the rule's
   * promise allows it. False when it does not: the caller checks in full.
   */
  private reuse(
    rule: Rule,
    ctx: Omit<RuleContext, 'report'>,
    before: LastFindings,
    context: string | undefined,
    collect: (f: ReportedFinding) => void,
  ): boolean {
    const edit = ctx.doc.edit!;
    const { start, oldEnd, newEnd, blockBefore } = edit;
    const delta = newEnd - oldEnd;
    const block = rule.meta.scope === 'block' && !this.notLocal.has(rule.meta.id);
    if (block ? context !== before.context : rule.meta.reads !== 'structure' || edit.skeleton) return false;
    const kept: ReportedFinding[] = [];
    for (const f of before.found) {
      if (block) {
        // The edited block's findings are found again below; the others moved.
        if (f.span.start >= blockBefore.start && f.span.end <= blockBefore.end) continue;
      } else if (touches(f, start, oldEnd)) return false; // a skeleton finding where the text changed: check afresh
      kept.push(f);
    }
    // Findings wholly before the edit stay as they are; the others move (fixes that several findings share,
    // such as one renumbering of a whole group of headings, move once).
    const movedEdits = new Map<TextEdit[], TextEdit[]>();
    const move = (p: number): number => (p > oldEnd ? p + delta : p);
    for (const f of kept) collect(delta === 0 || lastOffset(f) < start ? f : shift(f, move, movedEdits));
    if (block) {
      rule.check({ ...ctx, doc: this.restrict(ctx.doc, [ctx.doc.blocks[edit.block]]), report: collect });
      this.lastRun.set(rule.meta.id, { checked: 1, reused: ctx.doc.blocks.length - 1 });
    }
    return true;
  }

  /** Layer 2: a block-local rule on the blocks whose content it has not seen. */
  private runBlockLocal(rule: Rule, ctx: Omit<RuleContext, 'report'>, emit: (f: ReportedFinding) => void, context: string | undefined): void {
    const id = rule.meta.id;
    const doc = ctx.doc;
    if (this.notLocal.has(id) || longestLine(doc) > CACHED_LINE_MAX) return rule.check({ ...ctx, report: emit });
    const keys = this.keysOf(doc);
    // Findings kept under another blockContext (the report's year changed) are of no use.
    if (this.contexts.get(id) !== context) this.byRule.delete(id);
    this.contexts.set(id, context);
    const previous = this.byRule.get(id) ?? new Map<number, Relative[]>();
    const next = new Map<number, Relative[]>();
    const reused: { block: Block; found: Relative[] }[] = [];
    const missing: Block[] = [];
    const missingKeys: number[] = [];
    const blocks = doc.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const key = keys[i];
      const hit = next.get(key) ?? previous.get(key);
      if (hit) {
        next.set(key, hit);
        reused.push({ block: blocks[i], found: hit });
      } else {
        missing.push(blocks[i]);
        missingKeys.push(key);
      }
    }

    const perBlock: Relative[][] = missing.map(() => []);
    if (missing.length) {
      const found: ReportedFinding[] = [];
      rule.check({ ...ctx, doc: this.restrict(doc, missing), report: (f) => void found.push(f) });
      for (const f of found) {
        const j = blockOf(missing, f.span.start, f.span.end);
        const base = j === -1 ? 0 : missing[j].span.start;
        const inside = j !== -1 && (f.fixes ?? []).every((fix) => fix.edits.every((e) => e.span.start >= base && e.span.end <= missing[j].span.end));
        if (!inside) {
          // Not block-local: check the whole report, now and from now on.
          this.notLocal.add(id);
          this.byRule.delete(id);
          this.lastRun.delete(id);
          return rule.check({ ...ctx, report: emit });
        }
        perBlock[j].push(shift(f, -base));
      }
    }
    // A cancelled check may have stopped early: report what it found, but remember nothing of it.
    if (!ctx.isCancelled?.()) {
      missing.forEach((_, j) => next.set(missingKeys[j], perBlock[j]));
      this.byRule.set(id, next);
    }
    this.lastRun.set(id, { checked: missing.length, reused: reused.length });
    for (const { block, found } of reused) for (const f of found) emit(shift(f, block.span.start));
    missing.forEach((block, j) => perBlock[j].forEach((f) => emit(shift(f, block.span.start))));
  }

  private keysOf(doc: ParsedReport): number[] {
    if (this.keyed?.doc === doc) return this.keyed.keys;
    const ids = new Map<string, number>(); // only the blocks this version has: the map never grows beyond one document
    const text = doc.text;
    const keys = doc.blocks.map((b) => {
      const h = b.heading ? `${b.heading.level}${b.heading.inline ? 'i' : ''}` : '';
      // The spaces trimmed off around the block belong to its content too: a rule scanning the whole text may
      // see a match run on into them (a run of spaces or zero-width characters at the end of a paragraph).
      let lead = b.span.start;
      while (lead > 0 && TRIMMED.has(text.charCodeAt(lead - 1))) lead--;
      let trail = b.span.end;
      while (trail < text.length && TRIMMED.has(text.charCodeAt(trail))) trail++;
      const content = `${b.kind}\u0000${h}\u0000${b.span.start - lead}\u0000${text.slice(lead, trail)}\u0000${trail - b.span.end}`;
      let id = ids.get(content) ?? this.ids.get(content);
      if (id === undefined) id = this.nextId++;
      ids.set(content, id);
      return id;
    });
    this.ids = ids;
    this.keyed = { doc, keys };
    return keys;
  }

  private restrict(doc: ParsedReport, blocks: Block[]): ParsedReport {
    const r = this.restricted;
    if (r && r.doc === doc && r.blocks.length === blocks.length && r.blocks.every((b, i) => b === blocks[i])) return r.view;
    const view = restrictedReport(doc, blocks);
    this.restricted = { doc, blocks, view };
    return view;
  }
}

/**
 * Lines longer than this (a report pasted as one line) are checked whole: a rule's scan of a few of their
 * blocks starts at the line's start (see scanSegments), so re-checking them block by block costs more than
 * checking the line once.
 */
const CACHED_LINE_MAX = 20_000;

const longest = new WeakMap<ParsedReport, number>();
function longestLine(doc: ParsedReport): number {
  let max = longest.get(doc);
  if (max === undefined) {
    max = 0;
    const starts = doc.lineStarts;
    for (let i = 0; i < starts.length; i++) max = Math.max(max, (i + 1 < starts.length ? starts[i + 1] : doc.text.length) - starts[i]);
    longest.set(doc, max);
  }
  return max;
}

/**
 * Index of the block (sorted by start, not overlapping) that contains [start, end], or -1. An empty span where
 * one block ends and the next begins (an insertion at a boundary) belongs to the block that ends there.
 */
function blockOf(blocks: readonly Block[], start: number, end: number): number {
  const before = lastStartingBefore(blocks, start, false);
  if (before !== -1 && end <= blocks[before].span.end) return before;
  const at = lastStartingBefore(blocks, start, true);
  if (at !== -1 && blocks[at].span.start === start && end <= blocks[at].span.end) return at;
  return -1;
}

/** The last block whose start is < pos (or <= pos when `inclusive`), by binary search; -1 if none. */
function lastStartingBefore(blocks: readonly Block[], pos: number, inclusive: boolean): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = blocks[mid].span.start;
    if (s < pos || (inclusive && s === pos)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The finding with every offset p moved to move(p) (or by a number); `memo` moves an edit list shared by findings once. */
function shift(f: ReportedFinding, by: number | ((p: number) => number), memo?: Map<TextEdit[], TextEdit[]>): ReportedFinding {
  const move = typeof by === 'number' ? (p: number): number => p + by : by;
  const out: ReportedFinding = { span: { start: move(f.span.start), end: move(f.span.end) }, message: f.message };
  if (f.severity) out.severity = f.severity;
  const moveEdits = (edits: TextEdit[]): TextEdit[] => {
    let moved = memo?.get(edits);
    if (!moved) {
      moved = edits.map((e) => ({ span: { start: move(e.span.start), end: move(e.span.end) }, newText: e.newText }));
      memo?.set(edits, moved);
    }
    return moved;
  };
  if (f.fixes) out.fixes = f.fixes.map((fix): Fix => ({ ...fix, edits: moveEdits(fix.edits) }));
  return out;
}

/** The greatest offset in a finding and its fixes. */
function lastOffset(f: ReportedFinding): number {
  let last = f.span.end;
  for (const fix of f.fixes ?? []) for (const e of fix.edits) if (e.span.end > last) last = e.span.end;
  return last;
}

/**
 * Whether a finding or one of its fix edits touches the changed text [start, oldEnd] (ends included: whether a
 * span ending where text was inserted grows with it cannot be told), so that moving it would be a guess.
 */
function touches(f: ReportedFinding, start: number, oldEnd: number): boolean {
  const near = (s: { start: number; end: number }): boolean => s.start <= oldEnd && s.end >= start;
  return near(f.span) || !!f.fixes?.some((fix) => fix.edits.some((e) => near(e.span)));
}
