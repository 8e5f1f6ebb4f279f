/**
 * The `gongwen` command line: a third host on the same core as the language server.
 *   gongwen check [--format pretty|json] FILE...   findings; exit 0 none / 1 errors found / 2 usage or read error
 *   gongwen outline [--format pretty|json] FILE     the section tree
 *   gongwen export FILE [-o OUT.docx] [--force]      GB/T 9704 Word file;  gongwen import FILE.docx [-o OUT.gw]
 *   gongwen rules [--format json|--markdown]        the rule catalogue
 *   gongwen lsp --stdio                             the language server on stdio (Neovim, Emacs, Helix …)
 */
import { runCheck } from './check';
import { runOutline } from './outline';
import { runExport } from './export';
import { runImport } from './import';
import { runRules } from './rules';

const USAGE = `用法：
  gongwen check [--format pretty|json] [--exit-zero] [--dict 词典.yml]... 文件...
                                                  检查报告，列出问题（--exit-zero：发现错误也以 0 退出；
                                                  报告上级文件夹中最近的 .gongwen/*.yml 词典自动使用）
  gongwen outline [--format pretty|json] 文件     显示报告的结构大纲
  gongwen export 报告.gw [-o 报告.docx] [--force] [--grid word|portable] [--signature sealed|unsealed]
                 [--title-font|--body-font|--heading1-font|--heading2-font|--page-number-font|--latin-font 字体]
                                                  按 GB/T 9704-2012 版式导出为 Word（已有文件须加 --force 才覆盖）
  gongwen import 报告.docx [-o 报告.gw | -o -] [--force]
                                                  把 Word 报告转为 .gw 文本（自动编号保留为文字，表格和图片标出）
  gongwen rules [--format json | --markdown]      列出全部检查规则
  gongwen lsp --stdio                             以 stdio 方式启动语言服务器（供 Neovim、Emacs、Helix 等编辑器使用）
  gongwen --version | --help

退出码：0 未发现错误；1 发现错误；2 用法错误或文件无法读取。`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

// `gongwen outline x | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

async function main(argv: string[]): Promise<number> {
  const io: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, io);
    case 'export':
      return runExport(rest, io);
    case 'import':
      return runImport(rest, io);
    case 'outline':
      return runOutline(rest, io);
    case 'rules':
      return runRules(rest, io);
    case 'lsp': {
      if (!rest.includes('--stdio')) {
        io.err('gongwen lsp 目前只支持 --stdio。');
        return 2;
      }
      const { startStdioServer } = await import('./lsp');
      startStdioServer();
      return -1; // keep running
    }
    case '--version':
    case '-v':
      io.out('gongwen 0.1.0');
      return 0;
    case '--help':
    case '-h':
    case 'help':
      io.out(USAGE);
      return 0;
    default:
      io.err(command ? `未知命令“${command}”。\n\n${USAGE}` : USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`公文助手内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
