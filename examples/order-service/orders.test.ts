import { describe, expect, it } from 'vitest';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { useLambdaCassette } from 'lambda-cassette/vitest';
import { placeOrder, type Order } from './orders.js';

const client = new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });
const order: Order = { id: 7, customer: 'ada@example.com', items: [{ sku: 'A-1', qty: 2 }] };

describe('placing an order', () => {
  const lambda = useLambdaCassette({ mode: 'mock', functions: ['orders-fn', 'mailer'] });

  it('hands the order to fulfilment and sends a receipt', async () => {
    expect(await placeOrder(client, order)).toEqual({ ok: true });
    expect(lambda).toHaveInvokedAsyncWith('orders-fn:live', { type: 'order.placed', order });
    expect(lambda).toHaveInvokedAsyncWith('mailer', expect.objectContaining({ to: 'ada@example.com', orderId: 7 }));
    expect(lambda).toHaveInvokedAsyncNthWith(1, 'orders-fn', expect.objectContaining({ type: 'order.placed' }));
  });

  it('does not call Lambda for an empty order', async () => {
    expect(await placeOrder(client, { ...order, items: [] })).toEqual({ ok: false, reason: 'empty order' });
    lambda.expectNotInvoked();
  });

  it('survives one ServiceException through the SDK retry', async () => {
    lambda.inject('ServiceException', { functionName: 'orders-fn', times: 1 });
    expect(await placeOrder(client, order)).toEqual({ ok: true });
    expect(lambda.callsTo('orders-fn').map((c) => c.status)).toEqual([500, 202]);
  });

  it('reports fulfilment as unavailable when the function is missing', async () => {
    lambda.inject('ResourceNotFoundException', { functionName: 'orders-fn' });
    expect(await placeOrder(client, order)).toEqual({ ok: false, reason: 'fulfilment unavailable: ResourceNotFoundException' });
    expect(lambda).not.toHaveInvokedAsync('mailer');
  });

  it('still succeeds when the mailer is down', async () => {
    lambda.injectFault('connection-reset', { functionName: 'mailer' });
    expect(await placeOrder(client, order)).toEqual({ ok: true });
    expect(lambda).toHaveInvokedAsyncTimes('mailer', 3);
  });
});
