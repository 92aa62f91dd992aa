import { createRelease } from './mutations';
import type { FakeState } from './store';
import type { Promotion } from './types';

/**
 * Carries out a promotion: each target app gets a new release running the source release's slug (config stays
 * the target's own, as on Heroku). A target fails when the source release has no slug (container apps), or with
 * the message `state.promotionFailures` holds for its name.
 */
export function completePromotion(state: FakeState, p: Promotion): void {
  const source = state.apps.get(p.sourceAppId);
  const rel = state.releases.get(p.sourceReleaseId);
  for (const t of p.targets) {
    const app = state.apps.get(t.appId);
    if (!app || !source || !rel) {
      t.status = 'failed';
      t.errorMessage = 'The app or release no longer exists.';
      continue;
    }
    const injected = state.promotionFailures[app.name];
    if (injected !== undefined) {
      t.status = 'failed';
      t.errorMessage = injected;
      continue;
    }
    if (rel.slugId === null) {
      t.status = 'failed';
      t.errorMessage = `${source.name} v${rel.version} has no slug to promote.`;
      continue;
    }
    const created = createRelease(state, app, `Promote ${source.name} v${rel.version}`, { slugId: rel.slugId });
    t.releaseId = created.id;
    t.status = 'succeeded';
  }
  p.status = 'completed';
  p.updatedAt = state.now();
}
