/**
 * Function references as Lambda accepts them: a plain name, `name:qualifier`, a partial ARN
 * (`123456789012:function:name`) or a full ARN, each optionally qualified.
 */
import { partitionOf } from './lambda-address.js';
import { boundedMemo } from '../common/bounded-memo.js';

/**
 * The service's own pattern for `FunctionName`, as AWS's current Invoke and InvokeAsync references
 * print it (checked 2026-12-04): regions of the `-iso*` partitions (`us-iso-east-1`, `us-isob-east-1`,
 * ...) and the `$LATEST.PUBLISHED` qualifier are valid. Older references printed only `(-gov)?` and
 * `\$LATEST`, which refused names the service accepts.
 */
export const FUNCTION_NAME_PATTERN_SOURCE =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?';

const FUNCTION_NAME_PATTERN = new RegExp(`^${FUNCTION_NAME_PATTERN_SOURCE}$`);

/** Longest `FunctionName` the service accepts, in any form (current references; older ones said 170). */
const MAX_FUNCTION_REF_LENGTH = 256;
/** Longest bare function name. */
export const MAX_FUNCTION_NAME_LENGTH = 64;

/** A parsed function reference. */
export interface FunctionRef {
  /** Exactly what the caller sent (URI-decoded). */
  raw: string;
  /** The plain function name, e.g. `orders-fn`. */
  name: string;
  /** Version or alias, when one was given. */
  qualifier?: string;
  /** The reference itself when the caller used a full or partial ARN. */
  arn?: string;
  /** Region named inside a full ARN. */
  region?: string;
  /** Account id named inside an ARN. */
  accountId?: string;
  /** Partition named inside a full ARN (`aws`, `aws-cn`, ...). */
  partition?: string;
}

/** Why a reference is not one the service would accept. */
type FunctionRefProblem = { kind: 'length'; limit: number } | { kind: 'empty' } | { kind: 'pattern' };

// Test suites call the same few functions over and over: each reference is parsed once (the pattern
// has thirteen groups and backtracks), up to this many distinct ones.
const parsed = boundedMemo(1000, parse);

/** Parses a reference; returns `undefined` when it does not match the service's pattern at all. The result is frozen and shared. */
export function parseFunctionRef(raw: string): FunctionRef | undefined {
  return parsed(raw);
}

function parse(raw: string): FunctionRef | undefined {
  const m = FUNCTION_NAME_PATTERN.exec(raw);
  if (!m) return undefined;
  // Groups: 1 arn prefix, 2 partition, 3 region, 4-7 inside the region, 8 account, 9 `function:`,
  // 10 name, 11 `:qualifier`, 12 qualifier, 13 `.PUBLISHED`.
  const [, arnPrefix, partition, regionPart, , , , , accountPart, functionPart, name, , qualifier] = m;
  const isArn = Boolean(arnPrefix || accountPart || functionPart);
  const ref: FunctionRef = { raw, name: name as string };
  if (qualifier !== undefined) ref.qualifier = qualifier;
  if (isArn) ref.arn = raw;
  if (regionPart) ref.region = regionPart.slice(0, -1);
  if (accountPart) ref.accountId = accountPart.slice(0, -1);
  if (arnPrefix) ref.partition = partition || 'aws';
  return Object.freeze(ref);
}

/** Checks a reference against the service's length and pattern constraints. */
export function checkFunctionRef(raw: string): FunctionRefProblem | undefined {
  // The reference's length constraint is 1 to 256, and the service names whichever end was broken.
  if (raw.length < 1) return { kind: 'empty' };
  if (raw.length > MAX_FUNCTION_REF_LENGTH) return { kind: 'length', limit: MAX_FUNCTION_REF_LENGTH };
  const ref = parseFunctionRef(raw);
  // '.' and '..' fit the pattern, but as a path segment they are dot segments: the service's URL
  // (and any HTTP stack on the way) folds them away, so no request can carry them.
  if (!ref || ref.name === '.' || ref.name === '..') return { kind: 'pattern' };
  if (ref.name.length > MAX_FUNCTION_NAME_LENGTH) return { kind: 'length', limit: MAX_FUNCTION_NAME_LENGTH };
  return undefined;
}

/** The full ARN of the function a reference names (unqualified), as the service prints it in messages. */
export function functionArn(ref: FunctionRef, region: string, accountId: string): string {
  const partition = ref.partition ?? partitionOf(ref.region ?? region);
  return `arn:${partition}:lambda:${ref.region ?? region}:${ref.accountId ?? accountId}:function:${ref.name}`;
}
