/** The renumber command's WorkspaceEdit. */
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { renumberAll, type ParsedReport } from '../core';
import { toLspEdit } from './convert';

export function renumberEdit(doc: TextDocument, parsed: ParsedReport): WorkspaceEdit | undefined {
  const edits = renumberAll(parsed);
  if (!edits.length) return undefined;
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => toLspEdit(doc, e)) }] };
}
