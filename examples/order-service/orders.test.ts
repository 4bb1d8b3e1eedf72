/**
 * The order service's suite, replaying cassettes recorded from a real Lambda endpoint
 * (`npm run record:examples` records them from moto; `npm run demo` replays them, no network).
 *
 * The cassettes hold what AWS answers: an InvokeAsync `202` with `{"Status":202}` as JSON, an Invoke
 * Event `202` with an empty body, a RequestResponse `200` with the function's result and its executed
 * version, each with a request id. moto answers differently, and these were
 * corrected after recording: without Docker it answers a successful InvokeAsync with a `text/html`
 * 202, `X-Amz-Function-Error: Handled` and "error running docker" as the body, names its server
 * (`Werkzeug/... Python/...`), and echoes the payload of an Invoke Event. Recording from moto again
 * warns about each (LC_NOT_AWS_LIKE); `lambda-cassette validate cassettes --conformance` checks them.
 */
import { describe, expect, inject, it } from 'vitest';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { useLambdaCassette } from 'lambda-cassette/vitest';
import { cancelOrder, placeOrder, quoteOrder, type Order } from './orders.js';

// Production-shaped client: AWS's own host. When recording, the cassette forwards to `target`.
const client = new LambdaClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
});
const order: Order = { id: 7, customer: 'ada@example.com', items: [{ sku: 'A-1', qty: 2 }] };

describe('placing an order', () => {
  const lambda = useLambdaCassette(() => ({ target: inject('lambdaTarget') }));

  it('hands the order to fulfilment and sends a receipt', async () => {
    expect(await placeOrder(client, order)).toEqual({ ok: true });
    expect(lambda).toHaveInvokedAsyncWith('orders-fn', { type: 'order.placed', order });
    expect(lambda).toHaveInvokedAsyncWith('mailer', expect.objectContaining({ to: 'ada@example.com', orderId: 7 }));
    expect(lambda).toHaveInvokedAsyncNthWith(1, 'orders-fn', expect.objectContaining({ type: 'order.placed' }));
    // mode says what was asked ("auto", or what LAMBDA_CASSETTE_MODE set); replayed / recorded say what happened.
    expect(lambda.calls.every((c) => c.source === (lambda.recorded ? 'record' : 'replay'))).toBe(true);
    expect(lambda.replayed).toBe(!lambda.recorded);
  });

  it('does not call Lambda for an empty order', async () => {
    expect(await placeOrder(client, { ...order, items: [] })).toEqual({ ok: false, reason: 'empty order' });
    lambda.expectNotInvoked();
  });

  it('survives one ServiceException through the SDK retry', async () => {
    lambda.inject('ServiceException', { functionName: 'orders-fn', times: 1 });
    expect(await placeOrder(client, order)).toEqual({ ok: true });
    expect(lambda.callsTo('orders-fn').map((c) => [c.attempt, c.status, c.source])).toEqual([
      [1, 500, 'injected'],
      [2, 202, lambda.recorded ? 'record' : 'replay'],
    ]);
  });

  it('reports fulfilment as unavailable when the function is missing', async () => {
    lambda.inject('ResourceNotFoundException', { functionName: 'orders-fn' });
    expect(await placeOrder(client, order)).toEqual({
      ok: false,
      reason: 'fulfilment unavailable: ResourceNotFoundException',
    });
    expect(lambda).not.toHaveInvokedAsync('mailer');
  });

  it('cancels through Invoke (Event), the successor API: the same double, log and cassette', async () => {
    expect(await cancelOrder(client, 7)).toEqual({ ok: true });
    expect(lambda.calls.map((c) => [c.operation, c.functionName, c.status])).toEqual([['Invoke', 'orders-fn', 202]]);
    lambda.expectInvoked('orders-fn', { type: 'order.cancelled', orderId: 7 }, { operation: 'Invoke' });
    expect(lambda).not.toHaveInvokedAsync('orders-fn', { operation: 'InvokeAsync' });
  });

  it('quotes through a synchronous Invoke (RequestResponse): the result is recorded and replayed', async () => {
    // moto's pricing-fn echoes its event; a real function would answer a price.
    expect(await quoteOrder(client, order)).toEqual({ ok: true, quote: { items: order.items } });
    expect(lambda).toHaveInvokedWith('pricing-fn', { items: order.items }, { invocationType: 'RequestResponse' });
    expect(lambda.calls[0]!.response).toEqual({ statusCode: 200, payload: { items: order.items } });
  });

  it('still succeeds when the mailer is down', async () => {
    lambda.injectFault('connection-reset', { functionName: 'mailer' });
    expect(await placeOrder(client, order)).toEqual({ ok: true });
    expect(lambda).toHaveInvokedAsyncTimes('mailer', 3);
  });
});

describe('placing an order, as a unit test with no cassette', () => {
  const lambda = useLambdaCassette({
    mode: 'mock',
    functions: ['orders-fn', 'mailer'],
    handlers: { 'pricing-fn': { total: 42 } },
  });

  it("quotes from the pricing function's answer, and reports its failure", async () => {
    expect(await quoteOrder(client, order)).toEqual({ ok: true, quote: { total: 42 } });
    lambda.injectFunctionError('pricing-fn', { errorType: 'Error', errorMessage: 'no price for A-1' }, { times: 1 });
    expect(await quoteOrder(client, order)).toEqual({ ok: false, reason: 'pricing failed: no price for A-1' });
    expect(lambda).toHaveInvokedTimes('pricing-fn', 2, { invocationType: 'RequestResponse' });
  });

  it('validates like the service: only the listed functions exist', async () => {
    expect(await placeOrder(client, order)).toEqual({ ok: true });
    expect(lambda.calls.map((c) => [c.functionName, c.status, c.source])).toEqual([
      ['orders-fn', 202, 'mock'],
      ['mailer', 202, 'mock'],
    ]);
  });
});

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real endpoint to record from; set only by examples/vitest.record.config.ts. */
    lambdaTarget?: string;
  }
}
