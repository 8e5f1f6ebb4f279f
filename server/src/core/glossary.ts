/** The glossary of standard terms shown on hover (data: data/glossary.yml). */
import { parse } from 'yaml';
import glossaryText from './data/glossary.yml';

export interface GlossaryTerm {
  term: string;
  meaning: string;
  source: string;
}

let terms: GlossaryTerm[] | undefined;

export function glossary(): readonly GlossaryTerm[] {
  if (!terms) {
    const data = parse(glossaryText) as { terms?: GlossaryTerm[] };
    terms = (data.terms ?? []).filter((t) => t && typeof t.term === 'string' && typeof t.meaning === 'string');
  }
  return terms;
}
