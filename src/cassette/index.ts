/**
 * The cassette store: cassette files on disk, validated against schema/cassette.schema.json,
 * written canonically and atomically, updated under an inter-process lock. No HTTP here.
 * @module
 */
export type { Body, Cassette, Interaction, JsonValue, RecordedResponse } from './cassette-types.generated.js';
export { CassetteError } from '../common/cassette-errors.js';
export { decodeBody, encodeBody } from './body-codec.js';
export { loadCassette, loadCassetteForReplay, parseCassette } from './load-cassette.js';
export {
  CASSETTE_FORMAT_VERSION,
  MIGRATIONS,
  migrateCassette,
  type MigrationChain,
  type RawCassette,
} from './migrate-cassette.js';
export { newCassette } from './new-cassette.js';
export { serializeCassette } from './serialize-cassette.js';
export { updateCassette } from './update-cassette.js';
export { validateCassette } from './validate-cassette.js';
export { writeCassetteAtomic } from './write-cassette-atomic.js';
