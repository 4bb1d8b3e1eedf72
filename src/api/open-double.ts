/**
 * How `openCassette` and `mockLambda` make a double, once they have settled its mode, responder and
 * settings: the engine, the `LambdaDouble` around it, and the doors that intercept on its behalf.
 */
import { DoubleEngine } from '../engine/double-engine.js';
import type { Responder } from '../engine/responder.js';
import type { DoubleSettings } from '../engine/door-port.js';
import type { CassetteMode } from '../engine/mode-table.js';
import { attachHttpDoor } from '../doors/http/http-door.js';
import { attachSdkHandlerDoor } from '../doors/sdk-handler/sdk-handler-door.js';
import { attachInProcessDoors } from '../doors/attach-doors.js';
import type { ContextClaim } from '../doors/shared/route-by-context.js';
import { doubleAround, type LambdaDouble } from './lambda-double.js';
import { noteOpened } from './leaked-doubles.js';
import { supplyDummyCredentials } from './dummy-credentials.js';

/** What a factory settled before opening the double. */
interface DoubleParts {
  mode: CassetteMode;
  responder: Responder;
  settings: DoubleSettings;
  /** The `handlers` option: what functions answer from the start. */
  handlers: Readonly<Record<string, unknown>> | undefined;
  /** What `claimCallerContext()` returned before the factory's first await. */
  claim: ContextClaim;
  /** Whether to supply dummy AWS credentials when the process has none (never when requests may reach AWS). */
  dummyCredentials: boolean;
}

/** Builds the double and starts intercepting for it. */
export function openDouble(parts: DoubleParts): LambdaDouble {
  let engine: DoubleEngine;
  let double: LambdaDouble;
  try {
    engine = new DoubleEngine(parts.mode, parts.responder, parts.settings);
    engine.functionAnswers.addAll(parts.handlers);
    double = doubleAround(engine);
  } catch (error) {
    parts.claim.abandon();
    throw error;
  }
  noteOpened(double, engine);
  parts.claim.bind(engine);
  const dummy = parts.dummyCredentials ? supplyDummyCredentials() : undefined;
  if (dummy) engine.attach(dummy);
  attachHttpDoor(engine);
  // Ahead of http/https for the SDK's own handler: LambdaClients reach the double without building a request.
  attachSdkHandlerDoor(engine);
  // After nock: the fetch wrapper sits above nock's, and undici, http2 and workers are covered.
  attachInProcessDoors(engine);
  return double;
}
