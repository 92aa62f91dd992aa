// tar's subpath exports `tar/header` and `tar/pax` hold just the two classes ustar.ts uses: importing them, not
// `tar`, keeps the rest of tar (its streams, fs and unpacking: 78 KB minified) out of the bundles. The type
// checker's moduleResolution "node" does not read package exports, so their types are declared here as tar's own.
declare module 'tar/header' {
  export { Header } from 'tar';
}
declare module 'tar/pax' {
  export { Pax } from 'tar';
}
