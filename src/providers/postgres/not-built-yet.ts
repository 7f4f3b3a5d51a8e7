// SCAFFOLDING (session 7): stands in for PostgreSQL stores while they are being written in parallel branches.
// Deleted before issue 18 is resolved; nothing may ship using it.
/** A port whose every method rejects, naming the store that is not built yet. */
export function notBuiltYet<T extends object>(storeName: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      return () => Promise.reject(new Error(`${storeName}.${String(property)} is not built yet`));
    },
  });
}
