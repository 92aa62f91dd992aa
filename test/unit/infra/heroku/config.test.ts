import assert from 'node:assert/strict';
import { parseHerokuHeaders, resolveApiUrl } from '../../../../src/infra/heroku/config';

describe('client config: API URL and HEROKU_HEADERS', () => {
  it('HEROKU_API_URL wins over the setting, which wins over the default', () => {
    assert.deepEqual(resolveApiUrl('http://127.0.0.1:5000/', 'https://api.example.com'), { url: 'http://127.0.0.1:5000', source: 'env' });
    assert.deepEqual(resolveApiUrl(undefined, 'https://api.example.com'), { url: 'https://api.example.com', source: 'setting' });
    assert.deepEqual(resolveApiUrl('  ', ''), { url: 'https://api.heroku.com', source: 'default' });
  });

  it('skips an unusable URL with a warning', () => {
    const r = resolveApiUrl('ftp://x', 'not a url');
    assert.equal(r.url, 'https://api.heroku.com');
    assert.match(r.warning ?? '', /HEROKU_API_URL is not an http\(s\) URL.*heroku\.apiUrl is not/);
  });

  it('parses HEROKU_HEADERS JSON, stringifies scalars, refuses reserved and unsafe headers', () => {
    const r = parseHerokuHeaders('{"X-Trace":"1","X-N":2,"Authorization":"Bearer x","Bad Name":"v","X-Obj":{},"X-Nl":"a\\nb"}');
    assert.deepEqual(r.headers, { 'X-Trace': '1', 'X-N': '2' });
    assert.match(r.warning ?? '', /"Authorization".*"Bad Name".*"X-Obj".*"X-Nl"/);
  });

  it('ignores broken HEROKU_HEADERS with a warning', () => {
    assert.deepEqual(parseHerokuHeaders(undefined), { headers: {} });
    assert.match(parseHerokuHeaders('{oops').warning ?? '', /not valid JSON/);
    assert.match(parseHerokuHeaders('[1]').warning ?? '', /must be a JSON object/);
  });
});
