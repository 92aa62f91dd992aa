// Lint a 10,000-line Procfile (parse + every rule + directives), in plain Node:
//   procfile_lint_10k_ms    median of 60 runs after 20 warm-up runs (goal ≤ 5)
//   procfile_lint_10k_cpu_ms the same runs in CPU time (user+system), steadier on a shared machine
//   procfile_parse_10k_ms   the parser alone, same method
// The file mixes what real Procfiles hold (declarations with $PORT, quotes, ${VAR:-x}, comments, blank lines)
// with a problem every ~50 lines, so the rules do real work. Run: node bench/run.mjs procfile
// bench: as shipped
import { lintProcfile } from '../src/core/procfile/lint';
import { parseProcfile } from '../src/core/procfile/parser';

const SHAPES = [
  (i: number) => `worker${i}: bundle exec sidekiq -C config/sidekiq.yml -q queue_${i}`,
  (i: number) => `web${i}: gunicorn app.wsgi --bind 0.0.0.0:$PORT --workers \${WEB_CONCURRENCY:-2} --log-file -`,
  (i: number) => `# process ${i} runs the "importer" job`,
  () => '',
  (i: number) => `job${i}: sh -c 'cd worker && node index.js --name "job ${i}"' && echo done`,
  (i: number) => `clock${i}: python clock.py | tee /tmp/clock.log`,
];
const PROBLEMS = [
  (i: number) => `web: rails s -p ${3000 + (i % 1000)}`,
  (i: number) => `broken${i} : echo "unterminated`,
  () => 'just a command without a type',
];

function makeProcfile(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(i % 50 === 49 ? PROBLEMS[i % PROBLEMS.length](i) : SHAPES[i % SHAPES.length](i));
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time and median CPU time (user+system: less disturbed by other processes on a busy machine). */
function measure(fn: () => unknown, warmup = 20, runs = 60): [number, number] {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3);
  }
  return [median(wall), median(cpu)];
}

const text = makeProcfile(10_000);
let problems = 0;
const [lintMs, lintCpu] = measure(() => { problems = lintProcfile(text, { fileName: 'Procfile' }).length; });
const [parseMs] = measure(() => parseProcfile(text));
if (problems < 150) throw new Error(`expected the rules to find the planted problems, found ${problems}`);
for (const [name, value] of [['procfile_lint_10k_ms', lintMs], ['procfile_lint_10k_cpu_ms', lintCpu], ['procfile_parse_10k_ms', parseMs]] as const) {
  process.stdout.write(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit: 'ms' }) + '\n');
}
