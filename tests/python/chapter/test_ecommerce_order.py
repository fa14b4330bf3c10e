"""6.6 Praktisches Beispiel: E-Commerce Order Workflow — the chapter's client `main()` and its
"Beispiel Output", against examples/ecommerce-order.json.

The workflow class below is the chapter's, as the client sees it (names, argument and return types;
the bodies run in the deployed template, so they are left out). Changes to the chapter's code are
marked `# changed:`.
"""

import asyncio
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from temporalio import workflow
from temporalio.client import WorkflowUpdateFailedError

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique

# ==================== Data Models ====================


class OrderStatus(Enum):
    PENDING = "pending"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


@dataclass
class OrderItem:
    sku: str
    name: str
    quantity: int
    price: Decimal


@dataclass
class PaymentInfo:
    payment_method: str
    amount: Decimal
    card_token: str


@dataclass
class ShippingInfo:
    address: str
    carrier: str
    tracking_number: str


@dataclass
class OrderProgress:
    """Query Response: Order Progress"""
    status: OrderStatus
    items_count: int
    total_amount: str
    payment_status: str
    shipping_status: str


# ==================== Workflow ====================


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class OrderWorkflow:
    """E-Commerce Order mit Signals, Queries und Updates"""

    @workflow.query
    def get_status(self) -> str: ...

    @workflow.query
    def get_total(self) -> str: ...

    @workflow.query
    def get_progress(self) -> OrderProgress: ...

    @workflow.update
    async def add_item(self, item: OrderItem) -> dict: ...

    @workflow.update
    async def process_payment(self, payment: PaymentInfo) -> str: ...

    @workflow.signal
    async def mark_shipped(self, shipping: ShippingInfo) -> None: ...

    @workflow.signal
    def cancel_order(self, reason: str) -> None: ...

    @workflow.run
    async def run(self, order_id: str, customer_id: str) -> str: ...


# ==================== Client Usage ====================


async def main():
    """Client-seitiger Order Flow"""
    client = await connect()  # changed: the test server instead of localhost:7233

    # Order Workflow starten
    order_id = unique("order-12345")  # changed: unique per run
    handle = await client.start_workflow(
        OrderWorkflow.run,
        # changed: the SDK takes several arguments as args=[...]; the chapter's
        # start_workflow(OrderWorkflow.run, order_id, "customer-789", ...) is a TypeError
        args=[order_id, "customer-789"],
        id=order_id,
        task_queue=TASK_QUEUE,  # changed: the template's queue instead of "orders"
    )

    print(f"Order {order_id} created")

    # Items hinzufügen (Update)
    try:
        result = await handle.execute_update(
            OrderWorkflow.add_item,
            OrderItem(
                sku="LAPTOP-001",
                name="Gaming Laptop",
                quantity=1,
                price=Decimal("1299.99")
            )
        )
        print(f"Item added: {result}")

        result = await handle.execute_update(
            OrderWorkflow.add_item,
            OrderItem(
                sku="MOUSE-001",
                name="Wireless Mouse",
                quantity=2,
                price=Decimal("29.99")
            )
        )
        print(f"Item added: {result}")

    except Exception as e:
        print(f"Failed to add item: {e}")
        return order_id

    # Total abfragen (Query)
    total = await handle.query(OrderWorkflow.get_total)
    print(f"Order total: ${total}")

    # Progress abfragen (Query)
    progress = await handle.query(OrderWorkflow.get_progress)
    print(f"Progress: {progress}")

    # Payment verarbeiten (Update mit Validierung)
    try:
        txn_id = await handle.execute_update(
            OrderWorkflow.process_payment,
            PaymentInfo(
                payment_method="credit_card",
                amount=Decimal(total),
                card_token="tok_1234567890abcdef"
            )
        )
        print(f"Payment processed: {txn_id}")
    except Exception as e:
        print(f"Payment failed: {e}")
        return order_id

    # Status abfragen
    status = await handle.query(OrderWorkflow.get_status)
    print(f"Order status: {status}")

    # Shipment markieren (Signal)
    await handle.signal(
        OrderWorkflow.mark_shipped,
        ShippingInfo(
            address="123 Main St, City, State 12345",
            carrier="UPS",
            tracking_number="1Z999AA10123456784"
        )
    )
    print("Order marked as shipped")

    # Final result abwarten
    result = await handle.result()
    print(f"\nWorkflow completed: {result}")
    return order_id  # changed: the test needs the (unique) id to read the output


# The chapter's "Beispiel Output", verbatim.
BEISPIEL_OUTPUT = """Order order-12345 created
Item added: {'items': 1, 'total': '1299.99'}
Item added: {'items': 2, 'total': '1359.97'}
Order total: $1359.97
Progress: OrderProgress(status=<OrderStatus.PENDING: 'pending'>, items_count=2, total_amount='1359.97', payment_status='pending', shipping_status='not shipped')
Payment processed: txn_1234567890abcdef
Order status: paid
Order marked as shipped

Workflow completed: Order order-12345 completed - $1359.97 charged
"""


# The template takes the chapter's two positional start arguments. Its transaction id is the Beispiel
# Output's, "txn_" and the card token without its "tok_" (the chapter's own charge_payment would say
# txn_tok_1234): `"txn_" + replace(args.cardToken, "tok_", "")`.
def test_main_prints_the_chapters_output(capsys):
    order_id = asyncio.run(main())
    assert capsys.readouterr().out == BEISPIEL_OUTPUT.replace("order-12345", order_id)


def test_validator_and_handler_refusals_carry_the_chapters_messages():
    async def scenario():
        client = await connect()  # changed: the test server instead of localhost:7233
        order_id = unique("order-12346")  # changed: unique per run
        handle = await client.start_workflow(
            OrderWorkflow.run, args=[order_id, "customer-789"], id=order_id, task_queue=TASK_QUEUE  # changed: as in main()
        )
        refusals = []

        async def attempt(update, argument):
            try:
                await handle.execute_update(update, argument)
            except WorkflowUpdateFailedError as e:
                refusals.append(e.cause.message)

        await attempt(OrderWorkflow.process_payment, PaymentInfo(payment_method="credit_card", amount=Decimal("1.00"), card_token="tok_1234567890abcdef"))
        await attempt(OrderWorkflow.add_item, OrderItem(sku="LAPTOP-001", name="Gaming Laptop", quantity=0, price=Decimal("1299.99")))
        await attempt(OrderWorkflow.add_item, OrderItem(sku="LAPTOP-001", name="Gaming Laptop", quantity=1, price=Decimal("1299.99")))
        await attempt(OrderWorkflow.process_payment, PaymentInfo(payment_method="credit_card", amount=Decimal("1299.99"), card_token="tok_123"))
        await attempt(OrderWorkflow.process_payment, PaymentInfo(payment_method="credit_card", amount=Decimal("1.00"), card_token="tok_1234567890abcdef"))
        await attempt(OrderWorkflow.process_payment, PaymentInfo(payment_method="credit_card", amount=Decimal("1299.99"), card_token="tok_1234567890abcdef"))
        await attempt(OrderWorkflow.add_item, OrderItem(sku="MOUSE-001", name="Wireless Mouse", quantity=1, price=Decimal("29.99")))
        return refusals

    assert asyncio.run(scenario()) == [
        "Cannot pay for empty order",                        # validate_payment
        "Quantity must be positive",                         # validate_add_item
        "Invalid card token",                                # validate_payment
        "Payment amount 1.00 != order total 1299.99",        # process_payment
        "Cannot add items in status: paid",                  # validate_add_item
    ]
