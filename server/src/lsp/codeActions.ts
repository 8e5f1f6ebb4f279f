/** Quick fixes, “fix all of this rule”, source.fixAll.gongwen and the renumber source action. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  collectFixAllEdits,
  DISABLE_NEXT_LINE,
  fixAll,
  minimalEdit,
  renumberAll,
  RULES_BY_ID,
  type Finding,
  type ParsedReport,
  type TextEdit,
} from '../core';
import { ADD_TO_DICTIONARY_COMMAND, DISABLE_RULE_COMMAND } from '../protocol';
import { toDiagnostic, toLspEdit, toSpan } from './convert';
import type { Settings } from './settings';

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + '.gongwen';
export const RENUMBER_KIND = CodeActionKind.Source + '.renumber.gongwen';

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function edit(doc: TextDocument, edits: readonly TextEdit[]): CodeAction['edit'] {
  const lspEdits: LspTextEdit[] = edits.map((e) => toLspEdit(doc, e));
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lspEdits }] };
}

export function codeActions(
  doc: TextDocument,
  parsed: ParsedReport,
  findings: readonly Finding[],
  params: CodeActionParams,
  settings: Settings,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const range = toSpan(doc, params.range);

  if (wants(only, CodeActionKind.QuickFix)) {
    const fixable = findings.filter((f) => f.fixes?.length);
    const here = fixable.filter((f) => f.span.start <= range.end && range.start <= f.span.end);
    const rulesHere = new Set<string>();
    for (const f of here) {
      rulesHere.add(f.ruleId);
      f.fixes!.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(doc, f)],
          isPreferred: i === 0,
          edit: edit(doc, fix.edits),
        });
      });
    }
    // For every finding here, fixable or not: ignore it here, add the word to the dictionary, or turn the rule off.
    const all = findings.filter((f) => f.span.start <= range.end && range.start <= f.span.end);
    const seen = new Set<string>();
    for (const f of all) {
      const diagnostic = toDiagnostic(doc, f);
      const title = RULES_BY_ID.get(f.ruleId)?.meta.title ?? f.ruleId;
      const line = doc.positionAt(f.span.start).line;
      const key = `${f.ruleId}@${line}`;
      if (!seen.has(key)) {
        seen.add(key);
        const at = doc.offsetAt({ line, character: 0 });
        actions.push({
          title: `忽略此处（“${title}”）`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit(doc, [{ span: { start: at, end: at }, newText: `// ${DISABLE_NEXT_LINE} ${f.ruleId}\n` }]),
        });
      }
      if (f.ruleId.startsWith('typo/') && f.span.end > f.span.start) {
        const word = doc.getText().slice(f.span.start, f.span.end);
        actions.push({
          title: `将“${word}”加入词典`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: '加入词典', command: ADD_TO_DICTIONARY_COMMAND, arguments: [doc.uri, word] },
        });
      }
    }
    for (const ruleId of new Set(all.map((f) => f.ruleId))) {
      const title = RULES_BY_ID.get(ruleId)?.meta.title ?? ruleId;
      actions.push({
        title: `关闭规则“${title}”（${ruleId}）`,
        kind: CodeActionKind.QuickFix,
        command: { title: '关闭此规则', command: DISABLE_RULE_COMMAND, arguments: [ruleId, doc.uri] },
      });
    }
    for (const ruleId of rulesHere) {
      const same = fixable.filter((f) => f.ruleId === ruleId);
      if (same.length < 2) continue;
      const title = RULES_BY_ID.get(ruleId)?.meta.title ?? ruleId;
      actions.push({
        title: `修复全部“${title}”问题（${same.length} 处）`,
        kind: CodeActionKind.QuickFix,
        edit: edit(doc, collectFixAllEdits(same)),
      });
    }
  }

  if (only && wants(only, FIX_ALL_KIND)) {
    const text = doc.getText();
    const result = fixAll(text, { rules: settings.rules });
    const change = minimalEdit(text, result.text);
    if (change) {
      actions.push({
        title: `公文助手：修复全部可自动修复的问题（${result.applied} 处）`,
        kind: FIX_ALL_KIND,
        edit: edit(doc, [{ span: { start: change.start, end: change.end }, newText: change.newText }]),
      });
    }
  }

  if (wants(only, RENUMBER_KIND)) {
    const edits = renumberAll(parsed);
    if (edits.length) actions.push({ title: '重新编号全部标题', kind: RENUMBER_KIND, edit: edit(doc, edits) });
  }
  return actions;
}
