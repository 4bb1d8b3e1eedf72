/**
 * Per-function payload types for the assertion helpers and vitest matchers. Empty by default, so
 * every payload is `unknown`; `lambda-cassette typegen` writes a module augmentation that fills it:
 *
 * ```ts
 * declare module 'lambda-cassette' {
 *   interface LambdaPayloads { 'orders-fn': OrdersFnPayload }
 * }
 * ```
 *
 * after which `lambda.expectInvoked('orders-fn', payload)` (and `'orders-fn:prod'`, ARNs) only
 * type-checks with an `OrdersFnPayload`, while unregistered functions keep accepting anything.
 */

/** Payload type of each function, keyed by plain function name. Augment it (or run `lambda-cassette typegen`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LambdaPayloads {}

/** Drops a `:qualifier` (version or alias) from a name. */
type WithoutQualifier<F extends string> = F extends `${infer Name}:${string}` ? Name : F;

/**
 * The plain function name a reference stands for, at the type level: `orders-fn`, `orders-fn:prod`,
 * `123456789012:function:orders-fn[:q]` and `arn:aws:lambda:<region>:<account>:function:orders-fn[:q]`
 * all give `orders-fn`. A non-literal `string` stays `string`.
 */
type FunctionNameOf<F extends string> = F extends `${string}:function:${infer Rest}`
  ? WithoutQualifier<Rest>
  : WithoutQualifier<F>;

/** The registered payload type of `F` (any reference form), or `unknown` when `F` is not registered. */
export type PayloadFor<F extends string> = string extends F
  ? unknown
  : FunctionNameOf<F> extends keyof LambdaPayloads
    ? LambdaPayloads[FunctionNameOf<F>]
    : unknown;

/**
 * What the core helpers accept as the expected payload of `F`: a value compared by deep equality,
 * or a predicate over the payload. Asymmetric matchers (`expect.objectContaining(...)`) fit too.
 */
export type PayloadExpectationFor<F extends string> = PayloadFor<F> | ((payload: PayloadFor<F>) => unknown);

/** Result type of each function's RequestResponse answers, keyed by plain name. Augment it (or run `lambda-cassette typegen`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LambdaResults {}

/** The registered result type of `F` (any reference form), or `unknown` when `F` is not registered. */
export type ResultFor<F extends string> = string extends F
  ? unknown
  : FunctionNameOf<F> extends keyof LambdaResults
    ? LambdaResults[FunctionNameOf<F>]
    : unknown;

/**
 * What `respond(F, ...)` accepts: a result of `F`'s registered type, or a handler taking `F`'s
 * payload type and returning (a promise of) that result. Anything, for unregistered functions.
 */
export type RespondWith<F extends string> =
  | ResultFor<F>
  | ((
      event: PayloadFor<F>,
      context: import('./lambda-context.js').LambdaContext,
    ) => ResultFor<F> | Promise<ResultFor<F>>);
