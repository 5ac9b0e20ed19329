/**
 * The suite runs under `node --disallow-code-generation-from-strings`
 * (see the `test` script), so any `eval` or `new Function` in emnews or its
 * dependencies fails the tests that reach it. This checks the flag is on.
 */

import { throws } from 'node:assert/strict';
import { it } from 'node:test';

it('runs with code generation from strings disallowed', () => {
  throws(() => new Function('return 1'), EvalError);
  throws(() => (0, eval)('1'), EvalError);
});
