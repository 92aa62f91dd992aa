// Loads one of the CommonJS bundles scripts/build.mjs writes next to dist/extension.js (`lazyBundles`) the first
// time it is needed, and keeps it. Each caller passes a literal `() => require('./<name>.js')` so esbuild leaves
// it alone (the main build marks `./<name>.js` external) and the type checker knows the module's shape.
export function lazyBundle<T>(load: () => unknown): () => T {
  let mod: T | undefined;
  return () => (mod ??= load() as T);
}
