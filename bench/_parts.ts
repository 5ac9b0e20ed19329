import { Parser, Tokenizer } from 'htmlparser2';
import { streamHtml } from '../src/_lib/body/html-stream.ts';
import { walkBody } from '../src/_lib/body/walker.ts';
import { createWarnings } from '../src/_lib/warnings.ts';
import { generatedPost } from './posts.ts';
const body = generatedPost(1_000_000).split('---\n')[2]!;
const noop = () => {};
const cbs = { onattribdata: noop, onattribentity: noop, onattribend: noop, onattribname: noop, oncdata: noop, onclosetag: noop, oncomment: noop, ondeclaration: noop, onend: noop, onopentagend: noop, onopentagname: noop, onprocessinginstruction: noop, onselfclosingtag: noop, ontext: noop, ontextentity: noop };
const fns: Record<string, () => void> = {
  tokenizer: () => { const t = new Tokenizer({ decodeEntities: true }, cbs); t.write(body); t.end(); },
  parser: () => new Parser({}, { decodeEntities: true }).end(body),
  stream: () => streamHtml(body, { onOpen: noop, onClose: noop, onText: noop, onUnclosed: noop }, new Set(['class','id','href','data-code','style','src'])),
  walker: () => { walkBody(body, createWarnings(false), { line: 0, baseUrl: null }); },
};
for (let r = 0; r < 3; r++) console.log(Object.entries(fns).map(([k, f]) => { for (let i = 0; i < 5; i++) f(); const t = performance.now(); for (let i = 0; i < 20; i++) f(); return `${k} ${((performance.now() - t) / 20).toFixed(2)}`; }).join('  '));
