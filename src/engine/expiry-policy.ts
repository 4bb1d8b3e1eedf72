/**
 * What a cassette does when a request matches an interaction older than `maxAge`: play it with a
 * warning, refuse it, or record it again (only where the mode may reach the network, and never under
 * CI unless recording there is allowed; otherwise the mode's own rule, replaying, stands, with a warning).
 */
import { describeAge, isExpired, type ExpiryStrategy } from '../cassette/expiry.js';
import type { Interaction } from '../cassette/index.js';
import { functionLabel } from '../wire/lambda-address.js';

/** Settled at open. */
export interface ExpirySettings {
  maxAgeMs: number;
  onExpired: ExpiryStrategy;
  /** Whether this double may record: its mode reaches the network, and CI does not forbid it. */
  mayRecord: boolean;
  /** Why it may not, for the warning ("mode replay never records", "CI=true"). */
  whyNot?: string;
}

/** What to do with a matched interaction. */
type ExpiryAction = { kind: 'play' } | { kind: 'record' } | { kind: 'refuse'; message: string };

export class ExpiryPolicy {
  /** Positions of the expired interactions met so far (each is counted and warned about once). */
  readonly #met = new Set<number>();

  constructor(
    private readonly file: string,
    private readonly settings: ExpirySettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Expired interactions met so far. */
  get expiredCount(): number {
    return this.#met.size;
  }

  /** Whether `onExpired` may send requests to the real endpoint. */
  get mayRecord(): boolean {
    return this.settings.onExpired === 'record' && this.settings.mayRecord;
  }

  /** What to do with `interaction` (at `position` in the cassette), which a request matched. */
  decide(interaction: Interaction, position: number): ExpiryAction {
    const { maxAgeMs, onExpired } = this.settings;
    if (!isExpired(interaction.recordedAt, maxAgeMs, this.now())) return { kind: 'play' };
    const first = !this.#met.has(position);
    this.#met.add(position);
    const what =
      `${this.file}: interaction #${position + 1} (${functionLabel(interaction.request)}) was recorded ` +
      `${describeAge(this.now() - Date.parse(interaction.recordedAt))} ago (${interaction.recordedAt}), over maxAge (${describeAge(maxAgeMs)})`;
    if (onExpired === 'error') {
      return {
        kind: 'refuse',
        message: `lambda-cassette: ${what}. Record it again (LAMBDA_CASSETTE_MODE=record, or onExpired: 'record'), or raise maxAge.`,
      };
    }
    if (onExpired === 'record' && this.settings.mayRecord) return { kind: 'record' };
    if (first) {
      const fallback =
        onExpired === 'record'
          ? ` It was replayed, not recorded again: ${this.settings.whyNot ?? 'this mode never records'}.`
          : ' It was replayed.';
      process.emitWarning(`lambda-cassette: ${what}.${fallback}`, { code: 'LC_CASSETTE_EXPIRED' });
    }
    return { kind: 'play' };
  }
}
