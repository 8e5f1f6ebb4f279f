// Runs the extension-host suite (test/e2e/suite) in a desktop VS Code downloaded by
// @vscode/test-electron — for machines that can reach the VS Code download servers.
// Offline (as here / in CI) use `npm run test:e2e` instead, which runs the same suite in code-server.
//
// Build first (`npm run build`), then: npm run test:vscode   (= node out/test/e2e/runVscode.js)
// Env: VSCODE_VERSION (default "stable"; e.g. "1.91.0" to test the minimum engines.vscode).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  // out/test/e2e/runVscode.js → repo root; the sources of the workspace stay in test/e2e/workspace
  const repo = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.join(repo, 'out', 'test', 'e2e', 'suite', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: run \`npm run build\` first`);
    return 1;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-vscode-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repo, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
    });
  } catch (err) {
    console.error('VS Code tests failed:', err);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
