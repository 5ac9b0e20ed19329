/**
 * The page script of `npm run test:browser`, bundled by esbuild for the
 * browser: the package as a browser user's bundler resolves it (`emnews`
 * through package.json "exports" to dist/), the property suite's
 * invariants, and the shared case runner.
 */

import { parseBody, parsePost, PostParseError } from 'emnews';
import { invariantProblems } from '../invariants.ts';
import { runCases, type Case } from './cases.ts';

declare global {
  interface Window {
    /** Runs the JSON-encoded cases; answers the JSON-encoded outcomes. */
    emnewsRun(cases: string): string;
    /** Whether the page's Content-Security-Policy refuses code generation from strings. */
    emnewsEvalRefused: boolean;
  }
}

window.emnewsRun = (cases) => JSON.stringify(runCases({ parsePost, parseBody, PostParseError, invariantProblems }, JSON.parse(cases) as Case[]));
window.emnewsEvalRefused = (() => {
  try {
    new Function('return 1')();
    return false;
  } catch {
    return true;
  }
})();
document.title = 'emnews ready';
