// What real, working Procfiles do that the rules used to call wrong (docs/RULES.md, "What real files taught").
import { strict as assert } from 'node:assert';
import { lintProcfile } from '../../../../src/core/procfile/lint';

const found = (text: string, code: string, fileName?: string) => lintProcfile(text, { fileName }).filter((p) => p.code === `procfile/${code}`);

describe('procfile rules on working files', () => {
  it('CRLF: a warning in the deployed Procfile, info in a Procfile.* that only `heroku local` reads', () => {
    const text = 'web: python manage.py runserver 0.0.0.0:$PORT\r\n';
    assert.equal(found(text, 'crlf', 'Procfile')[0].severity, 'warning');
    const local = found(text, 'crlf', 'Procfile.windows');
    assert.equal(local[0].severity, 'info');
    assert.match(local[0].message, /`heroku local` accepts that/);
  });

  it('heroku local\'s parser bugs (fixed upstream) are info, also in Procfile.dev', () => {
    assert.equal(found('css-app: bin/rails tailwindcss:watch\n', 'heroku-local-name', 'Procfile.dev')[0].severity, 'info');
    assert.equal(found('# assets\nweb: bin/rails s\n', 'heroku-local-comment', 'Procfile.dev')[0].severity, 'info');
  });

  it('port-without-dollar: only where a port goes, not in text or other variables\' names', () => {
    for (const fires of ['web: x --port=PORT', 'web: java -Dserver.port=PORT -jar a.jar', 'web: ./api -port $(echo PORT)', 'web: gunicorn -b 0.0.0.0:PORT app']) {
      assert.equal(found(`${fires}\n`, 'port-without-dollar').length, 1, fires);
    }
    for (const quiet of ['web: echo PORT is $PORT && node x', 'web: PORT_VAR=PORT node x', 'web: node x --env=PORT', 'web: node x --port=$PORT']) {
      assert.deepEqual(found(`${quiet}\n`, 'port-without-dollar'), [], quiet);
    }
  });
});
