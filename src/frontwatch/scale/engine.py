"""Where shards run: in this process (``local``) or on a Dask cluster (``dask``), behind one interface.

Both engines call the same :func:`~frontwatch.scale.worker.process_shard`; they differ only in how
tasks are scheduled and how results come back. Dask is an optional extra (``frontwatch[dask]``) and
is imported only when asked for.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import ConfigError, FetchError
from .worker import ShardResult, ShardTask, process_shard

#: Per-document progress callback: (shard name, documents done so far in that shard).
DocsCallback = Callable[[str, int], None]

#: Seconds to wait for a scheduler before saying it is unreachable (dask's own default is 30 s).
CONNECT_TIMEOUT_S = 5
#: Times a shard whose task raised is resubmitted (worker deaths are retried by the scheduler,
#: up to ``distributed.scheduler.allowed-failures``, default 3).
RETRIES = 2
_PROGRESS_TOPIC = "frontwatch-scale-docs"
_SCHEDULER_URL = re.compile(r"^(tcp|tls|inproc|ws|wss|ucx)://[^\s/]+$")


class LocalEngine:
    """Shards one after another in this process: the reference the Dask engine must equal."""

    name = "local"
    workers = 1

    def map_shards(self, tasks: list[ShardTask], on_docs: DocsCallback) -> Iterator[ShardResult]:
        for task in tasks:
            done = 0

            def count(n: int, name: str = task.shard.name) -> None:
                nonlocal done
                done += n
                on_docs(name, done)

            yield process_shard(task, count)

    def cancel(self) -> None:
        """Nothing runs in the background."""

    def close(self) -> None:
        """Nothing to release."""


class DaskEngine:
    """Shards as Dask tasks, largest first, on a scheduler given by address or on a LocalCluster."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ConfigError("--engine dask needs Dask: pip install 'frontwatch[dask]'") from exc
        self.cluster: Any = None
        if scheduler:
            if workers:
                raise ConfigError("give --scheduler or --workers, not both: a remote cluster sizes itself")
            self.client = _connect(Client, scheduler)
        else:
            self.cluster = start_local_cluster(workers or os.cpu_count() or 1)
            self.client = Client(self.cluster)
        self.workers = len(self.client.scheduler_info().get("workers", {})) or (workers or 0)
        self._futures: list[Any] = []

    def map_shards(self, tasks: list[ShardTask], on_docs: DocsCallback) -> Iterator[ShardResult]:
        from distributed import as_completed

        self.client.subscribe_topic(_PROGRESS_TOPIC, lambda event: on_docs(*event[1]))
        by_key = {}
        for task in tasks:
            key = f"frontwatch-shard-{task.shard.name}-{os.getpid()}-{time.time_ns()}"
            future = self.client.submit(_run_on_worker, task, key=key, retries=RETRIES, pure=False,
                                        priority=_size(task.shard.path))
            by_key[future.key] = task
            self._futures.append(future)
        for future in as_completed(self._futures):
            task = by_key[future.key]
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, pickling or worker errors: fail this shard only
                yield _lost(task, exc)

    def cancel(self) -> None:
        """Stop shards that have not finished (after a fatal error such as a full disk)."""
        if self._futures:
            self.client.cancel(self._futures)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.unsubscribe_topic(_PROGRESS_TOPIC)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def start_local_cluster(n_workers: int) -> Any:
    """A LocalCluster of ``n_workers`` single-threaded worker processes, set up for extraction.

    - One thread per worker process: spaCy holds the GIL, so threads would not add throughput.
    - No dashboard, so nobody can read the workers' statistical profiler: it is switched off. It samples
      the task's stack every 10 ms; workers used 0.196 instead of 0.226 CPU s per document without it.
    - Dask's nanny sets ``MALLOC_TRIM_THRESHOLD_=65536`` in each worker to hand freed memory back to the
      OS at once. Setting it also fixes glibc's mmap threshold, so every large array spaCy allocates is
      a fresh mmap: 9× the page faults and 4× the system time per document (0.036 against 0.0095 s,
      measured in-process with and without the variable). Workers here keep glibc's own adaptive
      thresholds, as the in-process engine does; their memory is the model's, held for the whole run.
    Figures: bench/results/scale.md.
    """
    import dask
    from distributed import LocalCluster

    settings = {"distributed.worker.profile.enabled": False,
                "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
    with dask.config.set(settings):
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)


def _connect(client_cls: Any, scheduler: str) -> Any:
    if not _SCHEDULER_URL.match(scheduler):
        raise ConfigError(f"--scheduler {scheduler!r} is not a scheduler address: expected tcp://HOST:PORT")
    try:
        return client_cls(scheduler, timeout=f"{CONNECT_TIMEOUT_S}s")
    except (OSError, TimeoutError) as exc:
        raise FetchError(
            f"cannot reach the Dask scheduler at {scheduler} within {CONNECT_TIMEOUT_S} s: check the address "
            f"and that the scheduler is running (`dask scheduler`), or use --workers N for a local cluster"
        ) from exc


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _lost(task: ShardTask, exc: BaseException) -> ShardResult:
    kind = type(exc).__name__
    reason = ("a worker died each time it ran this shard (out of memory, or a crash in a document)"
              if kind == "KilledWorker" else f"{kind}: {exc}")
    return ShardResult(shard=task.shard.name, input=task.shard.path, status="failed", extractor=task.extractor,
                       error=f"shard {task.shard.name} failed on the cluster: {reason}; re-run to retry it")


def _run_on_worker(task: ShardTask) -> ShardResult:
    """The Dask task: process one shard, reporting progress to the client at most twice a second."""
    from distributed import get_worker

    worker = get_worker()
    state = {"done": 0, "sent": 0.0}
    lock = threading.Lock()

    def report(n: int) -> None:
        with lock:
            state["done"] += n
            now = time.monotonic()
            if now - state["sent"] >= 0.5:
                state["sent"] = now
                worker.log_event(_PROGRESS_TOPIC, (task.shard.name, state["done"]))

    return process_shard(task, report)


def open_engine(engine: str, *, scheduler: str | None = None, workers: int | None = None) -> LocalEngine | DaskEngine:
    """The engine named ``engine``; options that do not apply to it are errors, not silently ignored."""
    if engine == "local":
        if scheduler or (workers and workers != 1):
            raise ConfigError("--scheduler and --workers need --engine dask (the local engine uses one core)")
        return LocalEngine()
    if engine == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers)
    raise ConfigError(f"--engine {engine!r} is not known: expected local or dask")
