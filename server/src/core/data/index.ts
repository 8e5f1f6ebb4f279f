/** The dictionaries shipped with the product, bundled into the server as text. */
import formulations from './formulations.yml';
import typoWords from './typo-words.yml';
import typos from './typos.yml';

export const SHIPPED_DICTIONARIES: readonly { file: string; text: string }[] = [
  { file: '内置词典/typos.yml', text: typos },
  { file: '内置词典/typo-words.yml', text: typoWords },
  { file: '内置词典/formulations.yml', text: formulations },
];
