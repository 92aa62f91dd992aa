// core's FileSystem port on Node's fs: atomic writes (./atomic-write.ts) and the linters' neighbours
// (./sibling-files.ts, the same rules for the CLI and the editor).
import type { FileSystem } from '../../core/heroku/ports';
import { readTextIfExists, writeFileAtomic } from './atomic-write';
import { fileExistsUnder, folderEntries, readSiblingFile } from './sibling-files';

export const nodeFiles: FileSystem = {
  readText: readTextIfExists,
  writeTextAtomic: (path, text) => writeFileAtomic(path, text),
  readSibling: readSiblingFile,
  fileExistsUnder,
  folderEntries,
};
