/**
 * `include` and `tpl`, bound to the template set that runs them. `include` executes a named
 * template of that set and returns its output; helm counts how deep each name is nested and
 * stops past 1000. `tpl` parses its text as a new template in a copy of the set (so the set's
 * `define`s are visible and its own stay local), under the set's root name, runs it and
 * replaces `<no value>` in the result, as helm does.
 */
import { isEmptyTree } from '../nodes.js';
import { parseText } from '../parse.js';
import { quote } from '../go-quote.js';
import { TemplateError, type Templates } from '../template.js';
import { GoCallError, type FuncMap, type GoFunc } from '../value.js';

const RECURSION_MAX = 1000;

/** Shared by a set and every copy `tpl` makes of it, as helm shares includedNames. */
export interface IncludeState {
  readonly included: Map<string, number>;
  readonly rootName: string;
}

function passThrough(e: unknown): boolean {
  // Budget errors and stack exhaustion must end the whole render, not become a message.
  return (e instanceof TemplateError && e.limit !== undefined) || e instanceof RangeError;
}

function includeFunc(set: () => Templates, state: IncludeState): GoFunc {
  return {
    params: ['string', 'interface {}'],
    result: 'string',
    fn: (name, data) => {
      const key = name as string;
      const depth = state.included.get(key);
      if (depth !== undefined && depth > RECURSION_MAX) {
        throw new GoCallError(
          `rendering template has a nested reference name: ${key}: unable to execute template`,
        );
      }
      state.included.set(key, (depth ?? 0) + 1);
      try {
        return set().execute(key, data);
      } finally {
        state.included.set(key, state.included.get(key)! - 1);
      }
    },
  };
}

// Go keeps an existing template when a new text for it parses to an empty tree (blanks,
// comments, `define`s), yet runs that new tree: a nested `tpl` must not run the outer text.
const BLANK_TPL = '\u0000tpl';

function parsesEmpty(name: string, text: string): boolean {
  const tree = parseText(name, text, { hasFunction: () => true, maxDepth: Number.MAX_SAFE_INTEGER }).get(
    name,
  );
  return tree === undefined || isEmptyTree(tree.root);
}

function tplFunc(set: () => Templates, state: IncludeState): GoFunc {
  return {
    params: ['string', 'interface {}'],
    result: 'string',
    fn: (textArg, vals) => {
      const text = textArg as string;
      const parent = set();
      // The copy's include and tpl run against the copy itself (read once it exists).
      const copy: Templates = parent.clone(templateFuncs(() => copy, state));
      const existed = copy.has(state.rootName);
      try {
        copy.parse(state.rootName, text);
      } catch (e) {
        if (passThrough(e) || !(e instanceof Error)) throw e;
        throw new GoCallError(`cannot parse template ${quote(text)}: ${e.message}`);
      }
      // The text's own (blank) tree still runs; a name no template can have holds it.
      const name = existed && parsesEmpty(state.rootName, text) ? BLANK_TPL : state.rootName;
      if (name === BLANK_TPL) copy.parse(name, text);
      let out: string;
      try {
        out = copy.execute(name, vals);
      } catch (e) {
        if (passThrough(e) || !(e instanceof Error)) throw e;
        throw new GoCallError(`error during tpl function execution for ${quote(text)}: ${e.message}`);
      }
      return out.replaceAll('<no value>', '');
    },
  };
}

/** `include` and `tpl` running against the set `set()` returns. */
export function templateFuncs(set: () => Templates, state: IncludeState): FuncMap {
  return { include: includeFunc(set, state), tpl: tplFunc(set, state) };
}
