/**
 * The order workflow of chapter 6.6 written by hand against the TypeScript SDK: the reference the
 * generated code (codegen/__golden__/order) is measured against in bench/runtime-overhead.ts.
 * Same messages, same validators, same results; no designer query or step bookkeeping.
 */
import { ApplicationFailure, allHandlersFinished, condition, defineQuery, defineSignal, defineUpdate, setHandler, sleep } from '@temporalio/workflow';
import { fromCents, toCents } from './money';

export interface OrderInput {
  orderId: string;
  customerId: string;
}

export interface Item {
  sku: string;
  name: string;
  quantity: number;
  price: string;
}

export interface Payment {
  method: string;
  amount: string;
  cardToken: string;
}

export interface Shipment {
  carrier: string;
  trackingNumber: string;
}

type Status = 'pending' | 'paid' | 'cancelled' | 'shipped' | 'delivered';

export const addItemUpdate = defineUpdate<string, [Item]>('addItem');
export const payUpdate = defineUpdate<string, [Payment]>('pay');
export const markShippedSignal = defineSignal<[Shipment]>('markShipped');
export const cancelOrderSignal = defineSignal('cancelOrder');
export const getStatusQuery = defineQuery<Status>('getStatus');
export const getTotalQuery = defineQuery<string>('getTotal');
export const itemCountQuery = defineQuery<number>('itemCount');
export const shippingStatusQuery = defineQuery<string>('shippingStatus');

const MAX_ITEMS = 50;
/** Carriers deliver within three days; shortened for the benchmark, which shortens the generated design's timer alike. */
const DELIVERY_TIME = '0.1 seconds';

export async function OrderWorkflow(input: OrderInput): Promise<string> {
  let status = 'pending' as Status; // widened: the handlers change it behind the compiler's back
  const items: Item[] = [];
  let totalCents = 0n;
  let transactionId = '';
  let shipment: Shipment | undefined;

  setHandler(
    addItemUpdate,
    (item) => {
      items.push(item);
      totalCents += toCents(item.price) * BigInt(item.quantity);
      return fromCents(totalCents);
    },
    {
      validator: (item) => {
        if (status !== 'pending') throw new Error('Items can only be added while the order is pending');
        if (item.quantity <= 0) throw new Error('Quantity must be positive');
        if (items.length >= MAX_ITEMS) throw new Error(`At most ${MAX_ITEMS} items per order`);
      },
    },
  );

  setHandler(
    payUpdate,
    () => {
      transactionId = `txn-${input.orderId}`;
      status = 'paid';
      return transactionId;
    },
    {
      validator: (payment) => {
        if (status !== 'pending') throw new Error('Only a pending order can be paid');
        if (items.length === 0) throw new Error('An empty order cannot be paid');
        if (payment.cardToken.length < 10) throw new Error('Invalid card token');
        if (toCents(payment.amount) !== totalCents) throw new Error('The payment must equal the order total');
      },
    },
  );

  setHandler(markShippedSignal, (details) => {
    if (status !== 'paid') return; // a shipping notice before payment is ignored
    shipment = details;
    status = 'shipped';
  });

  setHandler(cancelOrderSignal, () => {
    if (status === 'pending') status = 'cancelled';
  });

  setHandler(getStatusQuery, () => status);
  setHandler(getTotalQuery, () => fromCents(totalCents));
  setHandler(itemCountQuery, () => items.length);
  setHandler(shippingStatusQuery, () => (shipment ? `shipped via ${shipment.carrier} (${shipment.trackingNumber})` : 'not shipped'));

  if (!(await condition(() => status === 'paid' || status === 'cancelled', '7 days'))) {
    await condition(allHandlersFinished);
    throw ApplicationFailure.nonRetryable(`Order ${input.orderId} was not paid in time`);
  }
  if (status === 'cancelled') {
    await condition(allHandlersFinished);
    return `Order ${input.orderId} cancelled`;
  }
  if (!(await condition(() => status === 'shipped', '14 days'))) {
    await condition(allHandlersFinished);
    throw ApplicationFailure.nonRetryable(`Order ${input.orderId} was not shipped in time`);
  }

  await sleep(DELIVERY_TIME);
  status = 'delivered';
  await condition(allHandlersFinished);
  return `Order ${input.orderId} delivered: ${items.length} items, total ${fromCents(totalCents)}, paid with ${transactionId}`;
}
