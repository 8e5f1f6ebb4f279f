/**
 * Numbering faults in a list of numbers as written (heading groups, run-in lists), one classification for
 * the four numbering rules so that each fault is reported by exactly one of them.
 */
export type SequenceFault = 'gap' | 'duplicate' | 'restart' | 'order';

export interface SequenceIssue {
  index: number;
  fault: SequenceFault;
  /** The number that would continue the list here. */
  expected: number;
}

export function sequenceIssues(ordinals: readonly number[]): SequenceIssue[] {
  const issues: SequenceIssue[] = [];
  ordinals.forEach((o, i) => {
    if (i === 0) {
      if (o !== 1) issues.push({ index: 0, fault: 'gap', expected: 1 });
      return;
    }
    const p = ordinals[i - 1];
    if (o === p + 1) return;
    const fault: SequenceFault = o === p ? 'duplicate' : o === 1 ? 'restart' : o > p ? 'gap' : 'order';
    issues.push({ index: i, fault, expected: p + 1 });
  });
  return issues;
}
