/**
 * Test helper: `target` with method `method` throwing `Error(message)` on its first call
 * (simulating a process killed at that point); every other call reaches `target`.
 */
export function failingOnce<T extends object>(target: T, method: keyof T, message: string): T {
  let failed = false;
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      if (property === method && !failed) {
        return async () => {
          failed = true;
          throw new Error(message);
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(object);
    },
  });
}
