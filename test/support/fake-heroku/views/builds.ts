import { stackId } from '../state/catalog';
import { stableId } from '../state/ids';
import type { FakeState } from '../state/store';
import type { App, Build, Release, Slug } from '../state/types';

/** A build (`build`, and `pipeline-build` for GET /pipelines/{id}/latest-builds: the same fields). */
export function buildView(state: FakeState, b: Build, baseUrl: string): Record<string, unknown> {
  return {
    app: { id: b.appId }, buildpacks: b.buildpacks, created_at: b.createdAt, id: b.id,
    output_stream_url: `${baseUrl}/__output/builds/${b.id}`,
    source_blob: { checksum: b.sourceBlob.checksum, url: b.sourceBlob.url, version: b.sourceBlob.version, version_description: b.sourceBlob.versionDescription },
    release: b.releaseId ? { id: b.releaseId } : null, slug: b.slugId ? { id: b.slugId } : null, stack: b.stack, status: b.status,
    updated_at: b.updatedAt, user: { id: state.account.id, email: state.account.email },
  };
}

/** Seeded deploys have no build record: each "Deploy …" release that ran a new slug came from one. */
export function derivedBuilds(state: FakeState, app: App): Release[] {
  let prev: string | null = null;
  return state.releasesOf(app.id).filter((r) => {
    const fresh = r.slugId !== null && r.slugId !== prev && r.description.startsWith('Deploy ') && r.buildId === undefined;
    prev = r.slugId ?? prev;
    return fresh;
  });
}

export const derivedBuildId = (r: Release): string => stableId(`build:${r.id}`);

export function derivedBuildView(state: FakeState, app: App, r: Release, baseUrl: string): Record<string, unknown> {
  const slug = r.slugId ? state.slugs.get(r.slugId) : undefined;
  const commit = slug?.commit ?? r.description.replace(/^Deploy /, '');
  return {
    app: { id: app.id }, buildpacks: app.buildpacks.map((name) => ({ url: name, name })), created_at: r.createdAt, id: derivedBuildId(r),
    output_stream_url: `${baseUrl}/__output/builds/${derivedBuildId(r)}`,
    source_blob: {
      checksum: `SHA256:${stableId(`blob:${r.id}`).replace(/-/g, '')}`, url: `https://sources.example.com/${app.name}/${commit}.tgz`,
      version: commit, version_description: slug?.commitDescription ?? r.description,
    },
    release: { id: r.id }, slug: r.slugId ? { id: r.slugId } : null, stack: app.stack, status: 'succeeded', updated_at: r.updatedAt,
    user: { id: state.account.id, email: state.account.email },
  };
}

export function derivedBuildOutput(app: App, r: Release): string[] {
  const bp = app.buildpacks[0] ?? 'heroku/nodejs';
  return [
    `-----> Building on the Heroku-${app.stack.replace('heroku-', '')} stack`, `-----> Using buildpack: ${bp}`,
    `-----> Installing dependencies`, `       added 412 packages in 9s`, `-----> Build succeeded!`,
    `-----> Discovering process types`, `-----> Compressing...`, `       Done: 50M`,
    `-----> Launching...`, `       Released v${r.version}`, `       https://${app.name}.herokuapp.com/ deployed to Heroku`,
  ];
}

export function slugView(s: Slug, baseUrl: string): Record<string, unknown> {
  return {
    blob: { method: 'get', url: `${baseUrl}/__slugs/${s.id}.tgz` }, buildpack_provided_description: s.buildpackDescription,
    checksum: s.checksum, commit: s.commit, commit_description: s.commitDescription, created_at: s.createdAt, id: s.id,
    process_types: s.processTypes, size: s.size, stack: { id: stackId(s.stack), name: s.stack }, updated_at: s.updatedAt,
    deleted_at: null,
  };
}
