/**
 * The table's own value at `key`, or undefined: never one inherited from Object.prototype, which a
 * definitions-controlled key such as `constructor` would otherwise reach.
 */
export function ownValue<V>(table: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
