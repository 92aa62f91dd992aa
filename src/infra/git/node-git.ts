// core's GitRemotes port on the local disk: the search of ./find-remotes.ts and the fs.watch of ./watch-configs.ts.
import type { GitRemotes } from '../../core/heroku/ports';
import { findHerokuRemotes } from './find-remotes';
import { watchGitConfigs } from './watch-configs';

export const nodeGit: GitRemotes = {
  findHerokuRemotes: (roots, options) => findHerokuRemotes(roots, options),
  watchConfigs: (onChange) => watchGitConfigs(onChange),
};
