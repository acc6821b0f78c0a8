"""Write the rendered tree atomically: into a temporary folder next to the output, then swap.

On any failure the output folder is left exactly as it was. An interrupted swap (the process killed
between the two renames) is repaired by the next run, which finds the backup and puts it back.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from pathlib import Path

IGNORED = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


class UnsafePathError(ValueError):
    pass


def check_paths(files: dict[str, str]) -> None:
    """Every path must stay inside the output folder, whatever a spec named things."""
    for path in files:
        normal = posixpath.normpath(path)
        if (
            normal != path
            or path.startswith(("/", "../"))
            or "\\" in path
            or ":" in path
            or any(part in ("", ".", "..") for part in path.split("/"))
        ):
            raise UnsafePathError(f"refusing to write {path!r}: it would leave the output folder")


def read_tree(root: Path) -> dict[str, bytes]:
    tree: dict[str, bytes] = {}
    if not root.is_dir():
        return tree
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED)
        for name in files:
            full = Path(folder, name)
            tree[full.relative_to(root).as_posix()] = full.read_bytes()
    return tree


def stale_files(files: dict[str, str], root: Path) -> list[str]:
    """Paths that differ between the rendered files and the folder (changed, missing or extra)."""
    current = read_tree(root)
    wanted = {path: text.encode("utf-8") for path, text in files.items()}
    return sorted(p for p in set(current) | set(wanted) if current.get(p) != wanted.get(p))


def _backup_path(output: Path) -> Path:
    return output.parent / f".{output.name}.previous"


def recover(output: Path) -> None:
    backup = _backup_path(output)
    if backup.exists():
        if output.exists():
            shutil.rmtree(backup)
        else:
            os.rename(backup, output)


def write_tree(files: dict[str, str], output: Path) -> bool:
    """Replace `output` with exactly `files`; return False when it already held them."""
    check_paths(files)
    recover(output)
    if output.is_dir() and not stale_files(files, output):
        return False
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    backup = _backup_path(output)
    try:
        for path, text in sorted(files.items()):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        if output.exists():
            os.rename(output, backup)
        os.rename(staging, output)
    except BaseException:
        if backup.exists() and not output.exists():
            os.rename(backup, output)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    return True
