"""Ctrl-C for the long-running commands (``translate``, ``batch translate``): the first SIGINT
sets a stop flag that the pipeline checks at every stage, segment and sub-batch
(:meth:`xling.pipeline.StageContext.check_stop`); the run then prints one line and exits 130.
A second SIGINT removes the temporary files and exits at once."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def run_interruptible(func: Callable[..., T], /, *args, message: str, **kwargs) -> T:
    """``func(*args, stop=EVENT, **kwargs)`` under a SIGINT handler that sets ``EVENT``.

    Args:
        func: a function taking ``stop: threading.Event`` and raising
            :class:`~xling.errors.Interrupted` once it sees it set.
        message: the one line printed after ``xling: `` when interrupted.

    Returns:
        What ``func`` returns when not interrupted. When interrupted the process exits with
        status 130 at once (``os._exit``: CTranslate2's threads would otherwise finish their
        queued sub-batches at interpreter shutdown). Outside the main thread no handler can be
        installed, and ``func`` runs without ``stop``.
    """
    from xling.errors import EXIT_INTERRUPTED, Interrupted

    stop = threading.Event()

    def on_sigint(signum, frame) -> None:
        if stop.is_set():
            from xling.io import remove_temporaries

            remove_temporaries()
            os.write(2, f"xling: {message}\n".encode())
            os._exit(EXIT_INTERRUPTED)
        stop.set()

    try:
        old = signal.signal(signal.SIGINT, on_sigint)
    except ValueError:  # not the main thread
        return func(*args, **kwargs)
    try:
        return func(*args, stop=stop, **kwargs)
    except Interrupted:
        sys.stderr.write(f"xling: {message}\n")
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGINT, old)
