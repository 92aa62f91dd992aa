// Build replacement for axios' lib/adapters/fetch.js (see scripts/build.mjs). axios picks the first available
// adapter of ['xhr', 'http', 'fetch']: in Node that is always http, and the transport never asks for fetch. The
// real module probes Request/Response/ReadableStream when it loads, which makes Node load undici at start-up.
// `false` is what axios itself exports where an adapter is unavailable (xhr in Node).
export const getFetch = () => false;
export default false;
