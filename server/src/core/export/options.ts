/**
 * Export options (fonts, signature layout, grid) and their normaliser: any value in → valid options and a list
 * of Chinese problems out, as `lsp/settings.ts` does for the other settings. Shared by the LSP request (from the
 * `gongwen.export.*` settings) and the CLI (from its options).
 */

/** 7.3.5.1 加盖印章 (date 右空四字, organisation centred over the date) or 7.3.5.2 不加盖印章 (organisation 右空二字). */
export type SignatureLayout = 'sealed' | 'unsealed';
/**
 * `word`: Word's own 28 × 22 character grid (docGrid linesAndChars, charSpace −842), as an office template has it.
 * `portable`: no character grid; every run condensed by 0.25 pt, which lays out 28 字 a line in LibreOffice and WPS too.
 */
export type GridMode = 'word' | 'portable';

export interface ExportFonts {
  /** 标题: 2号小标宋体 (7.3.1). */
  title: string;
  /** 正文 and 三、四级标题: 3号仿宋 (5.2.2, 7.3.3). */
  body: string;
  /** 一级标题: 黑体 (7.3.3). */
  heading1: string;
  /** 二级标题: 楷体 (7.3.3). */
  heading2: string;
  /** 页码: 4号半角宋体 (7.5). */
  pageNumber: string;
  /** Latin letters and digits (the standard says nothing; Times New Roman is the common house rule). */
  latin: string;
}

export interface ExportOptions {
  fonts: ExportFonts;
  signature: SignatureLayout;
  grid: GridMode;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
  signature: 'sealed',
  grid: 'word',
};

export const FONT_KEYS = ['title', 'body', 'heading1', 'heading2', 'pageNumber', 'latin'] as const;
export type FontKey = (typeof FONT_KEYS)[number];

export const FONT_KEY_ZH: Record<FontKey, string> = {
  title: '标题字体',
  body: '正文字体',
  heading1: '一级标题字体',
  heading2: '二级标题字体',
  pageNumber: '页码字体',
  latin: '西文和数字字体',
};

/** Word keeps at most 31 characters of a font name. */
const MAX_FONT_NAME = 31;

export interface NormalizedExportOptions {
  options: ExportOptions;
  problems: string[];
}

/**
 * Raw shape: `{ font?: { title?, body?, heading1?, heading2?, pageNumber?, latin? }, signature?, grid? }`, which is
 * what `workspace/configuration` returns for the section `gongwen.export`. `nameOf` turns a key such as
 * `font.body` or `grid` into the name the user wrote (a setting, or a CLI option) for the problem messages.
 */
export function normalizeExportOptions(
  raw: unknown,
  nameOf: (key: string) => string = (key) => `设置“gongwen.export.${key}”`,
): NormalizedExportOptions {
  const problems: string[] = [];
  const d = DEFAULT_EXPORT_OPTIONS;
  if (raw === null || raw === undefined) return { options: cloneDefaults(), problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { options: cloneDefaults(), problems: [`${nameOf('')}应为对象，已使用默认导出设置。`] };
  }
  const r = raw as Record<string, unknown>;
  const fonts: ExportFonts = { ...d.fonts };
  const rawFonts = r.font;
  if (rawFonts !== undefined && rawFonts !== null) {
    if (typeof rawFonts !== 'object' || Array.isArray(rawFonts)) {
      problems.push(`${nameOf('font')}应为对象，已使用默认字体。`);
    } else {
      const f = rawFonts as Record<string, unknown>;
      for (const key of FONT_KEYS) {
        const v = f[key];
        if (v === undefined || v === null) continue;
        const name = typeof v === 'string' ? v.trim() : '';
        // eslint-disable-next-line no-control-regex
        if (!name || name.length > MAX_FONT_NAME || /[\u0000-\u001f<>"]/.test(name)) {
          const why = typeof v !== 'string' ? '不是文字' : !name ? '为空' : name.length > MAX_FONT_NAME ? `超过 ${MAX_FONT_NAME} 个字符` : '含有不能用于字体名的字符';
          problems.push(`${nameOf(`font.${key}`)}（${FONT_KEY_ZH[key]}）${why}，已使用默认字体“${d.fonts[key]}”。`);
          continue;
        }
        fonts[key] = name;
      }
    }
  }
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T, zh: Record<T, string>): T => {
    const v = r[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    const list = allowed.map((a) => `“${a}”（${zh[a]}）`).join('或');
    problems.push(`${nameOf(key)}应为${list}，当前为“${String(v)}”，已使用默认值“${fallback}”。`);
    return fallback;
  };
  const signature = oneOf<SignatureLayout>('signature', ['sealed', 'unsealed'], d.signature, {
    sealed: '加盖印章：成文日期右空四字',
    unsealed: '不加盖印章：署名右空二字',
  });
  const grid = oneOf<GridMode>('grid', ['word', 'portable'], d.grid, {
    word: 'Word 文档网格 28 字 × 22 行',
    portable: '不用字符网格，适合 WPS、LibreOffice',
  });
  return { options: { fonts, signature, grid }, problems };
}

function cloneDefaults(): ExportOptions {
  return { ...DEFAULT_EXPORT_OPTIONS, fonts: { ...DEFAULT_EXPORT_OPTIONS.fonts } };
}
