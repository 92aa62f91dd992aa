// Where the API token can come from, in the Heroku CLI's order (HEROKU_API_KEY, the extension's own secret
// storage, ~/.netrc), in words for messages. src/infra/heroku/auth/token-sources.ts reads them.

export type TokenSourceKind = 'env' | 'secret' | 'netrc';

/** The secret storage key of the API key "Heroku: Sign In" stores. */
export const SECRET_KEY = 'heroku.apiKey';

export function describeSource(kind: TokenSourceKind): string {
  switch (kind) {
    case 'env':
      return 'the HEROKU_API_KEY environment variable';
    case 'secret':
      return 'VS Code secret storage (Heroku: Sign In)';
    case 'netrc':
      return 'the Heroku CLI login in ~/.netrc';
  }
}
