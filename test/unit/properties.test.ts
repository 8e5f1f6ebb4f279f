/**
 * Property tests of the core with fast-check (generators and properties: test/fuzz/properties.ts): parsing
 * never throws, findings and fixes stay inside the text, fix-all keeps what it does not fix and reaches a fixed
 * point, formatting is idempotent, the block cache changes nothing. Fixed seeds, a few thousand cases in all;
 * `npm run fuzz` runs the same properties with fresh seeds and 100,000+ cases.
 */
import fc from 'fast-check';
import { PROPERTIES } from '../fuzz/properties';

/** Cases per unit of a property's weight. */
const PER_WEIGHT = 250;

describe('properties of the core (fast-check)', function () {
  this.timeout(60_000);
  for (const [i, p] of PROPERTIES.entries()) {
    it(p.name, () => {
      fc.assert(
        fc.property(p.arbitrary, (v) => {
          p.check(v as never);
        }),
        { numRuns: PER_WEIGHT * p.weight, seed: 20240115 + i, endOnFailure: true },
      );
    });
  }
});
