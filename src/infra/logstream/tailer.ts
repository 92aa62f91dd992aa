// Entry of dist/logstream.js (scripts/build.mjs lazyBundles): the editor's log tails. The composition root builds
// one LogTailer on the first tail and hands it to the logs feature as Services.logTailer(); each tail takes the
// session's client when it starts (the feature stops every tail when the session changes).
import type { ApiProvider } from '../../core/heroku/api';
import { stoppedText } from '../../core/logs/markers';
import type { LogTailEvent, LogTailer, LogTailHandle } from '../../core/logs/ports';
import { tailLogs } from './tail';

/** A tail that ends at once: no client (signed out). */
function endedTail(event: LogTailEvent): LogTailHandle {
  return {
    stop: () => undefined,
    async *[Symbol.asyncIterator]() {
      yield event;
    },
  };
}

export function createLogTailer(getApi: ApiProvider, userAgent: string): LogTailer {
  return (r) => {
    const api = getApi();
    if (!api) return endedTail({ kind: 'end', reason: 'failed', text: stoppedText('not signed in to Heroku') });
    return tailLogs(api, { app: r.app, dyno: r.dyno, type: r.type, source: r.source, lines: r.lines ?? 100, signal: r.signal, userAgent });
  };
}
