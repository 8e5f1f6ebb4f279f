/** Minimal argument parsing shared by the CLI commands. */
export type Format = 'pretty' | 'json';

/** Option values by name; an option given several times keeps every value. */
export class MultiMap {
  private readonly values = new Map<string, string[]>();
  set(name: string, value: string): void {
    this.values.set(name, [...(this.values.get(name) ?? []), value]);
  }
  get(name: string): string | undefined {
    const v = this.values.get(name);
    return v?.[v.length - 1];
  }
  getAll(name: string): string[] {
    return this.values.get(name) ?? [];
  }
}

export interface ParsedArgs {
  format: Format;
  files: string[];
  options: MultiMap;
  /** Flags without a value, e.g. --exit-zero. */
  flags: Set<string>;
  error?: string;
}

export function parseArgs(args: string[], valueOptions: string[] = [], flagOptions: string[] = []): ParsedArgs {
  const result: ParsedArgs = { format: 'pretty', files: [], options: new MultiMap(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (name === '--format' || name === '-f') {
      const v = inline ?? args[++i];
      if (v !== 'pretty' && v !== 'json') return { ...result, error: `--format 的值应为 pretty 或 json，而不是“${v ?? ''}”。` };
      result.format = v;
    } else if (valueOptions.includes(name)) {
      const v = inline ?? args[++i];
      if (v === undefined) return { ...result, error: `选项 ${name} 需要一个值。` };
      result.options.set(name, v);
    } else if (flagOptions.includes(a)) {
      result.flags.add(a);
    } else if (a === '--') {
      result.files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      return { ...result, error: `未知选项“${a}”。` };
    } else {
      result.files.push(a);
    }
  }
  return result;
}
