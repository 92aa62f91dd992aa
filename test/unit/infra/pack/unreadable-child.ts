// Run as an unprivileged user by pack.test.ts (root reads everything): plans the folder given as argv[2] and
// prints the plan's problems as JSON.
import { planPack } from '../../../../src/core/deploy/pack-plan';
import { diskTree } from '../../../../src/infra/pack/tree';

void planPack(diskTree(process.argv[2])).then((plan) => {
  process.stdout.write(JSON.stringify({ problems: plan.problems, entries: plan.entries }));
});
