// Build alias for the `debug` package (see scripts/build.mjs): follow-redirects and https-proxy-agent log through
// it only when the DEBUG environment variable names them. The extension logs its own API trace (redacted) to the
// Heroku output channel, so these loggers are no-ops here.
function createDebug() {
  const log = () => {};
  log.enabled = false;
  log.extend = createDebug;
  return log;
}
createDebug.enabled = () => false;
createDebug.enable = () => {};
createDebug.disable = () => '';
module.exports = createDebug;
module.exports.default = createDebug;
