"""Reading a long history without the garbage collector walking it over and over.

Parsing ten years of history and building its records makes some 300,000 small objects,
none of them in a reference cycle. Python's cyclic collector counts allocations, and every
few thousand it looks through the new objects, and now and then through every object
alive: a read that allocates this much pays for several full walks (a third of the time
spent building the records). Nothing the read makes can be cyclic garbage, so collecting
waits until it is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection() -> Iterator[None]:
    """Hold off the cyclic garbage collector inside the block, as it was before after it.

    Two threads inside at once leave it enabled at the end: only a block that found it
    enabled enables it again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
