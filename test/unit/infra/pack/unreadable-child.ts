// Run as an unprivileged user by pack.test.ts (root reads everything): plans and packs the folder given as
// argv[2] and prints the plan's and the packer's problems as JSON.
import { planPack } from '../../../../src/core/deploy/pack-plan';
import { packToFile } from '../../../../src/infra/pack/tarball';
import { diskTree } from '../../../../src/infra/pack/tree';

void (async () => {
  const root = process.argv[2];
  const plan = await planPack(diskTree(root));
  const packed = await packToFile(root, plan.entries);
  if (packed.ok) await packed.value.dispose();
  process.stdout.write(JSON.stringify({ plan: plan.problems, pack: packed.ok ? [] : packed.problems ?? [], message: packed.ok ? '' : packed.message }));
})();
