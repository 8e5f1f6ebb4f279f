// Entry point of the mocha suite that runs INSIDE the extension host (extensionTestsPath).
// Bundled by esbuild to out/test/e2e/suite/index.js with packages external: `mocha` and `vscode`
// are resolved at run time (from the repo's node_modules and from the extension host).
//
// Used by test/e2e/run.mjs (code-server, `payload` URL) and test/e2e/runVscode.ts
// (@vscode/test-electron). When GONGWEN_E2E_LOG / GONGWEN_E2E_RESULT are set (run.mjs sets them
// in code-server's environment, which the extension host inherits), the reporter output is
// mirrored to that log file and a JSON summary { passed, failed, pending, failures } is written.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

interface Summary {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string }[];
}

export function run(): Promise<void> {
  const logFile = process.env.GONGWEN_E2E_LOG;
  const resultFile = process.env.GONGWEN_E2E_RESULT;

  // Reporters print printf-style through Base.consoleLog; format here so the line is complete
  // (code-server's console forwarder would otherwise show raw '%s') and copy it to the log file.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    const line = util.format(...args);
    console.log(line);
    if (logFile) fs.appendFileSync(logFile, line + '\n');
  };

  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }

  return new Promise((resolve, reject) => {
    try {
      const summary: Summary = { passed: 0, failed: 0, pending: 0, failures: [] };
      const runner = mocha.run((failures) => {
        if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2));
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => summary.passed++);
      runner.on('pending', () => summary.pending++);
      runner.on('fail', (test, err: Error) => {
        summary.failed++;
        summary.failures.push({ title: test.fullTitle(), message: String(err?.message ?? err) });
      });
    } catch (err) {
      // e.g. a test file that throws while mocha loads it
      Mocha.reporters.Base.consoleLog('Failed to load the e2e suite: %s', (err as Error)?.stack ?? err);
      if (resultFile) {
        fs.writeFileSync(resultFile, JSON.stringify({
          passed: 0, failed: 1, pending: 0, failures: [{ title: 'loading the suite', message: String(err) }],
        }));
      }
      reject(err);
    }
  });
}
