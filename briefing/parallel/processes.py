"""Worker processes for the slow parts of a large build: one per core, forked;
and a process of its own, started afresh, for work that needs none of the site.

Forking lets workers share the loaded site without sending it to them; it is
safe only while the process runs no other thread (`mkdocs serve` runs several),
so `can_fork` says when to. Every process stops when the build process is gone:
a build killed outright (SIGKILL) cannot stop them, and each holds open the pipe
it waits on, so it would wait for ever, keeping the terminal's output open. On
Linux the kernel kills it with its parent (`PR_SET_PDEATHSIG`); elsewhere, and in
case the parent died before that was set, a thread watches for the parent to go.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from .collector import BUILD_THRESHOLDS


def cores() -> int:
    return os.cpu_count() or 1


def can_fork() -> bool:
    """More than one core, and no other thread for a fork to break."""
    return cores() >= 2 and threading.active_count() == 1


def fork_pool() -> ProcessPoolExecutor:
    """One forked worker per core, each ending with the build process."""
    return ProcessPoolExecutor(max_workers=cores(),
                               mp_context=multiprocessing.get_context("fork"),
                               initializer=_exit_with, initargs=(os.getpid(),))


def start_process(target: Callable[..., None], args: tuple) -> tuple[BaseProcess, Connection]:
    """`target(connection, *args)` in a process of its own, the other end of the connection
    returned with it. Started afresh (spawned), not forked: it needs nothing of the loaded
    site, and a fork would carry a share of all of it in its memory."""
    ours, theirs = multiprocessing.Pipe()
    process = multiprocessing.get_context("spawn").Process(
        target=_run, args=(os.getpid(), target, theirs, *args), daemon=True)
    process.start()
    theirs.close()
    return process, ours


def _run(parent: int, target, connection: Connection, *args) -> None:
    _exit_with(parent)
    target(connection, *args)


PR_SET_PDEATHSIG = 1
"""prctl(2): the signal this process gets when the thread that started it ends."""


def _exit_with(parent: int) -> None:
    gc.set_threshold(*BUILD_THRESHOLDS)
    _killed_with_parent()
    if os.getppid() != parent:  # gone before the kernel was told
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.25)
        os._exit(1)
    threading.Thread(target=watch, name="exit-with-build", daemon=True).start()


def _killed_with_parent() -> None:
    """Have the kernel kill this process when its parent ends (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watching thread still ends it
