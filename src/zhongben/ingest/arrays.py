"""Arrow arrays built from their buffers: ``pa.array`` on a Python list first probes for pandas,
which imports it (seconds at start-up) even when pandas is never used."""

from __future__ import annotations

import numpy as np
import pyarrow as pa


def string_array(values: list[str | None]) -> pa.Array:
    """A string array (None = null)."""
    encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    valid = np.packbits(np.array([v is not None for v in values], dtype=bool), bitorder="little")
    buffers = [pa.py_buffer(valid.tobytes()), pa.py_buffer(offsets.tobytes()),
               pa.py_buffer(b"".join(encoded))]
    return pa.Array.from_buffers(pa.string(), len(encoded), buffers)


def int64_array(values: list[int]) -> pa.Array:
    data = np.asarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data.tobytes())])
