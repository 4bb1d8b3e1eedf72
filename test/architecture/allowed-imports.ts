/**
 * The one statement of which part of src/ may import which: layers.test.ts checks the code against
 * it, and architecture-doc.test.ts checks that the table in docs/architecture.md says the same.
 *
 * A row names folders of src/ (`doors/*` is every folder under src/doors/ that has no row of its
 * own; a name ending in `.ts` is a file at the root of src/) and what their files may import,
 * type-only imports included: a folder (and everything under it) or one file. Files always
 * import within their own folder. Rows go innermost first, and a row may only name what an earlier
 * row holds, so the table itself cannot hold a cycle.
 */
export interface ImportRow {
  readonly folders: readonly string[];
  readonly mayImport: readonly string[];
}

const INNER = ['common', 'wire', 'cassette', 'matching', 'recording', 'report', 'engine', 'verify'];
const BELOW_RUNNERS = [...INNER, 'doors', 'api'];

export const ALLOWED_IMPORTS: readonly ImportRow[] = [
  { folders: ['common'], mayImport: [] },
  { folders: ['wire'], mayImport: ['common'] },
  { folders: ['cassette'], mayImport: ['common'] },
  { folders: ['matching'], mayImport: ['common', 'wire', 'cassette'] },
  { folders: ['recording'], mayImport: ['common', 'wire', 'cassette'] },
  { folders: ['report'], mayImport: ['common', 'wire', 'cassette'] },
  { folders: ['engine'], mayImport: ['common', 'wire', 'cassette', 'matching', 'recording', 'report'] },
  { folders: ['verify'], mayImport: ['common', 'wire', 'cassette', 'recording', 'engine/call-log.ts'] },
  { folders: ['doors/shared'], mayImport: ['common', 'wire', 'recording', 'engine/door-port.ts'] },
  { folders: ['doors/*'], mayImport: ['common', 'wire', 'recording', 'engine/door-port.ts', 'doors/shared'] },
  // The files at the root of src/doors/: the one table of in-process doors the factories attach.
  {
    folders: ['doors'],
    mayImport: ['engine/door-port.ts', 'doors/shared', 'doors/undici', 'doors/http2', 'doors/worker'],
  },
  { folders: ['api'], mayImport: [...INNER, 'doors'] },
  { folders: ['matchers', 'runners'], mayImport: BELOW_RUNNERS },
  { folders: ['vitest', 'jest', 'node-test', 'cli'], mayImport: [...BELOW_RUNNERS, 'matchers', 'runners'] },
  { folders: ['index.ts'], mayImport: BELOW_RUNNERS },
  { folders: ['cli.ts'], mayImport: ['cli'] },
];

/** Where a package entry point (tsup.config.ts) may live: the root of src/ or a runner folder. */
export const ENTRY_POINT_FOLDERS: readonly string[] = ['', 'vitest', 'jest', 'node-test', 'matchers'];
