// Preloaded into the command's process and its workers (NODE_OPTIONS=--import,
// see test/cli-failures.test.ts) to stand for a bug in emnews: testing a
// regular expression against a text that holds 故障注入 ("fault injection")
// throws a TypeError, as a defect would, so only a post holding those words
// meets it. The command has no switch for this: the test injects it from outside.
const test = RegExp.prototype.test;
RegExp.prototype.test = function (text) {
  if (typeof text === 'string' && text.includes('故障注入')) throw new TypeError('a fault injected by the test');
  return test.call(this, text);
};
