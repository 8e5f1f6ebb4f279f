/** Paths for tests compiled to out/test/**: everything resolves from the repository root. */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const repoPath = (...parts: string[]): string => resolve(REPO_ROOT, ...parts);
