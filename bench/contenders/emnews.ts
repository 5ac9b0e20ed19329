/**
 * emnews as its users call it: `parsePost` with the post's file name (as
 * the `emnews` command passes it, which adds the file name's ids to the
 * result) and otherwise default options. Strings and bytes are given as
 * they are; emnews decodes bytes itself.
 */

import { parsePost } from 'emnews';

export function run(input: string | Uint8Array, fileName: string): unknown {
  return parsePost(input, { fileName });
}
