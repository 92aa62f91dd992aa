// Runs inside the extension host as extensionTestsPath: activates each extension of HW_BENCH_IDS in
// turn and times activate() (module load + the extension's activate() until its promise settles).
// An extension whose API has `composedAt` (ours: src/extension.ts defers its composition root a tick) is also timed
// until that moment ("startedMs": activation plus the deferred start, forced at once by reading it).
// Writes {"<id>": {"ms": n, "startedMs": n} | {"error": "..."}} to HW_BENCH_OUT.
const vscode = require('vscode');
const { performance } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the extension host is idle: 10 consecutive 100 ms sleeps late by < 15 ms (at most 20 s). */
async function settle() {
  const deadline = Date.now() + 20000;
  let calm = 0;
  while (calm < 10 && Date.now() < deadline) {
    const t0 = performance.now();
    await sleep(100);
    calm = performance.now() - t0 - 100 < 15 ? calm + 1 : 0;
  }
}

async function run() {
  const ids = (process.env.HW_BENCH_IDS || '').split(',').filter(Boolean);
  const out = process.env.HW_BENCH_OUT;
  if (!ids.length || !out) throw new Error('HW_BENCH_IDS and HW_BENCH_OUT are required');
  const results = {};
  await settle(); // start-up work of built-in extensions would otherwise land in the first measurement
  for (const id of ids) {
    const ext = vscode.extensions.getExtension(id);
    if (!ext) { results[id] = { error: 'not installed' }; continue; }
    if (ext.isActive) { results[id] = { error: 'already active before the probe ran' }; continue; }
    const t0 = performance.now();
    try {
      const api = await ext.activate();
      const ms = performance.now() - t0;
      const composedAt = api && typeof api === 'object' && 'composedAt' in api ? Number(api.composedAt) : undefined;
      results[id] = { ms, startedMs: composedAt === undefined ? ms : composedAt - t0 };
    } catch (err) {
      results[id] = { error: String(err && err.message || err) };
    }
  }
  writeFileSync(out, JSON.stringify(results));
  const bad = Object.entries(results).filter(([, r]) => r.error);
  if (bad.length) throw new Error(`probe: ${JSON.stringify(bad)}`);
}

module.exports = { run };
