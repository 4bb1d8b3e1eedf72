import type { Cassette } from './cassette-types.generated.js';
import { libraryVersion, LIBRARY_NAME } from './library-version.js';
import { CASSETTE_FORMAT_VERSION } from './migrate-cassette.js';

/** An empty cassette in the current format, stamped with this library's and Node's versions. */
export function newCassette(): Cassette {
  return {
    version: CASSETTE_FORMAT_VERSION,
    recordedWith: { library: LIBRARY_NAME, libraryVersion: libraryVersion(), node: process.version },
    interactions: [],
  };
}
