/**
 * Branch names as `git check-ref-format --branch` accepts them: not `HEAD`, not starting
 * with `-`, and `refs/heads/<name>` a valid ref name (git's check_refname_format). Promotion
 * is stricter in two places git is not: `@` (git reads it as HEAD) and names starting with
 * `refs/` (git would make `refs/heads/refs/...`, never what a rollout means).
 */

// Control characters, DEL, and the characters git reserves for revision syntax.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN = /[\u0000-\u001f\u007f ~^:?*[\\]/;

/** Why git refuses `name` as a branch name, or undefined when it accepts it. */
export function gitBranchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.startsWith('-')) return "it starts with '-' (git would read it as an option)";
  if (name === 'HEAD') return "'HEAD' is not a branch";
  if (FORBIDDEN.test(name)) {
    return 'it contains a space, a control character or one of ~ ^ : ? * [ \\';
  }
  if (name.includes('..')) return "it contains '..'";
  if (name.includes('@{')) return "it contains '@{'";
  if (name.endsWith('.')) return "it ends with '.'";
  for (const part of name.split('/')) {
    if (part === '') return "it has an empty part (a leading, trailing or double '/')";
    if (part.startsWith('.')) return "a part starts with '.'";
    if (part.endsWith('.lock')) return "a part ends with '.lock'";
  }
  return undefined;
}

/** gitBranchNameProblem, plus the names a rollout never means. */
export function branchNameProblem(name: string): string | undefined {
  const git = gitBranchNameProblem(name);
  if (git !== undefined) return git;
  if (name === '@') return "'@' stands for HEAD in git";
  if (name.startsWith('refs/')) return "it is a full ref name; name the branch without 'refs/heads/'";
  return undefined;
}
