// Suggested Procfile commands for the app's stack, detected from files next to the Procfile.
// Pure: the caller passes a sibling reader. Commands follow Heroku's getting-started apps (see docs/RULES.md).

export interface CommandSuggestion {
  processType: string;
  command: string;
  /** Why it is suggested, e.g. "package.json has a start script". */
  detail: string;
}

type Read = (name: string) => string | undefined;

function json(read: Read, name: string): Record<string, unknown> | undefined {
  const t = read(name);
  if (t === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function node(read: Read, out: CommandSuggestion[]): void {
  const pkg = json(read, 'package.json');
  if (!pkg) return;
  const scripts = (pkg.scripts ?? {}) as Record<string, unknown>;
  const deps = { ...(pkg.dependencies as object), ...(pkg.devDependencies as object) } as Record<string, unknown>;
  if (typeof scripts.start === 'string') out.push({ processType: 'web', command: 'npm start', detail: 'package.json has a start script' });
  else if (typeof pkg.main === 'string') out.push({ processType: 'web', command: `node ${pkg.main}`, detail: 'package.json "main"' });
  if (typeof scripts.worker === 'string') out.push({ processType: 'worker', command: 'npm run worker', detail: 'package.json has a worker script' });
  if ('bull' in deps || 'bullmq' in deps) out.push({ processType: 'worker', command: 'node worker.js', detail: 'a queue library is a dependency' });
  if ('prisma' in deps || '@prisma/client' in deps) out.push({ processType: 'release', command: 'npx prisma migrate deploy', detail: 'Prisma is a dependency' });
}

function ruby(read: Read, out: CommandSuggestion[]): void {
  const gems = read('Gemfile');
  if (gems === undefined) return;
  const has = (g: string) => new RegExp(`gem\\s+['"]${g}['"]`).test(gems);
  if (has('puma')) out.push({ processType: 'web', command: 'bundle exec puma -C config/puma.rb', detail: 'Gemfile has puma' });
  else if (has('rails')) out.push({ processType: 'web', command: 'bundle exec rails server -p $PORT', detail: 'Gemfile has rails' });
  if (has('rails')) out.push({ processType: 'release', command: 'bundle exec rails db:migrate', detail: 'Gemfile has rails' });
  if (has('sidekiq')) out.push({ processType: 'worker', command: 'bundle exec sidekiq', detail: 'Gemfile has sidekiq' });
  if (has('good_job')) out.push({ processType: 'worker', command: 'bundle exec good_job start', detail: 'Gemfile has good_job' });
}

function python(read: Read, out: CommandSuggestion[]): void {
  const reqs = [read('requirements.txt'), read('pyproject.toml'), read('Pipfile')].filter((t): t is string => t !== undefined).join('\n').toLowerCase();
  if (!reqs) return;
  const has = (p: string) => new RegExp(`(^|[\\s"'\\[])${p}([\\s=<>~!\\[;"',]|$)`, 'm').test(reqs);
  const django = has('django') || read('manage.py') !== undefined;
  if (has('gunicorn')) out.push({ processType: 'web', command: django ? 'gunicorn myproject.wsgi' : 'gunicorn app:app', detail: 'gunicorn is a dependency (it reads PORT itself)' });
  if (has('uvicorn') || has('fastapi')) out.push({ processType: 'web', command: 'uvicorn main:app --host 0.0.0.0 --port $PORT', detail: 'uvicorn/FastAPI is a dependency' });
  if (django) out.push({ processType: 'release', command: 'python manage.py migrate', detail: 'a Django project' });
  if (has('celery')) out.push({ processType: 'worker', command: 'celery -A myproject worker --loglevel=info', detail: 'celery is a dependency' });
}

function go(read: Read, out: CommandSuggestion[]): void {
  const mod = read('go.mod');
  const m = mod === undefined ? null : /^module\s+(\S+)/m.exec(mod);
  if (!m) return;
  const name = m[1].split('/').pop() ?? m[1];
  out.push({ processType: 'web', command: `bin/${name}`, detail: 'go.mod: the Go buildpack installs binaries into bin/' });
}

function java(read: Read, out: CommandSuggestion[]): void {
  const pom = read('pom.xml');
  if (pom === undefined) return;
  const spring = pom.includes('spring-boot');
  out.push({
    processType: 'web',
    command: spring ? 'java -Dserver.port=$PORT $JAVA_OPTS -jar target/*.jar' : 'java $JAVA_OPTS -jar target/*.jar',
    detail: spring ? 'pom.xml: Spring Boot' : 'pom.xml',
  });
}

function php(read: Read, out: CommandSuggestion[]): void {
  if (json(read, 'composer.json') === undefined) return;
  out.push({ processType: 'web', command: 'heroku-php-apache2 public/', detail: 'composer.json: Apache with the PHP buildpack' });
  out.push({ processType: 'web', command: 'heroku-php-nginx public/', detail: 'composer.json: Nginx with the PHP buildpack' });
}

export function suggestCommands(read: Read): CommandSuggestion[] {
  const out: CommandSuggestion[] = [];
  for (const detect of [node, ruby, python, go, java, php]) {
    try {
      detect(read, out);
    } catch {
      // A malformed manifest only means fewer suggestions.
    }
  }
  return out;
}
