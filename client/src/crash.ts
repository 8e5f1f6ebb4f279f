/**
 * When the language server dies: restart it and tell the user once, in Chinese. After five crashes within three
 * minutes it stays down and says so (a server that crashes on start would otherwise restart for ever). Failures
 * of initialize and of the connection get Chinese messages too, instead of the library's English ones.
 *
 * `gongwen.internal.serverInfo` (not in the command palette) answers the server's pid and memory and how often
 * the server was restarted: the end-to-end test kills that pid and waits for the restart.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler, type LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import { PROCESS_INFO_REQUEST, type ProcessInfoResult } from '../../server/src/protocol';

export const SERVER_INFO_COMMAND = 'gongwen.internal.serverInfo';

/** Crashes within this window count towards the limit. */
const WINDOW_MS = 3 * 60_000;
const MAX_CRASHES = 5;

export interface CrashState {
  /** How often the server was restarted after it died. */
  restarts: number;
  /** Whether the user has been told about a restart (once per window session). */
  told: boolean;
}

export interface CrashHandling {
  options: Pick<LanguageClientOptions, 'errorHandler' | 'initializationFailedHandler'>;
  state: CrashState;
  /** Registers the internal server-info command for this client. */
  attach(context: vscode.ExtensionContext, client: LanguageClient): void;
}

export function crashHandling(
  show: {
    warning(message: string): void;
    error(message: string): void;
  } = { warning: (m) => void vscode.window.showWarningMessage(m), error: (m) => void vscode.window.showErrorMessage(m) },
): CrashHandling {
  const state: CrashState = { restarts: 0, told: false };
  const crashes: number[] = [];
  const errorHandler: ErrorHandler = {
    // Reading or writing the connection failed: keep going for a few errors in a row, then give up on it.
    error: (_error, _message, count) =>
      count !== undefined && count <= 3
        ? { action: ErrorAction.Continue, handled: true }
        : { action: ErrorAction.Shutdown, message: '公文助手：与语言服务器的连接反复出错，已关闭连接。请重新加载窗口。', handled: false },
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0] > WINDOW_MS) crashes.shift();
      if (crashes.length >= MAX_CRASHES) {
        show.error(`公文助手：语言服务器在 3 分钟内意外退出了 ${MAX_CRASHES} 次，已停止自动重启，检查暂停。请查看“输出 → 公文助手”，然后重新加载窗口。`);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      state.restarts++;
      if (!state.told) {
        state.told = true;
        show.warning('公文助手：语言服务器意外退出，已自动重启，检查将继续。如果反复出现，请查看“输出 → 公文助手”。');
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
  return {
    state,
    options: {
      errorHandler,
      initializationFailedHandler: (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        show.error(`公文助手：语言服务器启动失败（${detail}）。请查看“输出 → 公文助手”。`);
        return false; // do not retry initialize: the same server would fail the same way
      },
    },
    attach(context, client) {
      context.subscriptions.push(
        vscode.commands.registerCommand(SERVER_INFO_COMMAND, async () => {
          const info = client.isRunning() ? await client.sendRequest<ProcessInfoResult>(PROCESS_INFO_REQUEST) : undefined;
          return { ...info, running: client.isRunning(), restarts: state.restarts, told: state.told };
        }),
      );
    },
  };
}
