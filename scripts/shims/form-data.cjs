// Build alias for the `form-data` package (see scripts/build.mjs). axios imports it in Node only to build
// multipart bodies, which this extension never sends; its dependency chain (mime-types -> mime-db, 137 KB, and
// get-intrinsic & co.) would dominate the bundle. Exporting null makes axios fall back to Node's spec-compliant
// global FormData (`new (PlatformFormData || FormData)()`), looked up only when a multipart body is built, so
// multipart still works and nothing is loaded at start-up.
module.exports = null;
