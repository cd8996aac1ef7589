"""Replace a folder with a freshly built one, all or nothing.

`make build` builds into site.new/ and swaps it in here; the generator writes each
docs/<lang>/ aside and swaps it in the same way. Either the new folder is in place
and complete, or the old one is untouched and the new one removed; never a mix and
never site/site.new/. When the swap cannot happen, SwapError says why and what to do.

    python -m generator.swap site -- mkdocs build --strict --site-dir site.new
builds with the command, then swaps site.new/ into site/ (removing site.new/ if the
command fails or is interrupted).

One build at a time: the checkout folder is locked (flock) while a build runs, and a second
build stops at once with a message (it used to delete the first one's site.new/, and both
then published half a site). The build command runs in its own process group: Ctrl-C,
SIGTERM or SIGHUP stop all of it, and it is stopped too when this process dies (make killed
alone used to leave mkdocs writing for 27 s). A site/ that is a symlink (to a web root) is
updated where it points; the link stays.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1


class SwapError(Exception):
    pass


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def swap_in(new: Path, target: Path, old: Path | None = None) -> None:
    """Put `new` where `target` is. `old` (default target.old) holds the previous one meanwhile."""
    new, target = Path(new), Path(target)
    old = Path(old) if old else target.with_name(target.name + ".old")
    if not new.is_dir():
        raise SwapError(f"{new}: there is no new build to put in place. Build again.")
    try:
        remove(old)  # left over from an earlier swap that could not finish
    except OSError as exc:
        raise SwapError(f"{old}: cannot remove the folder left by an earlier build ({exc.strerror}). "
                        f"Remove it by hand; {target} is unchanged.") from None
    moved_aside = False
    try:
        if target.exists() or target.is_symlink():
            os.rename(target, old)
            moved_aside = True
        os.rename(new, target)
    except OSError as exc:
        problem = exc.strerror or str(exc)
        if moved_aside:
            try:
                os.rename(old, target)   # put the previous one back
            except OSError:
                raise SwapError(f"{target}: the new build could not be put in place ({problem}) and the previous "
                                f"one is in {old}. Rename {old} back to {target}.") from None
        raise SwapError(f"{target}: cannot be replaced ({problem}); it is unchanged. Check that nothing holds it "
                        f"open and that you may write to {target.parent}/, then build again. "
                        f"The new build is in {new}.") from None
    try:
        remove(old)
    except OSError as exc:
        print(f"warning: {old}: the previous build could not be removed ({exc.strerror}); remove it by hand. "
              f"{target} holds the new build.", file=sys.stderr)


class Stopped(Exception):
    def __init__(self, signum: int):
        self.signum = signum


def _die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Linux: get `sig` when the parent process ends (make killed alone, a cancelled CI job)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the signal handlers still stop the whole build


def lock_checkout(folder: Path):
    """An exclusive lock on the folder that holds the site, or None when another build has it."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return None
        raise
    return fd


def _stop(process: subprocess.Popen) -> None:
    """Stop the build command and everything it started (its own process group)."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _run(command: list[str]) -> int:
    def child_setup():
        _die_with_parent(signal.SIGTERM)   # stops when this process is killed, even with SIGKILL
    process = subprocess.Popen(command, start_new_session=True, preexec_fn=child_setup)

    def on_signal(signum, frame):
        raise Stopped(signum)
    previous = {sig: signal.signal(sig, on_signal) for sig in STOP_SIGNALS}
    try:
        return process.wait()
    except (Stopped, KeyboardInterrupt):
        _stop(process)
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _publish(new: Path, target: Path) -> None:
    """Swap `new` in at `target`, or, when `target` is a symlink, at the folder it points to."""
    if not target.is_symlink():
        swap_in(new, target)
        return
    real = target.resolve()
    if not real.parent.is_dir():
        raise SwapError(f"{target} is a link to {real}, whose folder does not exist. Fix the link, then build again.")
    staging = real.with_name(real.name + ".new")
    remove(staging)
    try:
        os.rename(new, staging)
    except OSError:  # another file system: copy it beside the web root first
        try:
            shutil.copytree(new, staging, symlinks=True)
        except OSError as exc:
            remove(staging)
            raise SwapError(f"{real}: the new build cannot be copied beside it ({exc.strerror or exc}); it is unchanged. "
                            f"Check the free space and that you may write to {real.parent}/.") from None
    swap_in(staging, real)


def build_and_swap(target: Path, command: list[str]) -> int:
    """Run the build command (which writes target.new), then swap; clean up on failure."""
    target = Path(target)
    new = target.with_name(target.name + ".new")
    lock = lock_checkout(target.parent)
    if lock is None:
        print(f"error: another build is running in this checkout ({target.parent.resolve()}). Wait for it to finish "
              f"or stop it, then build again. {target}/ is unchanged.", file=sys.stderr)
        return 1
    keep_new = False
    try:
        remove(new)
        code = _run(command)
        if code != 0:
            print(f"the build failed: {target}/ is unchanged.", file=sys.stderr)
            return code
        _publish(new, target)
        return 0
    except SwapError as exc:
        keep_new = new.is_dir() and "The new build is in" in str(exc)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted: {target}/ is unchanged.", file=sys.stderr)
        return 130
    except Stopped as exc:
        if exc.signum == signal.SIGINT:
            print(f"interrupted: {target}/ is unchanged.", file=sys.stderr)
            return 130
        print(f"stopped ({signal.Signals(exc.signum).name}): {target}/ is unchanged.", file=sys.stderr)
        return 128 + exc.signum
    finally:
        if new.exists() and not keep_new:
            shutil.rmtree(new, ignore_errors=True)
        os.close(lock)


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m generator.swap TARGET -- BUILD COMMAND (which writes TARGET.new)", file=sys.stderr)
        return 2
    _die_with_parent(signal.SIGTERM)  # make killed alone: stop too (and with us the build command)
    return build_and_swap(Path(argv[0]), argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
