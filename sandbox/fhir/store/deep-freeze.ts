/**
 * Freezes a parsed JSON value and everything inside it. Stored resources are served without copying, so a
 * hook or handler that mutated one would silently change the store; frozen, such a bug throws at once
 * (ES modules run in strict mode).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
    Object.freeze(value);
  }
  return value;
}
