"""Replace a folder with a freshly built one, all or nothing.

`make build` builds into site.new/ and swaps it in here; the generator writes each
docs/<lang>/ aside and swaps it in the same way. Either the new folder is in place
and complete, or the old one is untouched and the new one removed; never a mix and
never site/site.new/. When the swap cannot happen, SwapError says why and what to do.

    python -m generator.swap site -- mkdocs build --strict --site-dir site.new
builds with the command, then swaps site.new/ into site/ (removing site.new/ if the
command fails or is interrupted).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


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


def build_and_swap(target: Path, command: list[str]) -> int:
    """Run the build command (which writes target.new), then swap; clean up on failure."""
    new = target.with_name(target.name + ".new")
    try:
        remove(new)
        code = subprocess.call(command)
        if code != 0:
            print(f"the build failed: {target}/ is unchanged.", file=sys.stderr)
            return code
        swap_in(new, target)
        return 0
    except SwapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted: {target}/ is unchanged.", file=sys.stderr)
        return 130
    finally:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m generator.swap TARGET -- BUILD COMMAND (which writes TARGET.new)", file=sys.stderr)
        return 2
    return build_and_swap(Path(argv[0]), argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
