/**
 * The cassette store: cassette files on disk, validated against schema/cassette.schema.json,
 * written canonically and atomically, updated under an inter-process lock. No HTTP here.
 * @module
 */
export type {
  Base64Body,
  Body,
  Cassette,
  Interaction,
  JsonBody,
  JsonValue,
  RecordedRequest,
  RecordedResponse,
  RecordedWith,
  TextBody,
} from './cassette-types.generated.js';
export { CassetteError, type CassetteErrorCode, type CassetteErrorDetails } from '../common/cassette-errors.js';
export { decodeBody, encodeBody } from './body-codec.js';
export {
  loadCassette,
  loadCassetteForReplay,
  parseCassette,
  type LazilyCheckedCassette,
  type LoadCassetteOptions,
} from './load-cassette.js';
export {
  CASSETTE_FORMAT_VERSION,
  MIGRATIONS,
  migrateCassette,
  type Migration,
  type MigrationChain,
  type RawCassette,
} from './migrate-cassette.js';
export { newCassette } from './new-cassette.js';
export { libraryVersion } from './library-version.js';
export { serializeCassette } from './serialize-cassette.js';
export { updateCassette, type UpdateCassetteOptions } from './update-cassette.js';
export { validateCassette } from './validate-cassette.js';
export { writeCassetteAtomic } from './write-cassette-atomic.js';
