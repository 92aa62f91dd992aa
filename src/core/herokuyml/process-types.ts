// The process types a heroku.yml declares: those it builds (build.docker) and those it runs (run).
import { parseHerokuYml, mapKeys } from './parse';

export function processTypesFromHerokuYml(text: string): string[] | undefined {
  try {
    const { doc } = parseHerokuYml(text);
    return [...new Set([...mapKeys(doc, ['build', 'docker']), ...mapKeys(doc, ['run'])])];
  } catch {
    return undefined;
  }
}
