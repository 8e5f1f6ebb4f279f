// The language server dies mid-session (killed, as an out-of-memory kill or a crash would end it): the client
// restarts it, tells the user once, and checking goes on — for a document opened after the restart too.
// The server's pid comes from the extension's internal command gongwen.internal.serverInfo (client/src/crash.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { isPlaceholder, open, scratchCopy, waitForDiagnostics, WAIT_MS } from './helpers';

interface ServerInfo {
  pid?: number;
  running: boolean;
  restarts: number;
  told: boolean;
}

const serverInfo = (): Thenable<ServerInfo> => vscode.commands.executeCommand<ServerInfo>('gongwen.internal.serverInfo');

/** Polls an async condition (the restart has no event the extension API exposes). */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('gongwen e2e: the server survives a crash', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('a killed server is restarted by the client, the user is told once, and new documents are checked', async () => {
    const before = await open(await scratchCopy('report.gw', 'crash-before.gw'));
    await waitForDiagnostics(before.uri, (ds) => ds.some(isPlaceholder), 'placeholders before the crash');
    const first = await eventually(async () => ((await serverInfo()).pid ? serverInfo() : undefined), 'the server pid');
    assert.ok(first.pid && first.pid !== process.pid, `server pid ${first.pid}`);
    assert.strictEqual(first.told, false, 'nothing said before a crash');

    process.kill(first.pid, 'SIGKILL');

    const second = await eventually(async () => {
      const info = await serverInfo();
      return info.running && info.pid && info.pid !== first.pid ? info : undefined;
    }, 'a new server process');
    assert.strictEqual(second.restarts, first.restarts + 1, 'restarted once');
    assert.strictEqual(second.told, true, 'the user was told');

    const after = await open(await scratchCopy('report.gw', 'crash-after.gw'));
    const diags = await waitForDiagnostics(after.uri, (ds) => ds.some(isPlaceholder), 'placeholders from the restarted server');
    assert.ok(diags.filter(isPlaceholder).length >= 2);
  });
});
