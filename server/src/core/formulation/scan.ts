/**
 * One pass over the report for the formulation rules: a single dense-root automaton holds the dictionary's
 * literal patterns, the pieces of the long fixed names, the dated phrases and the anchors of meeting names
 * (全会, 会议, 代表大会, 十九大 …). Each block gets what was found in it; the expensive work (the dictionary
 * matcher with its allow-lists, edit distances, meeting regexes) then runs only where something was found.
 * Cached per parsed document and dictionary matcher (standard and outdated share it).
 */
import type { DictionaryMatcher } from '../dict/matcher';
import type { Block, ParsedReport } from '../parse/report';
import { AhoCorasick } from '../dict/ahoCorasick';
import { formulationData, type TimelinePhrase } from './data';
import { namePieces, type Piece } from './fuzzy';
import { findMeetings, type MeetingMention } from './meetings';
import { checkedBlocks } from './text';
import { phraseApplies, reportTime } from './time';
import { reportYear } from '../reportYear';

type Tag = { kind: 'dict' } | { kind: 'piece'; piece: Piece } | { kind: 'phrase'; phrase: TimelinePhrase };

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

export interface BlockScan {
  block: Block;
  /** The dictionary matcher may find something here. */
  dict: boolean;
  pieces: Hit<Piece>[];
  phrases: Hit<TimelinePhrase>[];
  /** A meeting name may be here. */
  meeting: boolean;
  mentions?: MeetingMention[];
}

const MEETING_ANCHORS = ['全会', '会议', '代表大会', '党代会'];
const NUMERALS = '一二三四五六七八九十0123456789０１２３４５６７８９';

function numeralBeforeDa(s: string): boolean {
  for (let at = s.indexOf('大', 1); at !== -1; at = s.indexOf('大', at + 1)) if (NUMERALS.includes(s[at - 1])) return true;
  return false;
}

interface Built {
  automaton: AhoCorasick<Tag>;
  /** The matcher has /regex/ patterns: every block goes to it. */
  dictEverywhere: boolean;
}

const automata = new WeakMap<DictionaryMatcher, Built>();
let withoutDictionary: Built | undefined;

function build(matcher: DictionaryMatcher | undefined): Built {
  const cached = matcher ? automata.get(matcher) : withoutDictionary;
  if (cached) return cached;
  const automaton = new AhoCorasick<Tag>();
  let dictEverywhere = false;
  const dictTag: Tag = { kind: 'dict' };
  for (const e of matcher?.entries ?? []) {
    for (const p of e.patterns) {
      if (p.regex) dictEverywhere = true;
      else automaton.add(p.source, dictTag);
    }
  }
  for (const [pattern, piece] of namePieces()) automaton.add(pattern, { kind: 'piece', piece });
  for (const phrase of formulationData().phrases) for (const p of phrase.patterns) automaton.add(p, { kind: 'phrase', phrase });
  const built = { automaton, dictEverywhere };
  if (matcher) automata.set(matcher, built);
  else withoutDictionary = built;
  return built;
}

const cache = new WeakMap<ParsedReport, { matcher: DictionaryMatcher | undefined; scans: BlockScan[] }>();

/** What the pass found, per block that has anything (blocks in document order). */
export function scanReport(doc: ParsedReport, matcher: DictionaryMatcher | undefined): BlockScan[] {
  const hit = cache.get(doc);
  if (hit && hit.matcher === matcher) return hit.scans;
  const { automaton, dictEverywhere } = build(matcher);
  const text = doc.text;
  const scans: BlockScan[] = [];
  // Dated phrases that cannot matter for this report's year are not collected (most of them, usually).
  const t = reportTime(reportYear(doc));
  const applies = new Map<TimelinePhrase, boolean>();
  for (const p of formulationData().phrases) applies.set(p, phraseApplies(p, t));
  for (const block of checkedBlocks(doc)) {
    let scan: BlockScan | undefined = dictEverywhere ? { block, dict: true, pieces: [], phrases: [], meeting: false } : undefined;
    automaton.search(text, block.span.start, block.span.end, (start, end, tag) => {
      if (tag.kind === 'piece') {
        // A piece of a name written exactly: nothing to look at.
        if (text.startsWith(tag.piece.name.name, start - tag.piece.offset)) return;
      } else if (tag.kind === 'phrase' && !applies.get(tag.phrase)) return;
      scan ??= { block, dict: false, pieces: [], phrases: [], meeting: false };
      if (tag.kind === 'dict') scan.dict = true;
      else if (tag.kind === 'piece') scan.pieces.push({ start, end, value: tag.piece });
      else scan.phrases.push({ start, end, value: tag.phrase });
    });
    // Meeting names: native searches for their anchors (全会, 会议, 代表大会, 党代会, 十九大 …).
    const s = text.slice(block.span.start, block.span.end);
    if (MEETING_ANCHORS.some((a) => s.includes(a)) || numeralBeforeDa(s)) {
      scan ??= { block, dict: false, pieces: [], phrases: [], meeting: false };
      scan.meeting = true;
    }
    if (scan) scans.push(scan);
  }
  cache.set(doc, { matcher, scans });
  return scans;
}

/** The meeting mentions of a scanned block (computed once). */
export function mentionsOf(text: string, scan: BlockScan): MeetingMention[] {
  if (!scan.meeting) return [];
  scan.mentions ??= findMeetings(text, scan.block.span.start, scan.block.span.end);
  return scan.mentions;
}
