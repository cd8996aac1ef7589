"""Write a file whole or not at all: a temporary file beside it, flushed, then renamed over it.

A full disk, a quota or Ctrl-C in the middle of a write then leaves the previous file as it
was, never a cut one (a cut catalog can still parse, and silently lose translations).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError, InputErrors


def write_text(path: Path, text: str, check=None) -> None:
    """`check(tmp_path)`, if given, runs on the written temporary file before it replaces `path`;
    whatever it raises leaves `path` unchanged."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if check is not None:
            check(Path(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputErrors([InputError(path, None, f"cannot be written ({exc.strerror or exc}); it is unchanged. "
                                                  "Free disk space or check that you may write there, then run the command again.")]) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
