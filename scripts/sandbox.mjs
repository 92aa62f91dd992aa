// `npm run sandbox`: see scripts/host/sandbox.ts (the real VS Code with the extension, signed in to the
// fake Heroku, on a copy of the demo workspace). Options: --screenshot FILE, --exit, --port N.
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport('./host/sandbox.ts', import.meta.url);
const main = mod.main ?? mod.default?.main;
process.exitCode = await main(process.argv.slice(2));
