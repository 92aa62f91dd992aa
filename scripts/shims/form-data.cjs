// Build alias for the `form-data` package (see scripts/build.mjs). axios imports it in Node only to build
// multipart bodies, which this extension never sends; its dependency chain (mime-types -> mime-db, 137 KB, and
// get-intrinsic & co.) would dominate the bundle. Node >= 18 has a spec-compliant global FormData, which axios
// also accepts (it streams it with its own encoder), so multipart keeps working should anyone send one.
module.exports = globalThis.FormData;
