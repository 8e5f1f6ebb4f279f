/** The derived typo data (server/src/core/data/typo-*.txt) is what server/scripts/build-typo-data.mjs makes. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from './paths';

const version = (pkg: string): string => JSON.parse(readFileSync(repoPath('node_modules', pkg, 'package.json'), 'utf8')).version;
const header = (file: string): string => readFileSync(repoPath('server/src/core/data', file), 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
const unihan = ['/usr/share/unicode/Unihan_DictionaryLikeData.txt', '/usr/share/unicode/Unihan_DictionaryLikeData.txt.bz2'].some(existsSync);

describe('typo data files', () => {
  it('name the package versions they were derived from', () => {
    assert.match(header('typo-lexicon.txt'), new RegExp(`@node-rs/jieba ${version('@node-rs/jieba')} dict\\.txt`));
    assert.match(header('typo-chars.txt'), new RegExp(`pinyin-pro ${version('pinyin-pro')}`));
    assert.match(header('typo-chars.txt'), new RegExp(`hanzi ${version('hanzi')}`));
  });

  it('match what the build script produces from the installed packages', function () {
    this.timeout(60_000);
    const args = [repoPath('server/scripts/build-typo-data.mjs'), '--check'];
    // typo-chars.txt also needs Debian's unicode-data (Unihan); without it only the lexicon is compared.
    if (!unihan) args.push('--lexicon-only');
    execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' });
  });
});
