// procfile/fixed-port: only what sets the web process's listen port, not every host:port on the line.
import { strict as assert } from 'node:assert';
import { lintProcfile } from '../../../../src/core/procfile/lint';
import { applyFix } from './helpers';

const FIXED = 'procfile/fixed-port';

function fixedPorts(cmd: string): string[] {
  const line = `web: ${cmd}`;
  return lintProcfile(`${line}\n`).filter((p) => p.code === FIXED).map((p) => line.slice(p.range.start.character, p.range.end.character));
}

describe('procfile/fixed-port', () => {
  it('flags the listen port set by an option, an address option, a positional address or PORT=', () => {
    const cases: [string, string][] = [
      ['bundle exec rails s -p 3000', '3000'],
      ['rails server --port=3000', '3000'],
      ['uvicorn main:app --host 0.0.0.0 --port 8000', '8000'],
      ['next start -p 3000', '3000'],
      ['streamlit run app.py --server.port 8501', '8501'],
      ['java -Dserver.port=8080 -jar a.jar', '8080'],
      ['./server -port=8080', '8080'],
      ['gunicorn -b 0.0.0.0:8000 app:app', '8000'],
      ['gunicorn app:app --bind :8000 --workers 3', '8000'],
      ['hypercorn app:app --bind "0.0.0.0:8000"', '8000'],
      ['waitress-serve --listen=*:8000 app:app', '8000'],
      ['uwsgi --http :8000 --module app', '8000'],
      ['bundle exec puma -b tcp://0.0.0.0:3000', '3000'],
      ['php -S 0.0.0.0:8000 -t public', '8000'],
      ['./bin/api -addr=:8080', '8080'],
      ['python manage.py runserver 0.0.0.0:8000', '8000'],
      ['python manage.py runserver --noreload 8000', '8000'],
      ['python -m http.server 8000', '8000'],
      ['python3 -m http.server --bind 0.0.0.0 8000', '8000'],
      ['PORT=5000 node index.js', '5000'],
      ['env PORT=5000 node index.js', '5000'],
    ];
    for (const [cmd, port] of cases) assert.deepEqual(fixedPorts(cmd), [port], cmd);
  });

  it('stays quiet on host:port values that are not the listen port (near misses)', () => {
    for (const cmd of [
      'node server.js --redis=localhost:6379',
      'node server.js --db-host=127.0.0.1:5432',
      'gunicorn app:app --bind 0.0.0.0:$PORT --statsd-host=localhost:8125',
      'bin/wait-for db:5432 && node app.js',
      'node app.js --upstream 10.0.0.1:9000 --memcached localhost:11211',
      'REDIS_URL=redis://localhost:6379 node server.js',
      'node proxy.js --proxy http://proxy.local:3128',
      'gunicorn app:app --bind unix:/tmp/gunicorn.sock',
      'bundle exec rails s -b 0.0.0.0 -p $PORT',
      'python manage.py runserver 0.0.0.0:$PORT',
      'python -m http.server $PORT',
      'gunicorn app:app --timeout 120 --workers 4 --max-requests 1200',
      'DATABASE_PORT=5432 node server.js',
      'python manage.py runserver_plus 0.0.0.0:$PORT && echo 8000',
      'node app.js # was: -p 3000',
    ]) {
      assert.deepEqual(fixedPorts(cmd), [], cmd);
    }
  });

  it('stays quiet behind a wrapper that binds $PORT itself and proxies to the app (the nginx buildpack)', () => {
    for (const cmd of [
      'bin/start-nginx bundle exec unicorn -p 3000 -c config/unicorn.rb',
      'bin/start-nginx-debug gunicorn -b 127.0.0.1:8000 app:app',
      'bin/start-nginx -f bin/start-pgbouncer newrelic-admin run-program granian --host 0.0.0.0 --port 8013 app',
      'bin/start-nginx-solo',
      'bin/start-nginx-static',
      'sh -c "bin/start-nginx node server.js --port 3000"',
    ]) {
      assert.deepEqual(lintProcfile(`web: ${cmd}\n`).filter((p) => p.code === FIXED || p.code === 'procfile/localhost-bind'), [], cmd);
    }
  });

  it('looks through wrappers that only run the command after them', () => {
    const cases: [string, string][] = [
      ['bin/start-pgbouncer bundle exec puma -p 3000', '3000'],
      ['bin/start-pgbouncer-stunnel newrelic-admin run-program gunicorn -b :8000 app', '8000'],
      ['ddtrace-run uvicorn app:app --port 8000', '8000'],
      ['exec nice -n 5 bin/rails server -p 3000', '3000'],
      ['npx next start -p 3000', '3000'],
      ['sh -c "python manage.py migrate && gunicorn -b 0.0.0.0:8000 app"', '8000'],
      ['poetry run python -m flask run -p 5000', '5000'],
      ['vendor/bin/heroku-php-apache2 -p 8080 public/', '8080'],
      ['bundle exec ruby app.rb -p 4567', '4567'],
      ['python -m shuup_workbench runserver 0.0.0.0:5000', '5000'],
    ];
    for (const [cmd, port] of cases) assert.deepEqual(fixedPorts(cmd), [port], cmd);
  });

  it('reads a short option as a port only for a program whose -p (or -l, -P) is the port', () => {
    for (const cmd of [
      'supervisor -p 10000 main.js', // node-supervisor: poll interval
      'gunicorn -p 8000 app:app', // pid file
      'uwsgi -p 4 --http :$PORT', // processes
      'node -p 3000', // print
      'celery -A app worker -P 4', // pool
      'ruby -p 1000 script.rb', // ruby's own -p (loop) before the script
      'my-server -p 3000', // unknown program: not assumed
      'vendor/bin/heroku-php-apache2 public/', // binds $PORT itself
      'psql --port 5432 -c "select 1" && gunicorn app', // a client's port
    ]) {
      assert.deepEqual(fixedPorts(cmd), [], cmd);
    }
    assert.deepEqual(fixedPorts('serve -s build -l 3000'), ['3000']);
    assert.deepEqual(fixedPorts('bundle exec jekyll serve -P 4000'), ['4000']);
    assert.deepEqual(fixedPorts('bundle exec puma -p3000'), ['3000']);
  });

  it('replaces just the port with $PORT', () => {
    const text = 'web: python manage.py runserver 0.0.0.0:8000\n';
    const p = lintProcfile(text).find((x) => x.code === FIXED);
    assert.equal(applyFix(text, p?.fixes?.[0]), 'web: python manage.py runserver 0.0.0.0:$PORT\n');
  });
});
