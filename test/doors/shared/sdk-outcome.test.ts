import { describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-lambda';
import { invokeAsyncAccepted, invokeAsyncResult, type LambdaSdk } from '../../../src/doors/shared/sdk-outcome.js';
import { successResponse } from '../../../src/wire/build-response.js';

describe('invokeAsyncAccepted', () => {
  it('is what invokeAsyncResult makes of the service success answer, field for field, with its request id', () => {
    const answer = successResponse('InvokeAsync');
    const requestId = answer.headers['x-amzn-RequestId']!;
    const converted = invokeAsyncResult(sdk as unknown as LambdaSdk, answer);
    const accepted = invokeAsyncAccepted(requestId);
    expect(accepted).toStrictEqual(converted);
    // Same keys in the same order, as a test printing the output would show them.
    expect(Object.keys(accepted.$metadata)).toEqual(Object.keys(converted.$metadata));
  });
});
