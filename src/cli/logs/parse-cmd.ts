// `heroku-workflows logs parse`: log lines on stdin → coloured text or JSON on stdout.
import { StringDecoder } from 'node:string_decoder';
import type { LogFilter } from '../../core/logs/filter';
import { LineSplitter } from '../../infra/logstream/framing';
import type { LogsArgs } from './args';
import type { LogsIo } from './index';
import { LogWriter, useColor } from './output';

/** Lines longer than this are cut (and said so), as in a tail. */
const MAX_LINE = 4 << 20;

export async function parseCommand(args: LogsArgs, io: LogsIo, filter: LogFilter): Promise<number> {
  const input = io.stdin ?? process.stdin;
  const out = new LogWriter(io, { json: args.json, color: useColor(args.color, io.stdout, io.env), filter });
  let pending: string[] = [];
  const splitter = new LineSplitter({
    line: (l) => pending.push(l),
    truncated: (n) => io.stderr.write(`heroku-workflows logs: a line was cut after ${MAX_LINE} characters (${n} more skipped)\n`),
  }, MAX_LINE);
  // Bytes are decoded here, not by the stream, so a character split across reads is joined and invalid UTF-8 becomes U+FFFD.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    out.lines(pending);
    pending = [];
    await out.maybeFlush();
  }
  splitter.push(decoder.end());
  splitter.end(true);
  out.lines(pending);
  await out.flush();
  return 0;
}
