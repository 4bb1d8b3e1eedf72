import type { TransportFault } from '../../wire/wire-types.js';

/** The error a Node socket raises for each fault, with the codes the SDK's retry strategy looks for. */
export function faultError(fault: TransportFault): Error {
  if (fault === 'timeout') {
    return Object.assign(new Error('connect ETIMEDOUT (injected by lambda-cassette)'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
      errno: -110,
      syscall: 'connect',
    });
  }
  return Object.assign(new Error('read ECONNRESET (injected by lambda-cassette)'), {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
  });
}
