// The `heroku-workflows` command: the same core as the extension, no vscode.
import { run } from './run';

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`heroku-workflows: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
