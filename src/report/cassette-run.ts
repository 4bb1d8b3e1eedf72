/**
 * What one cassette double did in a run, as it reports it when it closes: the unit the vitest
 * reporter sums up, and what `lambda-cassette prune --from` reads to drop unused interactions.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import type { Interaction } from '../cassette/index.js';
import { functionLabel } from '../wire/lambda-address.js';

/** A recorded interaction this run never played. */
export interface UnusedInteraction {
  /** The cassette file (absolute path). */
  cassette: string;
  /** Position in the cassette as loaded, from 0. */
  index: number;
  /** `name` or `name:qualifier`. */
  function: string;
  /** When it was recorded. */
  recordedAt: string;
  /** SHA-256 of the interaction's canonical JSON: `prune` drops exactly this interaction, wherever it moved. */
  fingerprint: string;
  /** The interaction itself. */
  interaction: Interaction;
}

/** An unused interaction as a run report lists it: everything but the interaction itself. */
export type UnusedEntry = Omit<UnusedInteraction, 'interaction'>;

/** One double's account of its cassette, written when it closes. */
export interface CassetteRun {
  /** The cassette file (absolute path). */
  cassette: string;
  /** The mode asked for. */
  mode: string;
  /** Answers played from the cassette. */
  replayed: number;
  /** Answers recorded from the real endpoint. */
  recorded: number;
  /** Whether this run wrote the file where there was none. */
  created: boolean;
  /** Whether the cassette was asked for in replay mode and did not exist. */
  missing: boolean;
  /** Requests that found no recorded answer (first line of each miss). */
  misses: string[];
  /** Recorded interactions this run never played. */
  unused: UnusedEntry[];
  /** Expired interactions (older than `maxAge`) this run met, whatever `onExpired` did with them. */
  expired: number;
  /** Requests recording could not turn into interactions (the endpoint unreachable): the file was left untouched. Absent in older reports. */
  notRecorded?: number;
}

/** The fingerprint of an interaction: a hash of its canonical JSON. */
export function fingerprintOf(interaction: Interaction): string {
  return createHash('sha256').update(canonicalJson(interaction)).digest('hex').slice(0, 32);
}

/** The report's entry for an unused interaction. */
export function asEntry({ interaction: _interaction, ...entry }: UnusedInteraction): UnusedEntry {
  return entry;
}

/**
 * An unused-interaction entry for the interaction at `index` of `cassette`. The fingerprint is
 * hashed on first read: closing a double over a large cassette that a test barely used costs nothing
 * unless a reporter (or the caller) asks for it.
 */
export function unusedEntry(cassette: string, index: number, interaction: Interaction): UnusedInteraction {
  let fingerprint: string | undefined;
  return {
    cassette,
    index,
    function: functionLabel(interaction.request),
    recordedAt: interaction.recordedAt,
    get fingerprint() {
      return (fingerprint ??= fingerprintOf(interaction));
    },
    interaction,
  };
}
