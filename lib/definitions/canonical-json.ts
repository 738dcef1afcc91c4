/**
 * Serialises JSON data with object keys sorted, so equal content always gives equal text. The text
 * is exactly `JSON.stringify` of the key-sorted value; it is built with an explicit stack, so data
 * nested arbitrarily deep (a hostile file's 200 000 `[`) cannot overflow the call stack.
 */
export function toCanonicalJson(value: unknown): string {
  const parts: string[] = [];
  // Each frame writes one value; a string frame is literal text (a comma, a key, a closing bracket).
  const stack: (string | { value: unknown })[] = [{ value }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (typeof frame === 'string') {
      parts.push(frame);
      continue;
    }
    const current = frame.value;
    if (Array.isArray(current)) {
      stack.push(']');
      for (let i = current.length - 1; i >= 0; i--) {
        const item: unknown = current[i];
        stack.push({ value: item === undefined || typeof item === 'function' ? null : item });
        if (i > 0) stack.push(',');
      }
      stack.push('[');
    } else if (current !== null && typeof current === 'object') {
      const record = current as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined && typeof record[key] !== 'function')
        .sort();
      stack.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ value: record[keys[i]!] });
        stack.push(`${JSON.stringify(keys[i])}:`);
        if (i > 0) stack.push(',');
      }
      stack.push('{');
    } else parts.push(JSON.stringify(current) ?? 'null');
  }
  return parts.join('');
}
