/**
 * SQLite's percentile(Y, P) (median() is P = 50) over `count` values in ascending order, given the
 * value at a rank: the same arithmetic as the engine's percentCompute, so the same double. Lets a
 * report read only the one or two values a percentile needs instead of all of them.
 */
export function percentile(count: number, fraction: number, valueAt: (rank: number) => number): number | null {
  if (count === 0) return null;
  const ix = fraction * (count - 1);
  const i1 = Math.trunc(ix);
  const i2 = ix === i1 || i1 === count - 1 ? i1 : i1 + 1;
  const v1 = valueAt(i1);
  const v2 = valueAt(i2);
  return v1 + (v2 - v1) * (ix - i1);
}
