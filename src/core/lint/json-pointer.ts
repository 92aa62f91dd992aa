// JSON pointers (ajv's instancePath) as paths, and paths as words for messages: shared by the app.json and
// heroku.yml schema checks.

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((seg) => {
    const s = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : s;
  });
}

/** Dotted path for messages: env.SECRET.value, addons[2].plan. */
export function displayPath(path: (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : /^[A-Za-z_][\w-]*$/.test(seg) ? `.${seg}` : `["${seg}"]`;
  }
  return out || 'the top level';
}
