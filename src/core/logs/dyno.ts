// Dyno names in log lines: Cedar `web.1`, `run.4821`, `scheduler.7302`; Fir `web-5d7f8b9c6-x7k2q` (type, a hash, five
// characters: the shape the Heroku CLI tells generations apart by); components `router`, `api`, `logplex`, `manager`.

/** Cedar `<type>.<n>`. */
function cedarType(dyno: string): string | undefined {
  const dot = dyno.lastIndexOf('.');
  if (dot <= 0 || dot === dyno.length - 1) return undefined;
  for (let i = dot + 1; i < dyno.length; i++) {
    const c = dyno.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return dyno.slice(0, dot);
}

const FIR = /^(.+)-[0-9a-z]+-[0-9a-z]{5}$/;

/** The process type a dyno name belongs to (`web` for `web.1` and `web-5d7f8b9c6-x7k2q`); other names as they are. */
export function processTypeOf(dyno: string): string {
  const cedar = cedarType(dyno);
  if (cedar !== undefined) return cedar;
  if (dyno.length > 8 && dyno.charCodeAt(dyno.length - 6) === 45 /* - */) {
    const fir = FIR.exec(dyno);
    if (fir) return fir[1];
  }
  return dyno;
}

/** Which generation's naming a dyno name follows, when it tells. */
export function dynoGeneration(dyno: string): 'cedar' | 'fir' | undefined {
  if (cedarType(dyno) !== undefined) return 'cedar';
  return FIR.test(dyno) ? 'fir' : undefined;
}

/** True when `dyno` names one dyno (`web.1`, `web-…-x7k2q`) rather than a process type (`web`). */
export function isDynoName(dyno: string): boolean {
  return dynoGeneration(dyno) !== undefined;
}
