"""Reading an uploaded document in a worker process with a memory and a time cap, so
that one bad file (a zip bomb the limits did not catch, a PDF that makes the parser
spin) costs only that worker: the serving process keeps its memory and its speed.

The parent runs `python -m directives.sandbox NAME MEMORY_BYTES` with the file's bytes
on stdin; the child lowers its own priority, caps its address space (RLIMIT_AS) and CPU
time (RLIMIT_CPU), reads, and answers one JSON object on stdout. The parent kills it at
the wall-clock cap. At most SLOTS workers run at once per process; more uploads wait.

    read_isolated(data, "thong-bao.docx") -> text      # or raises ExtractionError
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from .errors import ExtractionError
from .limits import FileLimitError

MEMORY_CAP = 768 * 1024 * 1024  # a 5 MB directive needs a tenth of it
TIME_CAP = 120.0  # seconds of wall clock: a text file reads in under one, a 30-page scan (OCR) in about a minute
SLOTS = 2
_slots = threading.BoundedSemaphore(SLOTS)
_ROOT = str(Path(__file__).resolve().parents[1])


def read_isolated(data: bytes, name: str, *, memory: int = MEMORY_CAP, seconds: float = TIME_CAP) -> str:
    """The document's text, read in a capped worker process. Raises FileLimitError when
    the file is beyond a limit or a cap, ExtractionError when it cannot be read."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (_ROOT, os.environ.get("PYTHONPATH")) if p)}
    with _slots:
        try:
            done = subprocess.run([sys.executable, "-m", "directives.sandbox", name, str(memory), str(seconds)],
                                  input=data, capture_output=True, timeout=seconds, env=env, cwd=_ROOT)
        except subprocess.TimeoutExpired:
            raise FileLimitError("upload.too_slow", seconds=int(seconds)) from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        # Killed (the CPU cap's SIGXCPU/SIGKILL) or out of memory before it could answer.
        raise FileLimitError("upload.too_heavy")
    if "text" in answer:
        return str(answer["text"])
    key, params = str(answer.get("key") or "document.binary"), dict(answer.get("params") or {})
    if key.startswith("upload."):
        raise FileLimitError(key, **params)
    if key == "document.no_ocr":
        from .ocr import OcrUnavailable

        raise OcrUnavailable(str(params.get("missing", "")))
    raise ExtractionError(key, **params)


def _child(name: str, memory: int, seconds: float) -> int:
    import resource

    os.nice(10)  # a long read yields the CPU to the people being answered
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    data = sys.stdin.buffer.read()
    try:
        from .reader import read_document

        answer: dict = {"text": read_document(data, name)}
    except FileLimitError as exc:
        answer = {"key": exc.key, "params": exc.params}
    except (ExtractionError, MemoryError, ImportError, OSError) as exc:
        # At the cap, allocations fail wherever they are (a parser's "cannot read", a
        # library that cannot load): a failure near the cap is the cap's doing.
        if isinstance(exc, MemoryError) or _peak_address_space() > 0.9 * memory:
            answer = {"key": "upload.too_heavy", "params": {}}
        elif isinstance(exc, ExtractionError):
            answer = {"key": exc.key, "params": exc.params}
        else:
            raise
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


def _peak_address_space() -> int:
    """This process's largest address space so far (VmPeak), in bytes."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], int(sys.argv[2]), float(sys.argv[3])))
