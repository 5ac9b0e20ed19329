/**
 * The README's code blocks, for `npm run test:package`, which runs each
 * TypeScript/JavaScript block in an empty folder where the packed tarball
 * is installed, as a reader who pastes it would.
 *
 * - A block is a fenced code block (``` or ~~~, any length); its language is
 *   the first word of the info string. `ts`, `typescript`, `mts`, `js`,
 *   `javascript` and `mjs` blocks run as ES modules (`.ts` through tsx,
 *   `.mjs` with node); `cjs` blocks run as CommonJS; every other language
 *   (`sh`, `json`, `sql`, …) is not code to run.
 * - A block opts out of running only visibly: its first line is a comment
 *   `// Not run by the package check: <reason>` (say, it fetches from the
 *   network). TypeScript blocks are type-checked all the same.
 * - A line `expression; // value`, where the comment is a literal (a string,
 *   number, boolean, null, or an object/array of those), is a promise: the
 *   run checks that the expression equals the value (deep equality) and
 *   fails naming the README line. For `console.log(x); // value` it checks
 *   `x` (and still logs it). Other comments are prose.
 */

import ts from 'typescript';

export type Language = 'ts' | 'mjs' | 'cjs';

export interface Block {
  /** 1-based line of the block's first code line in the README. */
  line: number;
  language: Language;
  code: string;
  /** The reason given by the opt-out marker, or null when the block runs. */
  skip: string | null;
}

const LANGUAGES: Record<string, Language> = { ts: 'ts', typescript: 'ts', mts: 'ts', js: 'mjs', javascript: 'mjs', mjs: 'mjs', cjs: 'cjs' };
const OPT_OUT = /^\s*\/\/\s*not run by the package check:\s*(\S.*)$/i;

/** Every TypeScript/JavaScript fenced code block of a Markdown text, in order. */
export function codeBlocks(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (open === null) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^ {0,3}${fence![0] === '`' ? '`' : '~'}{${fence!.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    const body = lines.slice(i + 1, end).map((line) => line.slice(Math.min(indent!.length, /^ */.exec(line)![0].length)));
    const language = LANGUAGES[info!.toLowerCase()];
    if (language !== undefined) {
      blocks.push({ line: i + 2, language, code: `${body.join('\n')}\n`, skip: OPT_OUT.exec(body[0] ?? '')?.[1] ?? null });
    }
    i = end;
  }
  return blocks;
}

/** Whether a comment's text is a literal value (not prose): a string, number, boolean, null, undefined, or an object/array of those. */
function literal(text: string): boolean {
  const file = ts.createSourceFile('comment.ts', `(${text});`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  if (file.statements.length !== 1 || (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return false;
  const statement = file.statements[0]!;
  if (!ts.isExpressionStatement(statement)) return false;
  const isLiteral = (node: ts.Node): boolean => {
    if (ts.isParenthesizedExpression(node)) return isLiteral(node.expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return true;
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isIdentifier(node)) return node.text === 'undefined' || node.text === 'NaN';
    if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand);
    if (ts.isArrayLiteralExpression(node)) return node.elements.every(isLiteral);
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((p) => ts.isPropertyAssignment(p) && !ts.isComputedPropertyName(p.name) && isLiteral(p.initializer));
    }
    return false;
  };
  return isLiteral(statement.expression);
}

/**
 * The block's code with each `expression; // value` line turned into a
 * check that reports `README.md:<line>` and sets the exit code on a
 * mismatch. The checker is appended at the end (imports are hoisted), so
 * line numbers stay the README's.
 */
export function withChecks(block: Block, readme = 'README.md'): { code: string; checks: number } {
  const kind = block.language === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile('block.ts', block.code, ts.ScriptTarget.ES2022, true, kind);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const comment = ts.getTrailingCommentRanges(block.code, node.end)?.[0];
      const text = comment?.kind === ts.SyntaxKind.SingleLineCommentTrivia ? block.code.slice(comment.pos + 2, comment.end).trim() : '';
      if (text !== '' && literal(text)) {
        let actual = node.expression;
        if (ts.isCallExpression(actual) && actual.arguments.length === 1 && /^console\.\w+$/.test(actual.expression.getText(file))) actual = actual.arguments[0]!;
        const where = `${readme}:${block.line + file.getLineAndCharacterOfPosition(node.getStart(file)).line}`;
        const call = `__expectValue(${JSON.stringify(where)}, ${JSON.stringify(actual.getText(file))}, (${actual.getText(file)}), (${text}))`;
        edits.push({ start: actual.getStart(file), end: actual.end, text: call });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let code = block.code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  if (edits.length === 0) return { code, checks: 0 };
  const equal = block.language === 'cjs' ? "require('node:util').isDeepStrictEqual" : '__isDeepStrictEqual';
  const signature = block.language === 'ts' ? '<T>(where: string, source: string, actual: T, expected: unknown): T' : '(where, source, actual, expected)';
  code += `${block.language === 'cjs' ? '' : "\nimport { isDeepStrictEqual as __isDeepStrictEqual } from 'node:util';"}
function __expectValue${signature} {
  if (!${equal}(actual, expected)) {
    console.error(\`\${where}: \${source} is \${JSON.stringify(actual)}, the comment says \${JSON.stringify(expected)}\`);
    process.exitCode = 1;
  }
  return actual;
}
`;
  return { code, checks: edits.length };
}
