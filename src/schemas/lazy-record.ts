/**
 * Records whose values are built on first read. The schema interpreter resolves `$ref`s and
 * reads `properties` by plain property lookup, so large schemas (the Kubernetes definitions,
 * CRD schemas) can be converted only as far as the objects being validated reach.
 */

function settle(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true });
}

/** `names` in order, each an own enumerable property (even `__proto__`), built when first read. */
export function lazyRecord<T>(names: Iterable<string>, build: (name: string) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const name of names) {
    Object.defineProperty(out, name, {
      enumerable: true,
      configurable: true,
      // On the object read (a copy made by withEntries builds its own): later reads are plain.
      get(this: object) {
        const value = build(name);
        settle(this, name, value);
        return value;
      },
      set(this: object, value: T) {
        settle(this, name, value);
      },
    });
  }
  return out;
}

/**
 * `{...record, ...extra}` without reading `record`'s values: its unread entries stay lazy. A
 * key of `extra` already in `record` keeps its place, as with the spread.
 */
export function withEntries<T>(record: Record<string, T>, extra: Record<string, T>): Record<string, T> {
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(record)) as Record<string, T>;
  for (const [name, value] of Object.entries(extra)) settle(out, name, value);
  return out;
}
