"""6.1.4 Signal-with-Start Pattern / 6.3.5 Update-with-Start Pattern / 6.3.6 Signal vs Update /
6.3.7 Validator Rejection — the chapter's shopping cart clients against examples/shopping-cart.json.

The workflow classes are the chapter's as the client sees them (names and types; the bodies run in
the deployed template). 6.1.4 declares `add_item` as a signal, 6.3.5 calls an `add_item` update that
returns the cart total, 6.3.6 an `add_item_update` that returns items and total: views of the one
cart. Changes to the chapter's code are marked `# changed:`. The cart's 24 hours are shortened to
seconds by the Node test.
"""

import asyncio
from dataclasses import dataclass
from decimal import Decimal

from temporalio import workflow
from temporalio.client import WithStartWorkflowOperation, WorkflowUpdateFailedError
from temporalio.common import WorkflowIDConflictPolicy

from chapter_env import TASK_QUEUE, WORKFLOW_TYPE, connect, unique


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class ShoppingCartWorkflow:
    """Lazy-initialisierter Shopping Cart via Signal-with-Start"""

    @workflow.signal
    def add_item(self, item: dict) -> None: ...

    @workflow.run
    async def run(self) -> dict: ...


@dataclass
class CartItem:
    """6.3.5–6.3.7 use a CartItem with a SKU and a price (the chapter does not print its definition)."""
    sku: str
    name: str
    price: Decimal


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class UpdatableShoppingCartWorkflow:
    """6.3.5's view of the cart: `add_item` is an update that answers with the cart total."""

    @workflow.update
    def add_item(self, item: CartItem) -> Decimal: ...

    @workflow.run
    async def run(self) -> dict: ...


@workflow.defn(name=WORKFLOW_TYPE)  # changed: the deployed template's workflow type
class CartWorkflow:
    """6.3.6's view of the cart: `add_item_update` answers with the item count and the total."""

    @workflow.update
    def add_item_update(self, item: CartItem) -> dict: ...

    @workflow.run
    async def run(self) -> dict: ...


# Client: Signal-with-Start verwenden
async def add_to_cart(user_id: str, item: dict):
    """Item zum User-Warenkorb hinzufügen (lazy init)"""
    client = await connect()  # changed: the test server instead of localhost:7233

    # Start Workflow mit Initial-Signal
    await client.start_workflow(
        ShoppingCartWorkflow.run,
        id=f"cart-{user_id}",  # Ein Warenkorb pro User
        task_queue=TASK_QUEUE,  # changed: the template's queue instead of "shopping"
        start_signal="add_item",  # Signal-Name
        start_signal_args=[item],  # Signal-Argumente
    )

    print(f"Item added to cart for user {user_id}")


async def update_or_start_shopping_cart(user_id: str, item: CartItem):
    """Update-with-Start für Shopping Cart"""
    client = await connect()  # changed: the test server instead of localhost:7233

    # Workflow Start Operation definieren
    start_op = WithStartWorkflowOperation(
        UpdatableShoppingCartWorkflow.run,  # changed: 6.3.5's view of ShoppingCartWorkflow
        id=f"cart-{user_id}",
        id_conflict_policy=WorkflowIDConflictPolicy.USE_EXISTING,
        task_queue=TASK_QUEUE,  # changed: the template's queue instead of "shopping"
    )

    try:
        # Update-with-Start ausführen
        cart_total = await client.execute_update_with_start_workflow(
            UpdatableShoppingCartWorkflow.add_item,  # changed: 6.3.5's view of ShoppingCartWorkflow
            item,
            start_workflow_operation=start_op,
        )

        print(f"Item added. Cart total: ${cart_total}")

    except WorkflowUpdateFailedError as e:
        print(f"Failed to add item: {e}")

    # Workflow Handle abrufen
    workflow_handle = await start_op.workflow_handle()
    return workflow_handle


# The cart's item dicts carry Decimal prices (the chapter leaves the values open; Signalbox's money).
def test_signal_with_start_creates_the_cart_once_and_checks_out_after_its_day(capsys):
    user_id = unique("user-42")  # changed: unique per run

    async def scenario():
        await add_to_cart(user_id, {"name": "Gaming Laptop", "price": Decimal("1299.50")})
        await add_to_cart(user_id, {"name": "Wireless Mouse", "price": Decimal("29.25")})
        client = await connect()
        return await client.get_workflow_handle(f"cart-{user_id}").result()

    result = asyncio.run(scenario())
    assert capsys.readouterr().out == f"Item added to cart for user {user_id}\nItem added to cart for user {user_id}\n"
    # run(): `return {"items": len(self.items), "total": self.total}`
    assert result == {"items": 2, "total": "1328.75"}


def test_update_with_start_answers_with_the_cart_total(capsys):
    user_id = unique("user-43")  # changed: unique per run

    async def scenario():
        await update_or_start_shopping_cart(user_id, CartItem(sku="LAPTOP-001", name="Gaming Laptop", price=Decimal("1299.99")))
        await update_or_start_shopping_cart(user_id, CartItem(sku="MOUSE-001", name="Wireless Mouse", price=Decimal("29.99")))

    asyncio.run(scenario())
    assert capsys.readouterr().out == "Item added. Cart total: $1299.99\nItem added. Cart total: $1329.98\n"


def test_update_answers_with_the_new_state(capsys):
    user_id = unique("user-44")  # changed: unique per run

    async def scenario():
        client = await connect()  # changed: the test server instead of localhost:7233
        handle = await client.start_workflow(CartWorkflow.run, id=f"cart-{user_id}", task_queue=TASK_QUEUE)
        for item in [CartItem(sku="LAPTOP-001", name="Gaming Laptop", price=Decimal("1299.99")),
                     CartItem(sku="MOUSE-001", name="Wireless Mouse", price=Decimal("29.99"))]:
            # Client (Update)
            try:
                result = await handle.execute_update(CartWorkflow.add_item_update, item)
                print(f"Added! Total: ${result['total']}")
            except WorkflowUpdateFailedError as e:
                print(f"Failed: {e}")  # Sofortiges Feedback!

    asyncio.run(scenario())
    # add_item_update: `return {"items": len(self.items), "total": self.total}`
    assert capsys.readouterr().out == "Added! Total: $1299.99\nAdded! Total: $1329.98\n"


def test_validator_rejects_an_invalid_price(capsys):
    user_id = unique("user-45")  # changed: unique per run

    async def scenario():
        client = await connect()  # changed: the test server instead of localhost:7233
        handle = await client.start_workflow(CartWorkflow.run, id=f"cart-{user_id}", task_queue=TASK_QUEUE)
        invalid_item = CartItem(sku="MOUSE-001", name="Wireless Mouse", price=Decimal("-1"))
        # Client Code (6.3.7)
        try:
            result = await handle.execute_update(
                CartWorkflow.add_item_update,
                invalid_item
            )
        except WorkflowUpdateFailedError as e:
            # Validator hat rejected
            print(f"Validation failed: {e}")
            print(f"Cause: {e.cause.message}")  # changed: also the cause, which carries the validator's message

    asyncio.run(scenario())
    # 6.3.6: `if item.price < 0: raise ValueError("Invalid price")`
    out = capsys.readouterr().out
    assert out.startswith("Validation failed: ") and "Cause: Invalid price" in out, out
