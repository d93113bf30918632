/**
 * Orders two strings by UTF-16 code units (not locale), so sorting is the same on every machine.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareCodeUnits); // ['B', 'a', 'b']
 */
export const compareCodeUnits = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);
