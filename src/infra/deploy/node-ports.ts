// The deploy's ports on Node (disk, tar, HTTP, git), for the composition roots to hand to core/deploy/deploy.ts.
import type { DeployPorts } from '../../core/deploy/ports';
import { cliGit } from '../git/repo-state';
import type { ApiProvider } from '../../core/heroku/api';
import { deployApi } from '../../core/deploy/api';
import { diskPacker } from '../pack/tarball';
import { diskTree } from '../pack/tree';
import { systemClock } from '../clock';
import { httpTextStreams } from '../http/text-stream';
import { httpUploader } from './upload';

export function nodeDeployPorts(getApi: ApiProvider): DeployPorts {
  return {
    api: deployApi(getApi), tree: diskTree, git: cliGit, packer: diskPacker, uploader: httpUploader,
    streams: httpTextStreams, clock: systemClock,
  };
}
