// One decoder per Platform API resource (../types.ts says what each guarantees). The client (src/infra/heroku)
// runs them on every answer; a new endpoint adds its decoder here next to its type.
import type {
  Account, AddOn, AddOnAttachment, App, Build, Domain, Dyno, DynoSize, Formation, IdRef, LogSession, Pipeline,
  PipelineCoupling, PipelinePromotion, PipelinePromotionTarget, PipelineRelease, Ref, Release, ReviewApp, Slug,
  Source, Team, TeamApp, TestNode, TestRun,
} from '../types';
import { bool, dict, either, listOf, num, nullable, oneOf, opt, shape, str, word, type Decoder } from './kit';

const ref: Decoder<Ref> = shape<Ref>('reference', { id: opt(word), name: word });
const idRef: Decoder<IdRef> = shape<IdRef>('reference', { id: word });
const appRef = shape<{ id: string; name?: string }>('app reference', { id: word, name: opt(word) });
const user = shape<{ id?: string; email: string }>('user', { id: opt(word), email: word });
const time = str;

export const account = shape<Account>('account', {
  id: word, email: word, name: opt(nullable(str)), created_at: opt(time), updated_at: opt(time),
  two_factor_authentication: opt(bool), verified: opt(bool), federated: opt(bool), last_login: opt(nullable(time)),
  default_team: opt(nullable(ref)),
});

const appFields = {
  id: word, name: word, created_at: opt(time), updated_at: opt(time), released_at: opt(nullable(time)),
  maintenance: opt(bool), web_url: opt(nullable(str)), git_url: opt(str), owner: opt(user),
  region: opt(ref), stack: opt(ref), build_stack: opt(ref),
  space: opt(nullable(shape<{ id?: string; name: string; shield?: boolean }>('space', { id: opt(word), name: word, shield: opt(bool) }))),
  team: opt(nullable(ref)), organization: opt(nullable(ref)), generation: opt(either<Ref, string>(ref, word)),
  internal_routing: opt(nullable(bool)), repo_size: opt(nullable(num)), slug_size: opt(nullable(num)),
  archived_at: opt(nullable(time)), buildpack_provided_description: opt(nullable(str)),
};
export const app = shape<App>('app', appFields);
export const teamApp = shape<TeamApp>('app', { ...appFields, joined: opt(bool), locked: opt(bool) });

export const team = shape<Team>('team', {
  id: word, name: word, created_at: opt(time), updated_at: opt(time), default: opt(bool),
  role: opt(nullable(oneOf('admin', 'collaborator', 'member', 'owner'))), type: opt(oneOf('enterprise', 'team')),
});

export const formation = shape<Formation>('formation', {
  type: word, quantity: num, id: opt(word), app: opt(appRef), command: opt(str), created_at: opt(time),
  updated_at: opt(time), size: opt(word), dyno_size: opt(ref),
});

export const dynoSize = shape<DynoSize>('dyno size', { name: word, id: opt(word) });

export const dyno = shape<Dyno>('dyno', {
  name: word, type: word, state: word, id: opt(word), command: opt(str), size: opt(word), created_at: opt(time),
  updated_at: opt(time), attach_url: opt(nullable(str)), app: opt(appRef),
  release: opt(shape<{ id?: string; version: number }>('release reference', { id: opt(word), version: num })),
});

export const addon = shape<AddOn>('add-on', {
  name: word, plan: ref, id: opt(word),
  addon_service: opt(shape<{ id?: string; name: string; human_name?: string }>('add-on service', { id: opt(word), name: word, human_name: opt(word) })),
  app: opt(ref), state: opt(word), config_vars: opt(listOf(word)), created_at: opt(time), updated_at: opt(time),
  web_url: opt(nullable(str)), provider_id: opt(str),
  billed_price: opt(nullable(shape<{ cents: number; contract?: boolean; unit?: string }>('price', { cents: num, contract: opt(bool), unit: opt(str) }))),
});

export const attachment = shape<AddOnAttachment>('add-on attachment', {
  name: word, addon: shape<AddOnAttachment['addon']>('add-on', { id: opt(word), name: word, app: opt(ref) }), app: ref,
  id: opt(word), namespace: opt(nullable(str)), created_at: opt(time), updated_at: opt(time), web_url: opt(nullable(str)),
  log_input_url: opt(nullable(str)),
});

const releaseFields = {
  id: word, version: num, status: word, description: opt(str), current: opt(bool), created_at: opt(time),
  updated_at: opt(time), user: opt(user), slug: opt(nullable(idRef)), oci_image: opt(nullable(idRef)),
  addon_plan_names: opt(listOf(str)), output_stream_url: opt(nullable(str)), eligible_for_rollback: opt(bool),
};
export const release = shape<Release>('release', { ...releaseFields, app: opt(appRef) });
export const pipelineRelease = shape<PipelineRelease>('release', { ...releaseFields, app: appRef });

export const domain = shape<Domain>('domain', {
  hostname: word, id: opt(word), kind: opt(word), cname: opt(nullable(str)), status: opt(str), created_at: opt(time),
  updated_at: opt(time), app: opt(ref), acm_status: opt(nullable(str)), acm_status_reason: opt(nullable(str)),
  sni_endpoint: opt(nullable(ref)),
});

export const pipeline = shape<Pipeline>('pipeline', {
  id: word, name: word, created_at: opt(time), updated_at: opt(time),
  owner: opt(nullable(shape<{ id: string; type: string }>('owner', { id: word, type: word }))), generation: opt(ref),
});

export const coupling = shape<PipelineCoupling>('pipeline coupling', {
  id: word, app: idRef, pipeline: idRef, stage: oneOf('test', 'review', 'development', 'staging', 'production'),
  created_at: opt(time), updated_at: opt(time),
});

export const promotion = shape<PipelinePromotion>('pipeline promotion', {
  id: word, status: word, pipeline: opt(idRef),
  source: opt(shape<{ app: IdRef; release?: IdRef }>('promotion source', { app: idRef, release: opt(idRef) })),
  created_at: opt(time), updated_at: opt(nullable(time)),
});

export const promotionTarget = shape<PipelinePromotionTarget>('promotion target', {
  app: idRef, status: word, id: opt(word), pipeline_promotion: opt(idRef), release: opt(nullable(idRef)),
  error_message: opt(nullable(str)),
});

export const logSession = shape<LogSession>('log session', { logplex_url: word, id: opt(word), created_at: opt(time), updated_at: opt(time) });

export const source = shape<Source>('source', {
  source_blob: shape<Source['source_blob']>('source blob', { get_url: word, put_url: word }),
});

export const build = shape<Build>('build', {
  id: word, status: word, output_stream_url: opt(word), app: opt(idRef), created_at: opt(time), updated_at: opt(time),
  source_blob: opt(shape<NonNullable<Build['source_blob']>>('source blob', {
    url: opt(str), version: opt(nullable(str)), version_description: opt(nullable(str)), checksum: opt(nullable(str)),
  })),
  buildpacks: opt(nullable(listOf(shape<{ url: string; name?: string }>('buildpack', { url: word, name: opt(str) })))),
  release: opt(nullable(idRef)), slug: opt(nullable(idRef)), stack: opt(str), user: opt(user),
});

export const slug = shape<Slug>('slug', {
  id: word, commit: opt(nullable(str)), commit_description: opt(nullable(str)), buildpack_provided_description: opt(nullable(str)),
  process_types: opt(dict(str)), size: opt(nullable(num)), stack: opt(ref), created_at: opt(time), updated_at: opt(time),
});

export const reviewApp = shape<ReviewApp>('review app', {
  id: word, status: word, app: opt(nullable(idRef)), pipeline: opt(idRef), branch: opt(str), pr_number: opt(nullable(num)),
  created_at: opt(time), updated_at: opt(time),
  creator: opt(nullable(shape<{ id?: string; email?: string }>('creator', { id: opt(word), email: opt(word) }))),
  error_status: opt(nullable(str)), message: opt(nullable(str)), wait_for_ci: opt(bool),
  fork_repo: opt(nullable(shape<{ id: number | null }>('fork', { id: nullable(num) }))),
});

export const testRun = shape<TestRun>('test run', {
  id: word, number: num, status: word, pipeline: opt(idRef), commit_branch: opt(str), commit_message: opt(str),
  commit_sha: opt(str), actor_email: opt(str), created_at: opt(time), updated_at: opt(time), message: opt(nullable(str)),
  warning_message: opt(nullable(str)), debug: opt(bool),
});

export const testNode = shape<TestNode>('test node', {
  id: word, status: word, index: opt(num), exit_code: opt(nullable(num)), test_run: opt(idRef),
  output_stream_url: opt(word), setup_stream_url: opt(word), error_status: opt(nullable(str)), message: opt(nullable(str)),
  created_at: opt(time), updated_at: opt(time),
});
