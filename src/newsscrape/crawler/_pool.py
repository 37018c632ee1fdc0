"""Extraction off the event loop, in worker processes that can be killed when a page runs away.

A stdlib ProcessPoolExecutor cannot cancel a running task: one pathological page would hold a
worker forever. So each worker here is a plain ``multiprocessing`` process with a pipe; the
parent waits for the answer with a deadline (``extract_timeout``), and on expiry kills that
process and starts a fresh one. A worker found dead before it was handed a page (killed while
idle: the out-of-memory killer, an operator) is replaced and the page goes to the fresh one; a
page its worker dies on is recorded (``worker_died``) and not tried again in this crawl: a page
that kills every worker it meets costs one worker per run, never a loop. ``--retry-failed`` does
it again (the out-of-memory killer is no verdict on the page).

Feeding. Each worker has a thread of its own in the parent (a *slot*) that starts it, then takes
pages from one shared queue and keeps the worker fed without the event loop in between: it
hands over the next page before the answer to the current one is in (``DEPTH`` pages per worker
at most, the one it extracts and the next, already read by the worker), so a worker goes from one
page to the next without waiting for the parent's round trip, however busy the event loop is
with downloads. A page's time limit starts when its worker takes it up (when the answer before it
came back); a page queued behind one that ran away or killed its worker was not started: it goes
back to the queue, blamed for nothing. Every slot starts its worker at once and takes pages as
soon as that one is ready: the first page does not wait for the whole pool. Answers reach the
event loop one by one (``call_soon_threadsafe``), in the order the worker made them.

Before the first worker is ready. A worker comes from the forkserver, which first starts an
interpreter and loads the extractor, its language model and the rest of what extraction loads
lazily (trafilatura, dateparser: ``_preload``; ~1 s of CPU, paid once and shared by every worker),
while robots.txt and the first page download in a fraction of that. So one more slot (*early*)
starts a worker of its own at once, by ``spawn``: an interpreter with the extractor only, ready in
a fraction of the time, on the core the starting forkserver leaves free. It takes the first
``EARLY_PAGES`` pages that come before a forkserver worker is ready, then stops: the first record
does not wait for the pool. Only those: every further page it took would risk loading the model
again in a process about to end (~0.5 s of CPU; a crawl of 724 pages at concurrency 32 spent 6 %
more CPU when it took pages until the pool was ready). It is a worker like the others (killed at
the time limit, a page that kills it is recorded); it warms nothing ahead, and is not replaced
when it dies. A crawl that extracts nothing (every URL refused) ends with it unused.

Workers come from a ``forkserver`` (a clean, single-threaded parent with the extractor
preloaded), never forked from the crawler's threads. ``workers=0`` extracts in a daemon thread
instead (tests, tiny runs); a runaway page then cannot be killed, only abandoned after the timeout.

Scripts and notebooks. multiprocessing's forkserver and spawn start a child by re-importing the
parent's ``__main__`` (so that functions defined there can be unpickled): a script that crawls at
its top level, without ``if __name__ == "__main__":``, would run again in every worker. So:

* the extract function lives in a real module (``newsscrape.extract``, the default, or a user's
  own module): workers are started with ``__main__``'s ``__file__``/``__spec__`` hidden, so they
  never import the caller's script; a guard is not needed.
* it is defined in ``__main__``: workers must import the script to find it. That is done when the
  crawl is started from inside an ``if __name__ == "__main__":`` block (read from the script's
  syntax tree); otherwise (no guard, a notebook, a REPL) pages are extracted in this process and
  one line on stderr says why.
* a worker that dies before it is ready (whatever the reason), or cannot be started at all (a
  ``multiprocessing.Pool`` worker is daemonic and may have no children), falls back the same way:
  a page is never turned into an error, nor a crawl left waiting, because workers could not start.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import multiprocessing
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing import resource_tracker
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Final

from ..config import ExtractConfig
from ..errors import ExtractError
from ..models import Article
from ._worker import READY, ExtractFn, Job, default_extract, run_one, worker_main

__all__ = ["DEPTH", "ExtractFn", "ExtractPool", "Job", "main_unusable"]


START_TIMEOUT = 120.0  # seconds for a worker to become ready (imports on a loaded machine)
_MAIN_LOCK = threading.Lock()  # one worker start at a time may hide __main__
# Pages handed to one worker at once: the one it extracts and the next, waiting in the worker.
# Two are enough for it never to wait for the parent; more would only queue pages behind a slow one.
DEPTH: Final = 2
EARLY_PAGES: Final = 1  # pages the early worker takes at most: the first record's
LAUNCH_WAIT: Final = 5.0  # seconds the forkserver's workers wait for the early one to be launched


def _context() -> BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    # with everything extraction loads lazily (``_preload``: the language model, trafilatura,
    # dateparser): one copy shared by every worker, loaded once; and the workers' own code, so
    # that a fork runs it at once
    ctx.set_forkserver_preload(
        [
            "newsscrape.extractor",
            "newsscrape.crawler._preload",
            "newsscrape.crawler._worker",
        ]
    )
    return ctx


class _Gone(Exception):
    """The worker was dead before it was handed the page (killed while idle): the page is not to blame."""


class _Unborn(Exception):
    """A worker died (or hung) before it was ready: worker processes cannot be used here."""


@contextlib.contextmanager
def _main_hidden(hide: bool) -> Iterator[None]:
    """Start a child without telling it where ``__main__`` came from, so it does not import the
    caller's script (multiprocessing reads ``__spec__`` and ``__file__`` at ``start()``)."""
    main = sys.modules.get("__main__")
    if not hide or main is None:
        yield
        return
    with _MAIN_LOCK:
        saved = {k: v for k, v in vars(main).items() if k in ("__file__", "__spec__")}
        main.__spec__ = None
        vars(main).pop("__file__", None)
        try:
            yield
        finally:
            vars(main).update(saved)


def _defined_in_main(fn: object) -> bool:
    return getattr(fn, "__module__", None) == "__main__"


def main_unusable() -> str | None:
    """Why worker processes cannot import ``__main__`` safely (to unpickle a function defined
    there), or None: the crawl runs inside the script's ``if __name__ == "__main__":`` block."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not path:
        return "it is defined in an interactive session (a notebook or a REPL)"
    frame = sys._current_frames().get(threading.main_thread().ident or 0)
    while frame is not None and not (frame.f_code.co_name == "<module>" and frame.f_globals is vars(main)):
        frame = frame.f_back
    if frame is None:  # the script's top level has finished: a child would re-run it, but not the crawl
        return None
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
    except (OSError, SyntaxError, ValueError):
        return "its script cannot be read"
    line = frame.f_lineno
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and _tests_main(node.test)
            and node.lineno <= line <= (node.end_lineno or node.lineno)
        ):
            return None
    return 'the script crawls outside `if __name__ == "__main__":`, and workers would re-run it'


def _tests_main(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


@contextlib.contextmanager
def _stop_signals_kept_from_children() -> Iterator[None]:
    """Block SIGINT and SIGTERM in this thread while it starts a process: the process (a spawned
    worker, the forkserver, and the workers the forkserver forks) inherits the mask.

    Ctrl-C (and a service manager's stop) reach the whole process group. A worker ignores them once
    ``worker_main`` runs, and the forkserver once its preload is done; before that, while either
    imports the extractor (a second or more), the signal ended it with a KeyboardInterrupt traceback
    on the crawl's stderr (and a forkserver gone so made the crawl extract in its own process). The
    parent decides when its workers stop (it kills them), so they need neither signal. This is how
    the stdlib starts its resource tracker, which it therefore starts first: its start unblocks both
    signals in the calling thread, which would undo the block for the process started after it.
    """
    # Windows has no process groups to signal; a daemonic process (a multiprocessing.Pool worker)
    # may start no children, and is not to start a resource tracker for nothing either.
    if not hasattr(signal, "pthread_sigmask") or multiprocessing.current_process().daemon:
        yield
        return
    resource_tracker.ensure_running()
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


class _Worker:
    def __init__(
        self,
        ctx: BaseContext,
        fn: ExtractFn,
        config: ExtractConfig,
        *,
        warm: bool = True,
        started: threading.Event | None = None,
    ) -> None:
        """Start a worker process and wait until it is ready (``_Unborn`` if it never is);
        ``started`` is set once the process is launched, before that wait."""
        self._killing = threading.Lock()
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=worker_main, args=(child, fn, config, warm), daemon=True, name="newsscrape-extract"
        )
        try:
            with _main_hidden(not _defined_in_main(fn)), _stop_signals_kept_from_children():
                self.process.start()
        except Exception as exc:  # no process may start here (out of processes, a bootstrapping child)
            self.conn.close()
            child.close()
            raise _Unborn(f"extraction worker processes cannot start ({type(exc).__name__}: {exc})") from exc
        if started is not None:
            started.set()
        child.close()
        try:
            ready = self.conn.poll(START_TIMEOUT) and self.conn.recv() == READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            raise _Unborn

    def death(self) -> str:
        """How the process that closed its pipe ended, for its page's record (a message, not a verdict)."""
        self.process.join(1)  # the pipe closes as it dies: its exit status follows at once
        code = self.process.exitcode
        if code is None:
            return "its pipe closed"
        if code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else f"signal {-code}"
            # SIGKILL is what the out-of-memory killer sends (or an operator)
            return f"killed by {name}" + (" (out of memory?)" if -code == signal.SIGKILL else "")
        return f"exit status {code}"

    def kill(self) -> None:
        """Kill the process and close its pipe, once (its slot and ``close()`` may both ask)."""
        with self._killing:
            if self.conn.closed:
                return
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
            self.conn.close()


_FALLBACK: Final = "fallback"  # a page's answer when the pool fell back to this process: extract it here
Answer = Article | ExtractError | str


class _Task:
    """A page waiting for (or being given) a worker, and the future its coroutine awaits."""

    __slots__ = ("future", "gone", "job")

    def __init__(self, job: Job, loop: asyncio.AbstractEventLoop) -> None:
        self.job = job
        self.future: asyncio.Future[Answer] = loop.create_future()
        self.gone = 0  # workers found dead before they took it

    def settle(self, answer: Answer) -> None:
        # The crawl (and its loop) may have ended meanwhile: nobody waits then.
        with contextlib.suppress(RuntimeError):
            self.future.get_loop().call_soon_threadsafe(_settle, self.future, answer)

    def cancel(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.future.get_loop().call_soon_threadsafe(self.future.cancel)


class _Tasks:
    """The pages waiting for a worker, shared by the slots (thread-safe); cancelled ones are skipped."""

    def __init__(self) -> None:
        self._items: deque[_Task] = deque()
        self._ready = threading.Condition()
        self._shut: Callable[[_Task], None] | None = None  # once shut: what becomes of a page

    def put(self, task: _Task) -> bool:
        """Queue ``task``; False when the queue is shut (the pool closed or fell back)."""
        with self._ready:
            if self._shut is not None:
                return False
            self._items.append(task)
            self._ready.notify()
            return True

    def requeue(self, tasks: Iterable[_Task]) -> None:
        """Put pages a worker never started back at the head, in their order."""
        with self._ready:
            if self._shut is None:
                self._items.extendleft(reversed(list(tasks)))
                self._ready.notify_all()
                return
        for task in tasks:
            self._shut(task)

    def take(self, *, block: bool, until: threading.Event | None = None) -> _Task | None:
        """The next page; None when there is none (``block``: only once the queue is shut, or
        ``until`` is set: then None at once, pages waiting or not; see ``wake``)."""
        with self._ready:
            while True:
                if until is not None and until.is_set():
                    if self._items:
                        self._ready.notify()  # a page woke this taker: another one takes it
                    return None
                while self._items:
                    task = self._items.popleft()
                    if not task.future.done():  # its crawl stopped waiting for it (cancelled)
                        return task
                if self._shut is not None or not block:
                    return None
                self._ready.wait()

    def wake(self) -> None:
        """Wake every taker, so that those waiting ``until`` an event see it set."""
        with self._ready:
            self._ready.notify_all()

    def shut(self, then: Callable[[_Task], None]) -> None:
        """Refuse new pages, wake every slot; ``then`` settles each page waiting, or put back later."""
        with self._ready:
            if self._shut is None:
                self._shut = then
            waiting = list(self._items)
            self._items.clear()
            self._ready.notify_all()
        for task in waiting:
            then(task)


class ExtractPool:
    """``await pool.extract(content, url, ...)`` -> Article, or ExtractError (``timed_out`` when killed).

    For example::

        with ExtractPool(workers=2, timeout=30.0) as pool:
            article = await pool.extract(page.content, page.url, final_url=page.final_url, charset=None)
    """

    def __init__(
        self,
        *,
        workers: int,
        timeout: float,
        config: ExtractConfig | None = None,
        extract_fn: ExtractFn | None = None,
    ) -> None:
        self._fn: ExtractFn = extract_fn or default_extract
        self._config = config or ExtractConfig()
        self._timeout = timeout
        self._size = workers
        self._lock = threading.Lock()  # guards _workers, _closed and the fall-back
        self._workers: list[_Worker] = []  # running now (close() kills them)
        self._tasks = _Tasks()
        self._slots: list[threading.Thread] = []  # the threads feeding workers, the early one's too
        self._closed = False
        # a forkserver worker is ready (or none will be): the early one stops
        self._pool_ready = threading.Event()
        self._early: _Worker | None = None  # the spawned worker, until then
        self._launched = threading.Event()  # the early worker's process is launched (or failed to be)
        self._ctx = _context() if workers else None
        if self._ctx is not None and multiprocessing.current_process().daemon:
            # A multiprocessing.Pool worker: multiprocessing refuses it children (an AssertionError).
            self._in_process(
                "this is a daemonic process (a multiprocessing.Pool or Dask worker), which may start none"
            )
        if self._ctx is not None and _defined_in_main(extract_fn):
            why = main_unusable()
            if why is not None:
                self._in_process(f"the extract function is in __main__ and {why}")

    async def extract(
        self, content: bytes, url: str, *, final_url: str | None, charset: str | None
    ) -> Article:
        job: Job = (content, url, final_url, charset)
        answer: Answer = _FALLBACK
        if self._ctx is not None:
            self.start()
            task = _Task(job, asyncio.get_running_loop())
            if self._tasks.put(task):  # refused once the pool fell back to this process
                answer = await task.future
        if isinstance(answer, str):
            answer = await self._in_thread(job)
        if isinstance(answer, ExtractError):
            raise answer
        return answer

    def start(self) -> None:
        """Start the worker processes now, in the background (one thread per worker).

        A crawl calls this before its first request, so the forkserver's interpreter and imports
        and the workers' start overlap with robots.txt and the first downloads instead of
        following them: the first record comes out one extraction after the first page (or after
        the first worker is ready), not one pool start-up after it. Without it, workers start with
        the first ``extract``.
        """
        if self._ctx is None or self._slots or self._closed:
            return
        for i in range(self._size):
            slot = threading.Thread(target=self._serve, daemon=True, name=f"newsscrape-slot-{i}")
            self._slots.append(slot)
            slot.start()
        early = threading.Thread(target=self._serve, args=(True,), daemon=True, name="newsscrape-early")
        self._slots.append(early)
        early.start()

    # -- one slot: a worker and the thread feeding it ------------------------------------------

    def _serve(self, early: bool = False) -> None:
        """Keep one worker fed; ``early``: the spawned one, taking pages until another is ready."""
        try:
            worker = self._new_worker(early=early)
        finally:
            if early:
                self._launched.set()  # launched, or it never will be
        sent: deque[_Task] = deque()  # handed to the worker, unanswered, in order; sent[0] is under way
        since = 0.0  # when sent[0] was taken up
        depth, until = (1, self._pool_ready) if early else (DEPTH, None)
        budget = EARLY_PAGES if early else -1  # pages it may still take (-1: no end)
        while worker is not None:
            if early and not sent and (self._pool_ready.is_set() or not budget):  # its part is done
                self._retire(worker)
                return
            if self._ctx is None or self._closed:  # fell back to this process (so do these pages), or closed
                for unanswered in sent:
                    if self._ctx is None:
                        unanswered.settle(_FALLBACK)
                    else:
                        unanswered.cancel()
                self._retire(worker)
                return
            while len(sent) < depth and budget:  # top up; block for a page only when the worker has none
                task = self._tasks.take(block=not sent, until=until)
                if task is None:
                    break
                if not sent and not worker.process.is_alive():
                    worker = self._gone(worker, task, early)  # killed while idle: not the page's fault
                    if worker is None:
                        return
                    continue
                try:
                    worker.conn.send(task.job)
                except OSError:  # it died: before taking this page, whatever it was doing
                    if sent:
                        self._tasks.requeue([task])
                        break
                    worker = self._gone(worker, task, early)
                    if worker is None:
                        return
                    continue
                sent.append(task)
                budget -= 1
                if len(sent) == 1:
                    since = time.monotonic()
            if not sent:  # closed (or, early, a forkserver worker is ready)
                self._retire(worker)
                return
            head = sent[0]
            url = head.job[1]
            try:
                answered = worker.conn.poll(max(0.0, since + self._timeout - time.monotonic()))
                answer: Answer = worker.conn.recv() if answered else self._timed_out(url)
            except (EOFError, OSError):
                if self._ctx is None or self._closed:  # killed by the fall-back or close(), not by the page
                    continue
                # It died on this page (the out-of-memory killer, a crash in a C library): recorded.
                answered = False
                answer = ExtractError(
                    f"extraction worker died: {worker.death()}", url=url, reason="worker_died"
                )
            sent.popleft()
            head.settle(answer)
            since = time.monotonic()
            if not answered:  # killed, or dead: the pages behind were never started
                self._tasks.requeue(sent)
                sent.clear()
                worker = self._replace(worker, early)

    def _new_worker(self, *, early: bool = False) -> _Worker | None:
        """A ready worker for a slot, or None (the pool is closed, or fell back to this process;
        ``early``: also when a forkserver worker is ready first, or the spawned one cannot start,
        which is no reason to fall back: the forkserver's may)."""
        ctx = self._ctx  # read once: another slot may fall back to this process meanwhile
        if ctx is None:
            return None
        try:
            if early:
                spawn = multiprocessing.get_context("spawn")
                worker = _Worker(spawn, self._fn, self._config, warm=False, started=self._launched)
            else:
                # Launched first: a forkserver start holds _MAIN_LOCK until the forkserver has loaded
                # everything, and the early worker is there to come before that.
                self._launched.wait(LAUNCH_WAIT)
                worker = _Worker(ctx, self._fn, self._config)
        except _Unborn as exc:
            if not early:
                self._in_process(str(exc) or "extraction worker processes died before they were ready")
            return None
        with self._lock:
            if not self._closed and self._ctx is not None and not (early and self._pool_ready.is_set()):
                if early:
                    self._early = worker
                else:
                    self._workers.append(worker)
                    self._stop_early()
                return worker
        worker.kill()  # the crawl ended (or fell back) while it started: start() runs in the background
        return None

    def _take_workers(self) -> list[_Worker]:
        """Every running worker, the early one too, for the caller to kill (with ``_lock`` held)."""
        workers = self._workers + ([self._early] if self._early is not None else [])
        self._workers, self._early = [], None
        return workers

    def _stop_early(self) -> None:
        """No more pages for the early thread: a worker is ready, or there will be none."""
        if not self._pool_ready.is_set():
            self._pool_ready.set()
            self._tasks.wake()

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)
            if worker is self._early:
                self._early = None
        worker.kill()  # a no-op if close() killed it already

    def _replace(self, dead: _Worker, early: bool = False) -> _Worker | None:
        self._retire(dead)
        # stopping: do not start what close() would have to kill; the early worker is not replaced
        if self._closed or self._ctx is None or early:
            return None
        return self._new_worker()

    def _gone(self, dead: _Worker, task: _Task, early: bool = False) -> _Worker | None:
        """``task`` found its worker dead before taking it: it goes to a fresh one, once."""
        task.gone += 1
        if task.gone >= 2:
            task.settle(
                ExtractError(
                    "extraction workers die before taking a page", url=task.job[1], reason="worker_died"
                )
            )
        else:
            self._tasks.requeue([task])
        return self._replace(dead, early)

    def _in_process(self, why: str) -> None:
        """No worker processes: extract in this process (threads), and say so once."""
        with self._lock:
            if self._ctx is None:
                return
            self._ctx = None
            workers = self._take_workers()
        if sys.stderr is not None:  # None: started with fd 2 closed (2>&-)
            sys.stderr.write(f"newsscrape: extracting in this process: {why} (see README: scripts)\n")
        self._stop_early()
        self._tasks.shut(lambda task: task.settle(_FALLBACK))
        for worker in workers:
            worker.kill()

    async def _in_thread(self, job: Job) -> Article | ExtractError:
        # A daemon thread, not the default executor: a runaway page must not hold up interpreter exit.
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Article | ExtractError] = loop.create_future()

        def run() -> None:
            result = run_one(self._fn, self._config, job)
            # An abandoned runaway page may finish after its crawl (and loop) ended: nobody waits.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, future, result)

        threading.Thread(target=run, daemon=True, name="newsscrape-extract").start()
        try:
            return await asyncio.wait_for(future, self._timeout)
        except TimeoutError:
            return self._timed_out(job[1])

    def _timed_out(self, url: str) -> ExtractError:
        return ExtractError(
            f"extraction ran over {self._timeout:g}s; worker stopped", url=url, reason="timed_out"
        )

    def close(self) -> None:
        """Kill every worker now (a crawl that stops does not wait for pages in extraction)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            workers = self._take_workers()
        self._stop_early()
        self._tasks.shut(_Task.cancel)
        for worker in workers:
            worker.kill()

    def __enter__(self) -> ExtractPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _settle(future: asyncio.Future[Any], result: object) -> None:
    if not future.done():
        future.set_result(result)
