import { lambdaError, type LambdaErrorName } from '../wire/error-catalogue.js';
import type { TransportFault } from '../wire/wire-types.js';
import type { ServedOperation } from '../wire/invoke-event.js';
import { callFilter, checkOperation, type CallFilter } from './call-filter.js';
import type { LambdaCall } from './call-log.js';
import { InvalidOptionError } from '../common/seal-errors.js';

/** Options shared by `inject` and `injectFault`. */
export interface InjectionScope {
  /** Only calls to this function (any reference form the helpers accept). Default: every call. */
  functionName?: string;
  /** How many calls it answers before it is spent. Default: every call until cleared. */
  times?: number;
  /** Only calls of this operation (`'InvokeAsync'`, or `'Invoke'` for Invoke Event). Default: both. */
  operation?: ServedOperation;
}

/** Options of `inject`. */
export interface InjectOptions extends InjectionScope {
  /** Message instead of the catalogue's default. */
  message?: string;
}

/** What an injection does to the call it catches. */
export type InjectedAnswer =
  { kind: 'error'; name: LambdaErrorName; message?: string } | { kind: 'fault'; fault: TransportFault };

interface Injection {
  answer: InjectedAnswer;
  applies: CallFilter;
  remaining: number;
}

const FAULTS: readonly TransportFault[] = ['timeout', 'connection-reset'];

function checkTimes(times: number | undefined): number {
  if (times === undefined) return Infinity;
  if (!Number.isInteger(times) || times < 1) {
    throw new InvalidOptionError(`lambda-cassette: inject(): "times" must be a positive integer, got ${String(times)}`);
  }
  return times;
}

/** Pending injections, consulted first for every call, oldest first. */
export class Injections {
  #pending: Injection[] = [];

  /**
   * Queues a documented error; throws for a name that is not in the catalogue, or one the
   * `operation` it is limited to does not document. An error only one operation documents (an
   * Invoke-only error such as `TooManyRequestsException`) catches only calls of that operation:
   * the service never sends it for the other, so neither does the double.
   */
  addError(name: LambdaErrorName, options: InjectOptions = {}): void {
    const documentedFor = lambdaError(name).operations;
    const operation = checkOperation(options);
    if (operation !== undefined && !documentedFor.includes(operation)) {
      throw new InvalidOptionError(
        `lambda-cassette: inject(): ${name} is documented for ${documentedFor.join(' and ')} only, not for ${operation}; ` +
          `drop { operation: '${operation}' } or inject an error ${operation} documents`,
      );
    }
    this.#add({ kind: 'error', name, message: options.message }, options, documentedFor);
  }

  /** Queues a transport fault. */
  addFault(fault: TransportFault, options: InjectionScope = {}): void {
    if (!FAULTS.includes(fault)) {
      throw new InvalidOptionError(
        `lambda-cassette: injectFault(): unknown fault "${String(fault)}"; use one of ${FAULTS.join(', ')}`,
      );
    }
    this.#add({ kind: 'fault', fault }, options);
  }

  /** Whether any injection is pending. */
  get any(): boolean {
    return this.#pending.length > 0;
  }

  /** The answer for this call, if an injection applies; spends one use of it. */
  take(call: Pick<LambdaCall, 'functionName' | 'qualifier' | 'region' | 'operation'>): InjectedAnswer | undefined {
    const index = this.#pending.findIndex((i) => i.applies(call as LambdaCall));
    if (index < 0) return undefined;
    const injection = this.#pending[index]!;
    injection.remaining -= 1;
    if (injection.remaining <= 0) this.#pending.splice(index, 1);
    return injection.answer;
  }

  clear(): void {
    this.#pending = [];
  }

  #add(answer: InjectedAnswer, options: InjectionScope, documentedFor?: readonly ServedOperation[]): void {
    const remaining = checkTimes(options.times);
    const operation = checkOperation(options);
    const byFunction: CallFilter = options.functionName === undefined ? () => true : callFilter(options.functionName);
    // An error catches only the operations that document it, whatever the options say.
    const applies: CallFilter = (call) =>
      (operation === undefined || call.operation === operation) &&
      (documentedFor === undefined || documentedFor.includes(call.operation)) &&
      byFunction(call);
    this.#pending.push({ answer, applies, remaining });
  }
}
