/**
 * Every string reachable from `roots` (own properties, Map and Set entries, array items, Buffer
 * contents), once each: what an in-memory store really holds, private fields included.
 */
export function reachableStrings(roots: readonly unknown[], limit = 2_000_000): string[] {
  const seen = new Set<unknown>();
  const strings: string[] = [];
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    if (seen.size > limit) throw new Error('reachableStrings: object graph larger than the limit');
    const value = stack.pop();
    if (typeof value === 'string') {
      strings.push(value);
      continue;
    }
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (typeof value === 'function') continue; // closures are not inspectable; stores keep data in fields
    if (Buffer.isBuffer(value)) {
      strings.push(value.toString('latin1'));
      continue;
    }
    if (value instanceof Map) {
      for (const [k, v] of value) stack.push(k, v);
      continue;
    }
    if (value instanceof Set) {
      for (const v of value) stack.push(v);
      continue;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === 'string') strings.push(key);
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
    }
  }
  return strings;
}
