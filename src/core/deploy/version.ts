// The build's `source_blob.version`: the commit SHA, but only when the packed folder is exactly that commit
// (no changed, staged or untracked files). Otherwise the build has no version and the user is told why.

/** What the git port reports about the packed folder. */
export type GitState =
  | { repo: false }
  | { repo: true; head: string | null; branch: string | null; subject: string | null; changed: string[] };

export interface SourceVersion {
  /** Sent as source_blob.version (undefined: none). */
  version?: string;
  /** Sent as source_blob.version_description. */
  description?: string;
  /** Shown to the user when there is no version, or why it is not the commit's. */
  note?: string;
  dirty: boolean;
}

export function sourceVersion(git: GitState): SourceVersion {
  if (!git.repo) return { dirty: false, note: 'Not a git repository: the build has no version.' };
  if (!git.head) return { dirty: false, note: 'The repository has no commit yet: the build has no version.' };
  const short = git.head.slice(0, 7);
  if (git.changed.length > 0) {
    const n = git.changed.length;
    const some = git.changed.slice(0, 3).join(', ') + (n > 3 ? `, … (${n} in all)` : '');
    return {
      dirty: true,
      description: `${short} with uncommitted changes`,
      note: `Dirty: ${n} uncommitted change${n === 1 ? '' : 's'} (${some}) are deployed too, so the build has no version (HEAD is ${short}).`,
    };
  }
  const subject = git.subject ? `: ${git.subject.slice(0, 200)}` : '';
  return { version: git.head, description: `${short}${subject}`, dirty: false };
}
