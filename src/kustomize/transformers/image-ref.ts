/** An `images:` entry of a kustomization. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

const matchers = new Map<string, RegExp | null>();

/**
 * kustomize's IsImageMatched: `name` is used as a regular expression, unescaped, followed by an
 * optional tag and an optional sha256 digest. A name that is not a valid expression matches nothing.
 */
export function isImageMatched(image: string, name: string): boolean {
  let re = matchers.get(name);
  if (re === undefined) {
    try {
      re = new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
    } catch {
      re = null;
    }
    matchers.set(name, re);
  }
  return re !== null && re.test(image);
}

/** Splits `[[host[:port]/]component/]component[:tag][@digest]`; a port in the host is not a tag. */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = slash > 0 ? image.slice(slash) : image;
  let at = search.indexOf('@');
  let colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    at += offset;
    return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  }
  if (at >= 0 && colon >= 0) {
    at += offset;
    colon += offset;
    return { name: image.slice(0, colon), tag: image.slice(colon + 1, at), digest: image.slice(at + 1) };
  }
  colon += offset;
  return { name: image.slice(0, colon), tag: image.slice(colon + 1), digest: '' };
}

/** The rewritten image reference, or undefined when the override does not apply to it. */
export function rewriteImage(image: string, o: ImageOverride): string | undefined {
  if (!isImageMatched(image, o.name)) return undefined;
  let { name, tag, digest } = splitImage(image);
  if (o.newName) name = o.newName;
  // A new tag or digest replaces both the old tag and digest.
  if (o.newTag && o.digest) {
    tag = o.newTag;
    digest = o.digest;
  } else if (o.newTag) {
    tag = o.newTag;
    digest = '';
  } else if (o.digest) {
    tag = '';
    digest = o.digest;
  }
  return name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
}
