// Where a web command listens, read per program (./programs.ts) from the command's words (./words.ts): the fixed
// ports it sets instead of $PORT, the localhost addresses it binds, or the $PORT proxy that fronts it. Only what
// clearly sets the listen port counts: a `host:port` given to any other option (`--redis=localhost:6379`) is
// someone else's port.
import { baseName, NOT_LISTENERS, resolveProgram, SHORT_PORT } from './programs';
import { simpleCommands, type Word } from './words';

/** Offsets in the command: [from, to) of the port digits or host, and what was found there. */
export interface Found {
  from: number;
  to: number;
  text: string;
}

export interface ListenFacts {
  /** A wrapper that binds $PORT itself and proxies to the app (the nginx buildpack): nothing else is checked. */
  proxy?: Found;
  fixedPorts: Found[];
  localhostBinds: Found[];
}

/** Long options whose value is the listen port, for any program (`--port 8000`, `-port=8080` in Go). */
const PORT_OPTIONS = /^--?(?:port|http-port|server-port|server\.port|listen-port)$/;
/** JVM system properties: `-Dserver.port=8080`. */
const JVM_PORT = /^-D(?:server|http|jetty)?\.?port=(\d{2,5})$/;
/** Options whose value is an address (`host:port`, `:port`, `tcp://host:port`; a bare port for --listen). */
const ADDRESS_OPTIONS = /^(?:-b|--?(?:bind|listen|http|http-socket|socket|addr|address))$/;
const HOST_OPTIONS = /^(?:-b|-H|-a|--bind|--host|--listen|--address)$/;
const PORT = /^\d{2,5}$/;
/** The port at the end of an address, after the host (empty, a name, `*` or `[v6]`) and an optional scheme. */
const ADDRESS_PORT = /^(?:(?:tcp|https?|ssl):\/\/)?(?:[\w.-]*|\[[0-9a-fA-F:]*\]|\*):(\d{2,5})$/;
const LOCALHOST = /^(?:(?:tcp|https?|ssl):\/\/)?(127\.0\.0\.1|localhost)(?::|$)/;

/** The characters of `word`'s value from `index` on, as command offsets (shifted by `base`). */
function slice(word: Word, index: number, length: number, base: number[] | undefined): Found {
  const map = (k: number) => (base ? base[word.at[k]] : word.at[k]);
  return { from: map(index), to: map(index + length - 1) + 1, text: word.value.slice(index, index + length) };
}

/** `--opt=value` or `--opt value`: the option name, the value's word and where the value starts in it. */
function optionValue(words: Word[], k: number): { name: string; word?: Word; offset: number; used: number } {
  const v = words[k].value;
  const eq = v.indexOf('=');
  if (v.startsWith('-') && eq > 0) return { name: v.slice(0, eq), word: words[k], offset: eq + 1, used: 1 };
  return { name: v, word: words[k + 1], offset: 0, used: 2 };
}

function scanProgram(name: string, words: Word[], from: number, base: number[] | undefined, facts: ListenFacts): void {
  const shortPort = SHORT_PORT[name] ?? [];
  const checksHosts = !NOT_LISTENERS.has(name);
  for (let k = from; k < words.length; k++) {
    const v = words[k].value;
    const jvm = JVM_PORT.exec(v);
    if (jvm) { facts.fixedPorts.push(slice(words[k], v.length - jvm[1].length, jvm[1].length, base)); continue; }
    if (!v.startsWith('-')) continue;
    const attached = /^-[a-zA-Z]\d{2,5}$/.exec(v) && shortPort.includes(v.slice(0, 2)); // `-p3000`
    if (attached) { facts.fixedPorts.push(slice(words[k], 2, v.length - 2, base)); continue; }
    const opt = optionValue(words, k);
    const value = opt.word?.value.slice(opt.offset);
    if (!opt.word || value === undefined || !checksHosts) continue;
    if (PORT_OPTIONS.test(opt.name) || shortPort.includes(opt.name) || (opt.name === '--listen' && PORT.test(value))) {
      if (PORT.test(value)) facts.fixedPorts.push(slice(opt.word, opt.offset, value.length, base));
    } else if (ADDRESS_OPTIONS.test(opt.name)) {
      const m = ADDRESS_PORT.exec(value);
      if (m) facts.fixedPorts.push(slice(opt.word, opt.word.value.length - m[1].length, m[1].length, base));
    }
    if (HOST_OPTIONS.test(opt.name)) {
      const h = LOCALHOST.exec(value);
      if (h) facts.localhostBinds.push(slice(opt.word, opt.offset + h[0].indexOf(h[1]), h[1].length, base));
    }
  }
  positional(name, words, from, base, facts);
}

/** Servers that take the address as an argument: `manage.py runserver 0.0.0.0:8000`, `python -m http.server 8000`, `php -S`. */
function positional(name: string, words: Word[], from: number, base: number[] | undefined, facts: ListenFacts): void {
  let start = -1;
  if (name === 'php -S') {
    const w = words[from];
    const m = w && ADDRESS_PORT.exec(w.value);
    if (m) facts.fixedPorts.push(slice(w, w.value.length - m[1].length, m[1].length, base));
    return;
  }
  if (name === 'http.server' || name === 'SimpleHTTPServer') start = from;
  else {
    // Django's runserver, whatever runs it (manage.py, django-admin, a project's own `python -m x runserver`).
    const sub = words.findIndex((w, k) => k >= from - 1 && /^runserver(?:_plus)?$/.test(w.value));
    if (sub >= 0) start = sub + 1;
  }
  if (start < 0) return;
  for (let k = start; k < words.length; k++) {
    const v = words[k].value;
    if (v.startsWith('-')) continue;
    const m = PORT.test(v) ? [v, v] : /^(?:[\w.-]+|\[[0-9a-fA-F:]*\]):(\d{2,5})$/.exec(v);
    if (m) facts.fixedPorts.push(slice(words[k], v.length - m[1].length, m[1].length, base));
  }
}

function analyze(cmd: string, base: number[] | undefined, facts: ListenFacts): void {
  for (const words of simpleCommands(cmd)) {
    const assignments: Word[] = [];
    const r = resolveProgram(words, assignments);
    for (const a of assignments) {
      const m = /^PORT=(\d{2,5})$/.exec(a.value);
      if (m) facts.fixedPorts.push(slice(a, 5, m[1].length, base));
    }
    if (r.kind === 'proxy') {
      facts.proxy = { ...slice(r.word, 0, r.word.value.length, base), text: baseName(r.word.value) };
      return;
    }
    if (r.kind === 'shell') {
      // `sh -c "…"`: the script is a command line of its own, its offsets mapped back through the word's.
      const map = base ? r.script.at.map((o) => base[o]) : r.script.at;
      analyze(r.script.value, map, facts);
      if (facts.proxy) return;
      continue;
    }
    if (r.kind === 'program') {
      if (words[r.index].value === 'export') {
        for (const w of words.slice(r.index + 1)) {
          const m = /^PORT=(\d{2,5})$/.exec(w.value);
          if (m) facts.fixedPorts.push(slice(w, 5, m[1].length, base));
        }
        continue;
      }
      scanProgram(r.name, words, r.index + 1, base, facts);
    }
  }
}

/** What a web command's words say about where it listens. Never throws. */
export function listenFacts(cmd: string): ListenFacts {
  const facts: ListenFacts = { fixedPorts: [], localhostBinds: [] };
  analyze(cmd, undefined, facts);
  if (facts.proxy) return { proxy: facts.proxy, fixedPorts: [], localhostBinds: [] };
  return facts;
}
