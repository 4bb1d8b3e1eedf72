/** JSONPath flags of the command line (`redact --path`, `serve --ignore`), checked as the options are. */
import { UsageError } from '../common/cli-errors.js';
import { firstBadJsonPath, JSON_PATH_EXAMPLES } from '../common/json-path.js';

/**
 * Refuses what the recorder and a replay would refuse: a path written into a cassette's filters
 * is applied by every later replay, so a typo must fail here, not silently match nothing there.
 * @throws {UsageError} naming `flag` and the expression that is not a JSONPath lambda-cassette reads.
 */
export function checkJsonPathFlag(flag: string, paths: readonly string[]): void {
  const bad = firstBadJsonPath(paths);
  if (bad)
    throw new UsageError(
      `${flag} ${JSON.stringify(bad.path)} must be a JSONPath starting with "$" that lambda-cassette can read (e.g. ${JSON_PATH_EXAMPLES}); ${bad.problem}`,
    );
}
