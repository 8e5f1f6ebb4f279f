import type { Rule } from '../../rule';
import { pairAnalysis } from '../../text/pairs';
import { punctView } from '../../text/punctuation';

const NAMES: Record<string, string> = {
  '“': '引号',
  '”': '引号',
  '‘': '单引号',
  '’': '单引号',
  '（': '括号',
  '）': '括号',
  '《': '书名号',
  '》': '书名号',
  '〈': '书名号',
  '〉': '书名号',
  '【': '方头括号',
  '】': '方头括号',
  '「': '直角引号',
  '」': '直角引号',
  '『': '直角引号',
  '』': '直角引号',
  '〔': '六角括号',
  '〕': '六角括号',
  '［': '方括号',
  '］': '方括号',
};

const rule: Rule = {
  meta: {
    id: 'punctuation/unbalanced-pair',
    category: 'punctuation',
    defaultSeverity: 'warning',
    title: '成对标点不配对',
    description:
      '引号“”‘’、括号（）、书名号《》〈〉、方头括号【】、六角括号〔〕等成对标点，在同一段内应前后配对。' +
      '只有前一半或只有后一半，多为漏写、多写或删改时遗留，请补全或删除。多行标题作为一个整体检查；' +
      '引文跨越多段时每段开头用前引号、只在末段用后引号，不算不配对；从 PDF 粘贴、句中断行时跨两行的一对标点也不算；' +
      '“1）”“a）”之类的序号不算括号。' +
      '无法确定应在何处补全，因此不自动修复。',
    standard: 'GB/T 15834-2011 4.8 引号、4.9 括号、4.15 书名号；5.1.3',
    fixable: false,
  },
  check(ctx) {
    for (const u of pairAnalysis(punctView(ctx.doc)).unmatched) {
      const name = NAMES[u.ch] ?? '成对标点';
      const message = u.opening
        ? `${name}的前一半“${u.ch}”没有配对的后一半“${u.partner}”`
        : `${name}的后一半“${u.ch}”前面没有配对的前一半“${u.partner}”`;
      ctx.report({ span: { start: u.pos, end: u.pos + 1 }, message });
    }
  },
};

export default rule;
