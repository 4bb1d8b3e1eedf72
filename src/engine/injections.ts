import { lambdaError, type LambdaErrorName } from '../wire/error-catalogue.js';
import type { TransportFault } from '../wire/wire-types.js';
import { callFilter, type CallFilter } from './call-filter.js';
import type { InvokeAsyncCall } from './call-log.js';

/** Options shared by `inject` and `injectFault`. */
export interface InjectionScope {
  /** Only calls to this function (any reference form the helpers accept). Default: every call. */
  functionName?: string;
  /** How many calls it answers before it is spent. Default: every call until cleared. */
  times?: number;
}

/** Options of `inject`. */
export interface InjectOptions extends InjectionScope {
  /** Message instead of the catalogue's default. */
  message?: string;
}

/** What an injection does to the call it catches. */
export type InjectedAnswer =
  | { kind: 'error'; name: LambdaErrorName; message?: string }
  | { kind: 'fault'; fault: TransportFault };

interface Injection {
  answer: InjectedAnswer;
  applies: CallFilter;
  remaining: number;
}

const FAULTS: readonly TransportFault[] = ['timeout', 'connection-reset'];

function checkTimes(times: number | undefined): number {
  if (times === undefined) return Infinity;
  if (!Number.isInteger(times) || times < 1) {
    throw new TypeError(`lambda-cassette: inject(): "times" must be a positive integer, got ${String(times)}`);
  }
  return times;
}

/** Pending injections, consulted first for every call, oldest first. */
export class Injections {
  #pending: Injection[] = [];

  /** Queues a documented error; throws for a name that is not in the catalogue. */
  addError(name: LambdaErrorName, options: InjectOptions = {}): void {
    lambdaError(name);
    this.#add({ kind: 'error', name, message: options.message }, options);
  }

  /** Queues a transport fault. */
  addFault(fault: TransportFault, options: InjectionScope = {}): void {
    if (!FAULTS.includes(fault)) {
      throw new TypeError(`lambda-cassette: injectFault(): unknown fault "${String(fault)}"; use one of ${FAULTS.join(', ')}`);
    }
    this.#add({ kind: 'fault', fault }, options);
  }

  /** The answer for this call, if an injection applies; spends one use of it. */
  take(call: Pick<InvokeAsyncCall, 'functionName' | 'qualifier' | 'region'>): InjectedAnswer | undefined {
    const index = this.#pending.findIndex((i) => i.applies(call as InvokeAsyncCall));
    if (index < 0) return undefined;
    const injection = this.#pending[index]!;
    injection.remaining -= 1;
    if (injection.remaining <= 0) this.#pending.splice(index, 1);
    return injection.answer;
  }

  clear(): void {
    this.#pending = [];
  }

  #add(answer: InjectedAnswer, options: InjectionScope): void {
    const remaining = checkTimes(options.times);
    const applies = options.functionName === undefined ? () => true : callFilter(options.functionName);
    this.#pending.push({ answer, applies, remaining });
  }
}
