/** A typed array of twice the length holding `a`'s elements first: room to grow a table of records. */
export function doubled<T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(1, a.length * 2));
  b.set(a);
  return b;
}
