import { canonicalJson } from '../common/canonical-json.js';
import type { Cassette } from './cassette-types.generated.js';

/**
 * The cassette's file text: every object's keys sorted, 2-space indent, one trailing newline.
 * Arrays keep their order, so `interactions` stay in recorded order. Equal cassettes always give
 * identical text, whatever order their keys were built in, so re-recording produces small diffs.
 */
export function serializeCassette(cassette: Cassette): string {
  return `${canonicalJson(cassette, 2)}\n`;
}
