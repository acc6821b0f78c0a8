"""The two sides of a diff and what each is made of: the working tree, a git revision (read through
git: `git ls-tree` and `git cat-file --batch`, never a checkout), or a folder.

A side is named by its inputs: the settings that shape the API (`[tool.platygen]`), and every file
under the specs folder and every API description as a git blob id. From a revision those come from
`git ls-tree` without reading a file, so a side whose snapshot is in the cache costs one git call.
Only when it is not does the revision's tree get written to a temporary folder laid out as the
project is, so its help files have the display paths the working tree's have and read from the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator import config as config_module
from generator.cache import digest, generator_fingerprint
from generator.config import Config


class SideError(Exception):
    """BASE names nothing platygen can read: not a folder, not a revision, no git."""


@dataclass
class Side:
    label: str  # "working tree", "origin/main (3abfcd1)", a folder
    config: Config
    # Path relative to the project (`api:NAME` for an API description) → git blob id.
    files: dict[str, str]
    # For a revision: the repository's folder, the commit and the project's folder in it ("" or "sub/").
    git: tuple[Path, str, str] | None = None
    # For a revision: its pyproject.toml, specs and API descriptions, path → (mode, blob id).
    blobs: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        listed = "".join(f"{path}\0{oid}\n" for path, oid in sorted(self.files.items()))
        return digest("diff", generator_fingerprint(), _settings(self.config), listed)


def blob_id(data: bytes) -> str:
    """What git names these bytes (`git hash-object`), so a working tree and a revision name equal files alike."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _settings(config: Config) -> str:
    """Every setting that shapes the API and the Python names (a new one too), without the folders
    the project is read from and written to."""
    values: list[tuple[str, object]] = []
    for setting in dataclasses.fields(config):
        value = getattr(config, setting.name)
        if setting.name in ("root", "output", "templates"):
            continue
        if setting.name == "specs":
            value = relative(config.specs, config.root)
        elif setting.name == "api_descriptions":
            value = sorted(
                (pattern, tuple(_inside(n) or str((config.root / n).resolve()) for n in names))
                for pattern, names in config.api_descriptions.items()
            )
        elif isinstance(value, dict):
            value = sorted(value.items())
        values.append((setting.name, value))
    return repr(values)


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()


def _descriptions(config: Config) -> list[str]:
    return sorted({name for files in config.api_descriptions.values() for name in files})


def _inside(name: str) -> str | None:
    """A configured file's path relative to the project, or None when it is outside the project."""
    if Path(name).is_absolute():
        return None
    normal = os.path.normpath(name).replace("\\", "/")
    return None if normal == ".." or normal.startswith("../") else normal


def working_tree(config: Config) -> Side:
    return Side("working tree", config, _disk_files(config))


def _disk_files(config: Config) -> dict[str, str]:
    files: dict[str, str] = {}
    if config.specs.is_dir():
        for path in config.specs.rglob("*"):
            if path.is_file():
                files[relative(path, config.root)] = blob_id(path.read_bytes())
    for name in _descriptions(config):
        files[f"api:{name}"] = _disk_blob(config.root / name)
    return files


def _disk_blob(path: Path) -> str:
    try:
        return blob_id(path.read_bytes())
    except OSError:
        return "missing"


def folder(path: Path, head: Config) -> Side:
    """A folder: a project (its own pyproject.toml and settings) or a specs folder read with the head's settings."""
    path = path.resolve()
    if (path / "pyproject.toml").is_file():
        try:
            config = config_module.load(path)
        except config_module.ConfigError as exc:
            raise SideError(str(exc)) from exc
    else:
        config = dataclasses.replace(head, specs=path)
    return Side(str(path), config, _disk_files(config))


# --- git ---------------------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except OSError as exc:
        raise SideError(f"cannot run git: {exc}") from exc
    if result.returncode != 0:
        raise SideError(f"git {' '.join(args)}: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout


def default_base(root: Path) -> tuple[str, str]:
    """The merge base with the default branch (origin's HEAD, else main or master), else HEAD: the
    revision and how to call it."""
    for ref in _default_branches(root):
        try:
            commit = _git(root, "merge-base", "HEAD", ref).decode().strip()
        except SideError:
            continue
        return commit, f"merge base with {ref.removeprefix('refs/remotes/').removeprefix('refs/heads/')}"
    return "HEAD", "HEAD"


def _default_branches(root: Path) -> list[str]:
    found = []
    try:
        found.append(_git(root, "symbolic-ref", "--quiet", "refs/remotes/origin/HEAD").decode().strip())
    except SideError:
        pass
    return found + [
        "refs/remotes/origin/main",
        "refs/remotes/origin/master",
        "refs/heads/main",
        "refs/heads/master",
    ]


def revision(root: Path, rev: str, specs: str | None = None, name: str | None = None) -> Side:
    """The side at a git revision of the repository holding the project `root`: its settings, help
    files, routes and the API descriptions inside the project (one outside it is the same file on
    both sides: it is read from disk). `specs`: the specs folder (relative to the project) instead of
    the revision's setting."""
    top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except SideError as exc:
        raise SideError(f"{rev!r} is neither a folder nor a git revision") from exc
    prefix = relative(root.resolve(), top.resolve())
    prefix = "" if prefix == "." else prefix + "/"
    settings = _ls_tree(top, commit, prefix, ["pyproject.toml"]).get("pyproject.toml")
    with tempfile.TemporaryDirectory(prefix="platygen-diff-") as scratch:
        if settings is not None:
            Path(scratch, "pyproject.toml").write_bytes(_cat(top, [settings[1]])[settings[1]])
        try:
            config = _outside_from(config_module.load(Path(scratch)), root)
        except config_module.ConfigError as exc:
            raise SideError(f"{rev}: {exc}") from exc
    if specs is not None:
        config = dataclasses.replace(config, specs=config.root / specs)
    specs = relative(config.specs, config.root)
    if _inside(specs) is None:
        raise SideError(f"the specs folder {specs} is outside the project; give BASE as a folder")
    inside = [local for local in map(_inside, _descriptions(config)) if local is not None]
    listed = _ls_tree(top, commit, prefix, [specs, *inside])
    if settings is not None:
        listed["pyproject.toml"] = settings
    files = {path: oid for path, (_, oid) in listed.items() if path.startswith(specs + "/")}
    for described in _descriptions(config):
        local = _inside(described)
        if local is None:
            files[f"api:{described}"] = _disk_blob(root / described)
        else:
            files[f"api:{described}"] = listed[local][1] if local in listed else "missing"
    name = name or rev
    label = commit[:7] if commit.startswith(name) else f"{name} ({commit[:7]})"
    return Side(label, config, files, git=(top, commit, prefix), blobs=listed)


def _outside_from(config: Config, home: Path) -> Config:
    """API descriptions outside the project named from `home`, the project on disk (absolute paths:
    the revision's tree is read in a temporary folder)."""
    moved = {
        pattern: tuple(name if _inside(name) is not None else str((home / name).resolve()) for name in names)
        for pattern, names in config.api_descriptions.items()
    }
    return dataclasses.replace(config, api_descriptions=moved)


def _ls_tree(top: Path, commit: str, prefix: str, paths: list[str]) -> dict[str, tuple[str, str]]:
    """Path relative to the project → (mode, blob id) of the files at `commit` under `paths` (relative
    to the project)."""
    out = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *(prefix + path for path in paths))
    listed = {}
    for entry in out.split(b"\0"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        mode, kind, oid = meta.decode().split()
        if kind == "blob":
            listed[path.decode("utf-8", "surrogateescape")[len(prefix) :]] = (mode, oid)
    return listed


def _cat(top: Path, oids: list[str]) -> dict[str, bytes]:
    """The contents of blobs, through one `git cat-file --batch`."""
    process = subprocess.Popen(
        ["git", "-C", str(top), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    request = "".join(f"{oid}\n" for oid in oids).encode()

    def feed() -> None:  # in a thread: git answers while it is still being asked
        assert process.stdin is not None
        process.stdin.write(request)
        process.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    found: dict[str, bytes] = {}
    try:
        for oid in oids:
            header = process.stdout.readline().split()
            if len(header) != 3:
                raise SideError(f"git cat-file: {oid} missing")
            size = int(header[2])
            found[oid] = process.stdout.read(size)
            process.stdout.read(1)  # the newline after each blob
    finally:
        writer.join()
        process.stdout.close()
        process.wait()
    return found


@contextmanager
def materialized(side: Side) -> Iterator[Config]:
    """The side's settings, with its files on disk: the working tree or folder as they are, a revision
    written to a temporary folder laid out as the project (so display paths and the cache keys agree)."""
    if side.git is None:
        yield side.config
        return
    top = side.git[0]
    contents = _cat(top, sorted({oid for _, oid in side.blobs.values()}))
    with tempfile.TemporaryDirectory(prefix="platygen-diff-") as scratch:
        root = Path(scratch)
        for path, (mode, oid) in side.blobs.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if mode == "120000":
                os.symlink(contents[oid].decode("utf-8", "surrogateescape"), target)
            else:
                target.write_bytes(contents[oid])
        specs = relative(side.config.specs, side.config.root)
        yield dataclasses.replace(side.config, root=root, specs=root / specs, output=root / "generated")
