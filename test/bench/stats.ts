/** Timing helpers for the benchmark: repeated runs, median and p95 (nearest rank). */

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN };
  const rank = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const median = s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, median, p95: rank(0.95), min: s[0], max: s[s.length - 1] };
}

export interface RunPolicy {
  /** Always at least this many timed runs. */
  minRuns: number;
  /** Never more than this many. */
  maxRuns: number;
  /** Stop adding runs (beyond minRuns) once the timed runs add up to this. */
  budgetMs: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage before a timed run when node runs with --expose-gc (less noise from earlier runs). */
export function settle(): void {
  gc?.();
}

/** A contender that timed itself (e.g. in a child process) returns this; its own time replaces the outer one. */
export interface SelfTimed {
  selfTimedMs: number;
  value: unknown;
}
const isSelfTimed = (r: unknown): r is SelfTimed => typeof r === 'object' && r !== null && 'selfTimedMs' in r;

/**
 * Runs several contenders on the same input in interleaved rounds (A B C, A B C, …) so that load from other
 * processes on the machine falls on all of them alike. Each contender gets one untimed warm-up run first.
 */
export function interleaved<K extends string>(
  contenders: Record<K, () => unknown>,
  policy: (name: K, firstRunMs: number) => RunPolicy,
): Record<K, { samples: number[]; result: unknown; results: unknown[] }> {
  const names = Object.keys(contenders) as K[];
  const out = {} as Record<K, { samples: number[]; result: unknown; results: unknown[] }>;
  const policies = {} as Record<K, RunPolicy>;
  for (const name of names) {
    settle();
    const t0 = performance.now();
    const result = contenders[name]();
    const first = performance.now() - t0;
    policies[name] = policy(name, isSelfTimed(result) ? result.selfTimedMs : first);
    out[name] = { samples: [], result: isSelfTimed(result) ? result.value : result, results: [] };
  }
  const wants = (name: K): boolean => {
    const { samples } = out[name];
    const p = policies[name];
    const total = samples.reduce((a, b) => a + b, 0);
    return samples.length < p.minRuns || (samples.length < p.maxRuns && total < p.budgetMs);
  };
  while (names.some(wants)) {
    for (const name of names) {
      if (!wants(name)) continue;
      settle();
      const t0 = performance.now();
      const r = contenders[name]();
      const elapsed = performance.now() - t0;
      out[name].samples.push(isSelfTimed(r) ? r.selfTimedMs : elapsed);
      out[name].results.push(isSelfTimed(r) ? r.value : r);
    }
  }
  return out;
}

export const ms = (x: number): string => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');

export function rate(chars: number, millis: number): string {
  if (!Number.isFinite(millis) || millis <= 0) return 'n/a';
  const perSecond = (chars / millis) * 1000;
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(0)} k/s`;
}
