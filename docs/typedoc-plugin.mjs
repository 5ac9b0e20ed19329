// @ts-check
/**
 * The local TypeDoc plugin of the emnews API reference (`npm run docs`).
 * Four general fixes to what TypeDoc 0.28 renders by default:
 *
 * 1. Headings written as code. TypeDoc names a Markdown heading (its anchor
 *    and its "On This Page" entry) from the heading's `text` tokens only, so
 *    a code span contributes nothing: `## \`date\`` got an empty entry and
 *    the anchor `#_`, and "(thrown with `strict: true`)" lost its code. A
 *    markdown-it rule turns each code span inside a heading into a text
 *    token wrapped in `<code>` tags, so the heading renders the same and
 *    TypeDoc sees its whole text.
 * 2. Guides are titled by their first `# ` heading ("Errors and warnings",
 *    not "errors"); their pages keep their file names (documents/errors.html).
 * 3. The `apiGroups` option (title → names, in order; a guide by its title
 *    or its file name) groups and orders the top level of the sidebar and of
 *    the index: functions first, the main one on top. TypeDoc's own order is
 *    by declaration (so `parsePost` came after `InputErrorCode`) or by name;
 *    `@group` tags would have to be spread over the sources. `"*"` in a list
 *    stands for every name no list mentions, so a new export always appears;
 *    a listed name that does not exist is an error. The same groups apply
 *    within each module (an entry point of its own, such as
 *    `emnews/archive`), each taking the names it holds.
 *    The groups named in `apiNavigationTop` are shown in the sidebar without
 *    a folder, at every level, so their entries are visible without a click
 *    (TypeDoc folds every group that does not hold the page being read).
 * 4. The main entry point at the top. With several entry points TypeDoc makes
 *    a module of each, so the main one would be a module named "index". The
 *    entry point named by `apiProjectEntryPoint` gets TypeDoc's own
 *    `@mergeModuleWith <project>` tag (as if its file comment said so), so
 *    its exports and comment stand at the top of the project; the others stay
 *    modules, named by their `@module` tags.
 */

import { resolve } from 'node:path';
import { Application, Comment, CommentTag, Converter, KindRouter, ParameterType, ReflectionGroup, ReflectionKind, Renderer } from 'typedoc';

/** @typedef {import('typedoc').Reflection} Reflection */

/** @param {Application} app */
export function load(app) {
  app.options.addDeclaration({
    name: 'apiGroups',
    help: 'emnews: the groups of the project and of each module, in order: { "title": ["name", ..., "*"] }',
    type: ParameterType.Mixed,
    defaultValue: {},
    validate(value) {
      const ok =
        value !== null && typeof value === 'object' && !Array.isArray(value) &&
        Object.values(value).every((names) => Array.isArray(names) && names.every((name) => typeof name === 'string'));
      if (!ok) throw new Error('apiGroups must map each group title to a list of names');
    },
  });

  app.options.addDeclaration({
    name: 'apiNavigationTop',
    help: 'emnews: groups whose entries stand at the top of the sidebar, without a folder',
    type: ParameterType.Array,
    defaultValue: [],
  });

  app.options.addDeclaration({
    name: 'apiProjectEntryPoint',
    help: 'emnews: the entry point whose exports stand at the top of the project, not in a module',
    type: ParameterType.Path,
    defaultValue: '',
  });

  // 1. Code spans in headings.
  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    const previous = app.options.getValue('markdownItLoader');
    app.options.setValue('markdownItLoader', (/** @type {any} */ parser) => {
      previous(parser);
      parser.core.ruler.push('emnews_heading_code', headingCodeAsText);
    });
  });

  // 2. Guide titles, with the file name kept for the page's address.
  /** @type {WeakMap<Reflection, string>} */
  const fileNames = new WeakMap();
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, document) => {
    if ('title' in document.frontmatter) return;
    const text = document.content.map((part) => part.text).join('');
    const heading = /^# +(.+?) *$/m.exec(text);
    if (heading === null) return;
    fileNames.set(document, document.name);
    document.name = heading[1].replace(/`/g, '');
  });
  app.renderer.defineRouter(
    'emnews',
    class extends KindRouter {
      /** @param {Reflection} reflection */
      getIdealBaseName(reflection) {
        const fileName = fileNames.get(reflection);
        return fileName === undefined ? super.getIdealBaseName(reflection) : `documents/${fileName}`;
      }
    },
  );

  // 3. Groups, after TypeDoc's own grouping (which runs at priority -100).
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const container of [context.project, ...context.project.getReflectionsByKind(ReflectionKind.Module)]) {
      applyGroups(app, /** @type {any} */ (container), fileNames);
    }
    checkGroupNames(app, context.project, fileNames);
  }, -200);
  app.renderer.on(Renderer.EVENT_BEGIN, () => {
    const theme = /** @type {any} */ (app.renderer.theme);
    if (typeof theme?.getNavigation !== 'function') return;
    const top = new Set(/** @type {string[]} */ (app.options.getValue('apiNavigationTop')));
    const original = theme.getNavigation.bind(theme);
    /** @type {any[] | undefined} */
    let navigation;
    /** @type {(elements: any[]) => any[]} */
    const lift = (elements) =>
      elements.flatMap((element) => {
        if (!element.path && top.has(element.text)) return lift(element.children ?? []);
        return [element.children ? { ...element, children: lift(element.children) } : element];
      });
    theme.getNavigation = (/** @type {any} */ project) => (navigation ??= lift(original(project)));
  });

  // 4. The main entry point merged into the project (TypeDoc merges at the
  // start of resolving, before it groups). With one entry point TypeDoc
  // makes no module, and there is nothing to merge.
  let merged = false;
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    const main = /** @type {string} */ (app.options.getValue('apiProjectEntryPoint'));
    if (main === '' || !reflection.kindOf(ReflectionKind.Module) || reflection.parent !== context.project) return;
    const file = context.project.files.getReflectionPath(reflection);
    if (file === undefined || resolve(file) !== resolve(main)) return;
    if (reflection.comment !== undefined) context.project.comment ??= reflection.comment.clone();
    reflection.comment ??= new Comment();
    reflection.comment.blockTags.push(new CommentTag('@mergeModuleWith', [{ kind: 'text', text: '<project>' }]));
    merged = true;
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const main = app.options.getValue('apiProjectEntryPoint');
    if (main !== '' && !merged && context.project.getReflectionsByKind(ReflectionKind.Module).length > 0) {
      app.logger.error(`apiProjectEntryPoint is ${String(main)}, which is not one of the entry points`);
    }
    merged = false;
  });
}

/**
 * markdown-it core rule: inside headings, `code_inline` becomes
 * `<code>` + text + `</code>`, which renders identically.
 * @param {any} state
 */
function headingCodeAsText(state) {
  const { tokens } = state;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].type !== 'heading_open' || !tokens[i + 1].children) continue;
    tokens[i + 1].children = tokens[i + 1].children.flatMap((/** @type {any} */ token) => {
      if (token.type !== 'code_inline') return [token];
      const open = new state.Token('html_inline', '', 0);
      open.content = '<code>';
      const text = new state.Token('text', '', 0);
      text.content = token.content;
      const close = new state.Token('html_inline', '', 0);
      close.content = '</code>';
      return [open, text, close];
    });
  }
}

/** @type {(member: Reflection, fileNames: WeakMap<Reflection, string>) => string[]} */
const namesOf = (member, fileNames) => [member.name, fileNames.get(member) ?? member.name];

/**
 * Replaces the groups of the project or of a module with the configured
 * ones, keeping the names it holds.
 * @param {Application} app
 * @param {import('typedoc').ContainerReflection} container
 * @param {WeakMap<Reflection, string>} fileNames guides can be listed by file name too
 */
function applyGroups(app, container, fileNames) {
  const config = /** @type {Record<string, string[]>} */ (app.options.getValue('apiGroups'));
  const titles = Object.keys(config);
  if (titles.length === 0) return;
  const members = container.childrenIncludingDocuments ?? [];
  const byName = new Map(members.flatMap((member) => namesOf(member, fileNames).map((name) => [name, member])));
  const listed = new Set(titles.flatMap((title) => config[title]));
  const rest = members.filter((member) => !namesOf(member, fileNames).some((name) => listed.has(name))).sort((a, b) => a.name.localeCompare(b.name));
  const groups = [];
  for (const title of titles) {
    const group = new ReflectionGroup(title, container);
    for (const name of config[title]) {
      if (name === '*') {
        group.children.push(...rest.splice(0));
        continue;
      }
      const member = byName.get(name);
      if (member !== undefined) group.children.push(member);
    }
    if (group.children.length > 0) groups.push(group);
  }
  for (const member of rest) {
    app.logger.error(`apiGroups: ${ReflectionKind.singularString(member.kind)} "${member.getFriendlyFullName()}" is in no group (list it, or add "*" to a group)`);
  }
  container.groups = groups;
  container.categories = undefined;
}

/**
 * A name listed in `apiGroups` that neither the project nor any module holds
 * is an error (a typo, or an export that was removed).
 * @param {Application} app
 * @param {import('typedoc').ProjectReflection} project
 * @param {WeakMap<Reflection, string>} fileNames
 */
function checkGroupNames(app, project, fileNames) {
  const config = /** @type {Record<string, string[]>} */ (app.options.getValue('apiGroups'));
  const containers = [project, ...project.getReflectionsByKind(ReflectionKind.Module)];
  const known = new Set(containers.flatMap((c) => /** @type {any} */ (c).childrenIncludingDocuments ?? []).flatMap((m) => namesOf(m, fileNames)));
  for (const [title, names] of Object.entries(config)) {
    for (const name of names) {
      if (name !== '*' && !known.has(name)) app.logger.error(`apiGroups lists "${name}" under "${title}", but the project has no such export or document`);
    }
  }
}
