/**
 * The claim rule (shared/claim.ts) for an http/https call, read from its arguments before any
 * request object exists.
 */
import type { DoorPort } from '../../engine/door-port.js';
import { claim } from '../shared/claim.js';
import type { RequestTarget } from './request-target.js';

/** The double that answers `target`, or `undefined` when the request is not a double's. */
export function claimHttpRequest(open: readonly DoorPort[], target: RequestTarget): DoorPort | undefined {
  // The target itself: its headers are read only if the claim asks for them.
  return claim(open, target);
}
