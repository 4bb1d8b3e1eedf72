/**
 * A small order service: placing an order hands it to the fulfilment function and asks the mailer
 * for a receipt, both fire-and-forget through Lambda's InvokeAsync. Cancelling already uses its
 * successor, Invoke with InvocationType Event, as code bases migrate call by call.
 */
import { InvokeAsyncCommand, InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

export interface Order {
  id: number;
  customer: string;
  items: { sku: string; qty: number }[];
}

export type PlaceOrderResult = { ok: true } | { ok: false; reason: string };

/** The mailer is addressed by ARN, the fulfilment function by name: both forms occur in real code. */
export const MAILER_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:mailer';

export async function placeOrder(lambda: LambdaClient, order: Order): Promise<PlaceOrderResult> {
  if (order.items.length === 0) return { ok: false, reason: 'empty order' };
  try {
    await lambda.send(
      new InvokeAsyncCommand({
        FunctionName: 'orders-fn',
        InvokeArgs: JSON.stringify({ type: 'order.placed', order }),
      }),
    );
  } catch (e) {
    return { ok: false, reason: `fulfilment unavailable: ${(e as Error).name}` };
  }
  // A receipt is best effort: a mailer outage must not fail the order.
  await lambda
    .send(
      new InvokeAsyncCommand({
        FunctionName: MAILER_ARN,
        InvokeArgs: JSON.stringify({ template: 'receipt', to: order.customer, orderId: order.id }),
      }),
    )
    .catch(() => undefined);
  return { ok: true };
}

/** Tells fulfilment an order was cancelled: fire-and-forget through Invoke (Event). */
export async function cancelOrder(lambda: LambdaClient, orderId: number): Promise<PlaceOrderResult> {
  try {
    const out = await lambda.send(
      new InvokeCommand({
        FunctionName: 'orders-fn',
        InvocationType: 'Event',
        Payload: JSON.stringify({ type: 'order.cancelled', orderId }),
      }),
    );
    return out.StatusCode === 202 ? { ok: true } : { ok: false, reason: `unexpected status ${out.StatusCode}` };
  } catch (e) {
    return { ok: false, reason: `fulfilment unavailable: ${(e as Error).name}` };
  }
}

export type QuoteResult = { ok: true; quote: unknown } | { ok: false; reason: string };

/** Asks the pricing function for a quote: a synchronous Invoke (RequestResponse), whose result the caller needs. */
export async function quoteOrder(lambda: LambdaClient, order: Order): Promise<QuoteResult> {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: 'pricing-fn', Payload: JSON.stringify({ items: order.items }) }),
  );
  const body: unknown = JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8') || 'null');
  if (out.FunctionError)
    return { ok: false, reason: `pricing failed: ${(body as { errorMessage?: string }).errorMessage}` };
  return { ok: true, quote: body };
}
