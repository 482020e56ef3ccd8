"""One asyncio loop on its own thread for everything that talks to the node.

Coroutines are submitted with ``submit`` (``asyncio.run_coroutine_threadsafe``); the GUI does it
through ``ui.ops.Op.on_loop``, whose success and failure callbacks run on the GUI thread. Nothing
here commits to the database: the chain client awaits the profile's writer (``desk.writer``), so
a slow commit never stalls the loop. ``stop`` cancels every task,
waits for them, shuts down async generators and closes the loop, so that nothing is left
pending ("Task was destroyed but it is pending!" never appears).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class NetworkThread:
    def __init__(self, name: str = "jcd-network") -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = threading.Event()

    def start(self) -> NetworkThread:
        self._thread.start()
        self._started.wait()
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.call_soon(self._started.set)
        self.loop.run_forever()
        # run_forever returned: stop() already cancelled and awaited every task
        self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        self.loop.run_until_complete(self.loop.shutdown_default_executor())
        self.loop.close()

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and not self.loop.is_closed()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run ``coro`` on the network loop; the future resolves in the calling thread."""
        if not self.running:
            coro.close()
            raise RuntimeError("the network thread is not running")
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def call_soon(self, callback: Any, *args: Any) -> None:
        self.loop.call_soon_threadsafe(callback, *args)

    async def _cancel_all(self) -> None:
        me = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks(self.loop) if t is not me]
        for task in tasks:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for result in results:
            if isinstance(result, Exception) and not isinstance(result, asyncio.CancelledError):
                log.warning("a network task ended with %r while stopping", result)

    def stop(self, timeout: float = 10.0) -> None:
        if not self.running:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._cancel_all(), self.loop).result(timeout)
        except (concurrent.futures.TimeoutError, RuntimeError):
            log.warning("network tasks did not stop within %.0f s", timeout)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout)
