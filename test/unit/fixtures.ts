/**
 * Rule fixtures: test/unit/rules/<category>/<name>.gw, one file per rule.
 *
 *   %% case: 说明
 *   text with ⟦an expected finding⟧ and ⟦wrong→right⟧ (a finding whose fix gives “right”)
 *   %% fixed:
 *   (optional) the whole case text after fixing every finding of this rule
 *
 * Lines starting with %% are harness directives and never reach the checker.
 */
export interface FixtureCase {
  name: string;
  /** The text the checker sees (markers removed). */
  text: string;
  /** Expected finding spans of the rule under test. */
  expected: { start: number; end: number }[];
  /** Expected text after fix-all of this rule, when the case states one. */
  fixed?: string;
}

const OPEN = '⟦';
const CLOSE = '⟧';
const ARROW = '→';

export function parseFixtureFile(source: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  const chunks = source.replace(/\r\n/g, '\n').split(/^%% case:[ \t]*/m).slice(1);
  for (const chunk of chunks) {
    const nl = chunk.indexOf('\n');
    const name = chunk.slice(0, nl === -1 ? undefined : nl).trim();
    let body = nl === -1 ? '' : chunk.slice(nl + 1);
    let fixedBlock: string | undefined;
    const fixedAt = body.search(/^%% fixed:[ \t]*$/m);
    if (fixedAt !== -1) {
      fixedBlock = body.slice(body.indexOf('\n', fixedAt) + 1);
      body = body.slice(0, fixedAt);
    }
    const { text, expected, fixedByMarkers, hasArrows } = stripMarkers(body);
    const fixed = fixedBlock !== undefined ? fixedBlock : hasArrows ? fixedByMarkers : undefined;
    cases.push({ name, text, expected, fixed });
  }
  return cases;
}

function stripMarkers(body: string): { text: string; expected: { start: number; end: number }[]; fixedByMarkers: string; hasArrows: boolean } {
  let text = '';
  let fixed = '';
  let hasArrows = false;
  const expected: { start: number; end: number }[] = [];
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf(OPEN, i);
    if (open === -1) {
      text += body.slice(i);
      fixed += body.slice(i);
      break;
    }
    text += body.slice(i, open);
    fixed += body.slice(i, open);
    const close = body.indexOf(CLOSE, open);
    if (close === -1) throw new Error(`fixture: unclosed ${OPEN} at ${open}`);
    const inner = body.slice(open + 1, close);
    const arrow = inner.indexOf(ARROW);
    const wrong = arrow === -1 ? inner : inner.slice(0, arrow);
    const right = arrow === -1 ? inner : inner.slice(arrow + 1);
    if (arrow !== -1) hasArrows = true;
    expected.push({ start: text.length, end: text.length + wrong.length });
    text += wrong;
    fixed += right;
    i = close + 1;
  }
  return { text, expected, fixedByMarkers: fixed, hasArrows };
}
