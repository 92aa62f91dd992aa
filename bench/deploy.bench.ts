// Pack a 10,000-file workspace for a deploy, honouring .gitignore (plan + tar.gz to a temp file), beside
// `git archive` (committed files) and GNU `tar --exclude-vcs-ignores` of the same tree, in the same run:
//   deploy_pack_10k_files_ms   ours, median of 7 runs after 2 warm-ups (goal ≤ 1.5× the faster of the two)
//   deploy_pack_git_archive_ms `git archive --format=tar.gz HEAD`, same method
//   deploy_pack_tar_ms         `tar czf --exclude-vcs-ignores --exclude=.git .`, same method
//   deploy_pack_ratio          ours / the faster of the two
// Run: node bench/run.mjs deploy
// bench: as shipped
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { planPack } from '../src/core/deploy/pack-plan';
import { outerIgnores } from '../src/infra/git/repo-state';
import { packToFile } from '../src/infra/pack/tarball';
import { diskTree } from '../src/infra/pack/tree';

function makeTree(root: string): void {
  writeFileSync(path.join(root, '.gitignore'), 'node_modules/\n*.log\n');
  writeFileSync(path.join(root, 'Procfile'), 'web: node index.js\n');
  for (let d = 0; d < 100; d++) {
    const dir = path.join(root, 'src', `pkg${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) {
      writeFileSync(path.join(dir, `mod${f}.js`), `// module ${d}/${f}\nmodule.exports = function m${f}(x) { return x * ${f} + ${d}; };\n`.repeat(4));
    }
  }
  mkdirSync(path.join(root, 'node_modules', 'dep'), { recursive: true });
  for (let f = 0; f < 500; f++) writeFileSync(path.join(root, 'node_modules', 'dep', `f${f}.js`), 'x');
  writeFileSync(path.join(root, 'debug.log'), 'ignored');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'tree');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => Promise<unknown> | unknown, warmup = 2, runs = 7): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(out);
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'hw-bench-pack-'));
  const outDir = mkdtempSync(path.join(tmpdir(), 'hw-bench-out-'));
  try {
    makeTree(root);
    let entries = 0;
    const ours = await time(async () => {
      const plan = await planPack(diskTree(root), { outer: await outerIgnores(root) });
      if (plan.problems.length) throw new Error(JSON.stringify(plan.problems.slice(0, 3)));
      entries = plan.entries.length;
      const packed = await packToFile(root, plan.entries);
      if (!packed.ok) throw new Error(packed.message);
      await packed.value.dispose();
    });
    if (entries !== 10_002) throw new Error(`expected 10,002 entries, packed ${entries}`);
    const gitArchive = await time(() => execFileSync('git', ['archive', '--format=tar.gz', '-o', path.join(outDir, 'g.tgz'), 'HEAD'], { cwd: root }));
    const tar = await time(() => execFileSync('tar', ['czf', path.join(outDir, 't.tgz'), '--exclude-vcs-ignores', '--exclude=.git', '.'], { cwd: root }));
    const line = (name: string, value: number, unit = 'ms') => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));
    line('deploy_pack_10k_files_ms', ours);
    line('deploy_pack_git_archive_ms', gitArchive);
    line('deploy_pack_tar_ms', tar);
    line('deploy_pack_ratio', ours / Math.min(gitArchive, tar), 'x');
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
