"""Worker processes of ``--jobs``: results in input order, a dead worker fails only its file.

Each worker is a spawned process with its own pipe and takes one item at a time, so the
parent always knows which item a worker holds:

- a worker that dies (killed, out of memory) costs only its item, which is given once more
  to a fresh worker; dying on it a second time makes it a failure (``on_failure``);
- a worker still busy ``kill_after`` seconds after it took an item is killed and replaced,
  and the item is a failure (the time budget's last guard, for code that no signal stops);
- results come back in input order, at most ``window`` items in flight or waiting, so the
  output is the same for any number of workers and an interrupted run is a prefix of it;
- workers end with their parent: each watches its parent and exits when it is gone, even
  in the middle of an item, and ignores Ctrl-C (the parent handles it and stops them).

:func:`report` lets a task running in a worker tell the parent how far it is into an item.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

__all__ = ["WorkersFailed", "report", "run_in_order"]

T = TypeVar("T")
R = TypeVar("R")

PROGRESS_EVERY = 1.0
"""Seconds between two progress messages of one worker."""

DIED = "worker process died twice on this file (killed or out of memory)"
"""The failure of an item whose worker died on it, and again on the retry."""


class WorkersFailed(RuntimeError):
    """The workers die before taking any item (a broken installation, no memory to load)."""


# In a worker: the connection to the parent and the item in hand, for report().
_current: dict[str, Any] = {}


def report(done: int, total: int) -> None:
    """Tell the parent that the item in hand is ``done`` of ``total`` units through: not in
    the item's first second (a short item says nothing), then at most once a second;
    nothing outside a worker."""
    conn = _current.get("conn")
    if conn is None:
        return
    now = time.monotonic()
    if now - _current.get("last", 0.0) >= PROGRESS_EVERY:
        _current["last"] = now
        conn.send(("progress", _current["index"], done, total))


def _end_with_parent() -> None:
    """Exit as soon as the parent process is gone (a thread waits on its sentinel)."""
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - always a child here
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _serve(
    conn: Connection,
    task: Callable[[Any], Any],
    initializer: Callable[..., None] | None,
    initargs: tuple[Any, ...],
    on_failure: Callable[[Any, str], Any],
) -> None:
    """A worker's life: set up, say ready, then one item at a time until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent()
    if initializer is not None:
        initializer(*initargs)
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        _current.update(conn=conn, index=index, last=time.monotonic())
        try:
            result = task(item)
        except Exception as err:  # the task should not raise; if it does, only its item fails
            result = on_failure(item, f"internal error ({type(err).__name__}: {err})")
        try:
            conn.send(("done", index, result))
        except (BrokenPipeError, EOFError):
            return
        except Exception as err:  # a result that cannot be pickled
            conn.send(("done", index, on_failure(item, f"internal error ({err})")))


class _Worker:
    """A worker process, its end of the pipe, and the item it holds."""

    def __init__(self, context: Any, target_args: tuple[Any, ...]) -> None:
        parent_end, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, *target_args), daemon=True)
        self.process.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.ready = False
        self.index: int | None = None
        self.since = 0.0

    def give(self, index: int, item: Any) -> None:
        self.conn.send((index, item))
        self.index, self.since = index, time.monotonic()

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        elif self.process.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(0 if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


class _Pool(Generic[T, R]):
    def __init__(
        self,
        items: Sequence[T],
        task: Callable[[T], R],
        jobs: int,
        *,
        initializer: Callable[..., None] | None,
        initargs: tuple[Any, ...],
        on_failure: Callable[[T, str], R],
        window: int,
        kill_after: float | None,
        kill_message: str,
        on_progress: Callable[[T, int, int], None] | None,
    ) -> None:
        self.items, self.window, self.kill_after = items, max(1, window), kill_after
        self.on_failure, self.on_progress, self.kill_message = on_failure, on_progress, kill_message
        self.context = multiprocessing.get_context("spawn")  # nothing inherited, every OS alike
        self.args = (task, initializer, initargs, on_failure)
        self.size = max(1, min(jobs, len(items)))
        self.workers = [_Worker(self.context, self.args) for _ in range(self.size)]
        self.results: dict[int, R] = {}
        self.retry: deque[int] = deque()
        self.tries: dict[int, int] = {}
        self.next_new = self.next_out = 0
        self.early_deaths = 0

    def __iter__(self) -> Iterator[R]:
        total = len(self.items)
        while self.next_out < total:
            if self.next_out in self.results:
                yield self.results.pop(self.next_out)
                self.next_out += 1
                continue
            self._hand_out()
            self._wait()

    def _next_index(self) -> int | None:
        if self.retry:
            return self.retry.popleft()
        if self.next_new < len(self.items) and self.next_new - self.next_out < self.window:
            self.next_new += 1
            return self.next_new - 1
        return None

    def _hand_out(self) -> None:
        for n, worker in enumerate(self.workers):
            if not worker.ready or worker.index is not None:
                continue
            index = self._next_index()
            if index is None:
                return
            try:
                worker.give(index, self.items[index])
            except OSError:  # it died while idle: a fresh one takes the item later
                self.retry.appendleft(index)
                self._replace(n, early=True)

    def _wait(self) -> None:
        waiting = {w.conn: w for w in self.workers if not w.ready or w.index is not None}
        sentinels = {w.process.sentinel: w for w in self.workers}
        timeout = None
        if self.kill_after is not None:
            busy = [w.since for w in self.workers if w.index is not None]
            if busy:
                timeout = max(0.0, min(busy) + self.kill_after - time.monotonic()) + 0.05
        ready = set(wait([*waiting, *sentinels], timeout))
        now = time.monotonic()
        for n, worker in enumerate(list(self.workers)):
            if worker.conn in ready:
                self._receive(n, worker)
            elif worker.process.sentinel in ready:
                self._died(n, worker)
            elif (
                self.kill_after is not None
                and worker.index is not None
                and now - worker.since > self.kill_after
            ):
                self.results[worker.index] = self.on_failure(
                    self.items[worker.index], self.kill_message
                )
                worker.index = None
                worker.stop(kill=True)
                self._replace(n)

    def _receive(self, n: int, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            self._died(n, worker)
            return
        except Exception as err:  # the result came but cannot be read back: its item fails
            if worker.index is not None:
                item = self.items[worker.index]
                error = f"internal error (the worker's result cannot be read: {type(err).__name__})"
                self.results[worker.index] = self.on_failure(item, error)
                worker.index = None
            return
        if message[0] == "ready":
            worker.ready = True
            self.early_deaths = 0
        elif message[0] == "progress":
            if self.on_progress is not None:
                self.on_progress(self.items[message[1]], message[2], message[3])
        else:
            self.results[message[1]] = message[2]
            worker.index = None

    def _died(self, n: int, worker: _Worker) -> None:
        index = worker.index
        worker.index = None
        worker.stop(kill=True)
        if index is None:
            self._replace(n, early=not worker.ready)
            return
        self.tries[index] = self.tries.get(index, 0) + 1
        if self.tries[index] < 2:
            self.retry.appendleft(index)
        else:
            self.results[index] = self.on_failure(self.items[index], DIED)
        self._replace(n)

    def _replace(self, n: int, *, early: bool = False) -> None:
        if early:
            self.early_deaths += 1
            if self.early_deaths > 2 * self.size + 2:
                raise WorkersFailed("worker processes die before taking any file")
        self.workers[n] = _Worker(self.context, self.args)

    def close(self, *, finished: bool) -> None:
        for worker in self.workers:
            worker.stop(kill=not finished)


def run_in_order(
    items: Sequence[T],
    task: Callable[[T], R],
    jobs: int,
    *,
    on_failure: Callable[[T, str], R],
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    window: int = 64,
    kill_after: float | None = None,
    kill_message: str = "killed: over its time",
    on_progress: Callable[[T, int, int], None] | None = None,
) -> Iterator[R]:
    """``task(item)`` for every item in ``jobs`` worker processes, yielded in input order.

    ``task``, ``initializer`` (run once in each worker) and ``on_failure`` must be picklable
    (module-level functions). An item whose worker died twice, or that held its worker past
    ``kill_after`` seconds, yields ``on_failure(item, reason)``. When the caller stops early
    (an exception, ``close()``), the workers are killed; at the end they are told to stop.
    """
    if not items:
        return
    pool = _Pool(
        items,
        task,
        jobs,
        initializer=initializer,
        initargs=initargs,
        on_failure=on_failure,
        window=window,
        kill_after=kill_after,
        kill_message=kill_message,
        on_progress=on_progress,
    )
    finished = False
    try:
        yield from pool
        finished = True
    finally:
        pool.close(finished=finished)
