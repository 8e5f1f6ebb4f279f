/** The quality bars of the proofreading issue, measured on the corpora in test/fixtures. */
import { strict as assert } from 'node:assert';
import { measureQuality } from '../quality/measure';

describe('quality bars', () => {
  const q = measureQuality();

  it('false alarms on clean text stay at or below 0.5 warnings-or-errors per 10,000 characters', () => {
    assert.ok(q.cleanChars > 0);
    assert.ok(
      q.falseAlarmsPer10k <= 0.5,
      `${q.falseAlarmsPer10k.toFixed(2)} per 10k:\n` + q.falseAlarms.map((f) => `${f.file} ${f.ruleId} 「${f.text}」 ${f.message}`).join('\n'),
    );
  });

  for (const fam of q.recall) {
    it(`${fam.family}: recall on seeded errors is at least 80%`, () => {
      assert.ok(fam.recall >= 0.8, `${fam.found}/${fam.seeded}\n${fam.missed.slice(0, 30).join('\n')}`);
    });
  }
});
