import { json, text, type BuildPlan } from './plan';
import type { SourceFiles } from './unpack';

type Steps = BuildPlan['steps'];

/** A classic buildpack: the files that make it detect the app, its output and default process types. */
export interface Language {
  name: string;
  buildpack: string;
  detect: readonly string[];
  /** Bytes the runtime and dependencies add to the slug. */
  runtimeBytes: number;
  steps(files: SourceFiles): Steps;
  defaults(files: SourceFiles): Record<string, string>;
}

function nodeSteps(files: SourceFiles): Steps {
  const pkg = json(files, 'package.json') ?? {};
  const engines = (pkg.engines ?? {}) as Record<string, unknown>;
  const node = typeof engines.node === 'string' ? engines.node : undefined;
  const scripts = (pkg.scripts ?? {}) as Record<string, unknown>;
  const deps = Object.keys((pkg.dependencies ?? {}) as object).length;
  const dev = Object.keys((pkg.devDependencies ?? {}) as object).length;
  const lock = files.has('package-lock.json') ? 'package-lock.json' : files.has('yarn.lock') ? 'yarn.lock' : 'package.json';
  const name = typeof pkg.name === 'string' ? pkg.name : 'app';
  const version = typeof pkg.version === 'string' ? pkg.version : '1.0.0';
  const build: Steps = typeof scripts.build === 'string'
    ? ['       Running build', '       ', `       > ${name}@${version} build`, `       > ${scripts.build}`, ['       ', 3]]
    : [];
  return [
    '-----> Creating runtime environment', '       ', '       NPM_CONFIG_LOGLEVEL=error', '       NODE_VERBOSE=false',
    '       NODE_ENV=production', '       NODE_MODULES_CACHE=true',
    '-----> Installing binaries', `       engines.node (package.json):  ${node ?? 'unspecified'}`,
    '       engines.npm (package.json):   unspecified (use default)', '       ',
    `       Resolving node version ${node ?? '22.x'}...`, ['       Downloading and installing node 22.12.0...', 3],
    '       Validating checksum', '       Using default npm version: 10.9.0',
    '-----> Installing dependencies', [`       Installing node modules (${lock})`, 6],
    `       added ${deps * 37 + dev * 23 + 1} packages, and audited ${deps * 37 + dev * 23 + 2} packages in ${3 + deps}s`,
    '       found 0 vulnerabilities',
    '-----> Build', ...build, '-----> Caching build', '       - npm cache',
    '-----> Pruning devDependencies', `       removed ${dev * 23} packages, and audited ${deps * 37 + 1} packages in 1s`,
    '-----> Build succeeded!',
  ];
}

function nodeDefaults(files: SourceFiles): Record<string, string> {
  const scripts = (json(files, 'package.json')?.scripts ?? {}) as Record<string, unknown>;
  if (typeof scripts.start === 'string') return { web: 'npm start' };
  return files.has('server.js') ? { web: 'node server.js' } : {};
}

function pythonSteps(files: SourceFiles): Steps {
  const pinned = text(files, '.python-version')?.trim();
  const reqs = (text(files, 'requirements.txt') ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).slice(0, 4);
  return [
    pinned ? `-----> Using Python ${pinned} specified in .python-version` : '-----> No Python version was specified. Using the buildpack default: Python 3.13',
    ['-----> Installing Python 3.13.1', 3], '-----> Installing pip 24.3.1',
    [`-----> Installing dependencies using '${files.has('requirements.txt') ? 'pip install -r requirements.txt' : 'pip install .'}'`, 2],
    ...reqs.map((r) => [`       Collecting ${r}`, 1] as const),
    ['       Installing collected packages', 3], `       Successfully installed ${reqs.map((r) => r.split(/[=<>~ ]/)[0]).join(' ') || 'app'}`,
  ];
}

const rubySteps = (): Steps => [
  '-----> Installing bundler 2.5.23', '-----> Removing BUNDLED WITH version in the Gemfile.lock',
  '-----> Compiling Ruby/Rails', '-----> Using Ruby version: ruby-3.3.6', '-----> Installing dependencies using bundler 2.5.23',
  ["       Running: BUNDLE_WITHOUT='development:test' BUNDLE_PATH=vendor/bundle BUNDLE_BIN=vendor/bundle/bin BUNDLE_DEPLOYMENT=1 bundle install -j4", 6],
  '       Bundle complete! 14 Gemfile dependencies, 62 gems now installed.', '       Bundle completed (28.41s)',
  '       Cleaning up the bundler cache.',
];

function goModule(files: SourceFiles): string {
  return /^module\s+(\S+)/m.exec(text(files, 'go.mod') ?? '')?.[1] ?? 'app';
}

const goSteps = (files: SourceFiles): Steps => [
  '-----> Fetching jq... done', '       Detected go modules via go.mod', `       Detected Module Name: ${goModule(files)}`,
  ['-----> Installing go1.23.4', 3], '-----> Fetching go1.23.4.linux-amd64.tar.gz... done', '-----> Determining packages to install',
  [`-----> Running: go install -v -tags heroku ${goModule(files)}`, 5], `       ${goModule(files)}`,
  '-----> Installed the following binaries:', `       ./bin/${goModule(files).split('/').pop()}`,
];

const javaSteps = (): Steps => [
  ['-----> Installing OpenJDK 21... done', 3], '-----> Executing Maven',
  ['       $ ./mvnw -DskipTests clean dependency:list install', 6], '       [INFO] BUILD SUCCESS',
];

const phpSteps = (): Steps => [
  '-----> Bootstrapping...', '-----> Preparing platform package installation...', ['-----> Installing platform packages...', 3],
  '       - php (8.3.14)', '       - apache (2.4.62)', '       - nginx (1.26.2)', ['-----> Installing dependencies...', 4],
  '       Composer version 2.8.4', '-----> Preparing runtime environment...', '-----> Checking for additional extensions to install...',
];

/** In the order Heroku's default buildpacks are tried. */
export const LANGUAGES: readonly Language[] = [
  { name: 'Ruby', buildpack: 'heroku/ruby', detect: ['Gemfile'], runtimeBytes: 60e6, steps: rubySteps, defaults: (f): Record<string, string> => (f.has('config.ru') ? { web: 'bundle exec rackup config.ru -p ${PORT:-5000}' } : {}) },
  { name: 'Node.js', buildpack: 'heroku/nodejs', detect: ['package.json'], runtimeBytes: 45e6, steps: nodeSteps, defaults: nodeDefaults },
  { name: 'Python', buildpack: 'heroku/python', detect: ['requirements.txt', 'Pipfile', 'pyproject.toml', 'setup.py'], runtimeBytes: 70e6, steps: pythonSteps, defaults: () => ({}) },
  { name: 'Java', buildpack: 'heroku/java', detect: ['pom.xml', 'mvnw'], runtimeBytes: 90e6, steps: javaSteps, defaults: () => ({}) },
  { name: 'PHP', buildpack: 'heroku/php', detect: ['composer.json', 'index.php'], runtimeBytes: 40e6, steps: phpSteps, defaults: () => ({ web: 'heroku-php-apache2' }) },
  { name: 'Go', buildpack: 'heroku/go', detect: ['go.mod'], runtimeBytes: 15e6, steps: goSteps, defaults: (f) => ({ web: goModule(f).split('/').pop() ?? 'app' }) },
];

/** The language a buildpack name or URL stands for (`heroku/nodejs`, `https://…/nodejs.tgz`). */
export function languageOfBuildpack(bp: string): Language | undefined {
  const key = bp.toLowerCase();
  return LANGUAGES.find((l) => key === l.buildpack || key.includes(`/${l.buildpack.split('/')[1]}`));
}
