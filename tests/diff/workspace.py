"""A project in a git repository made in a test: help files written from a few lines, committed,
edited, and `platygen diff` run on it as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}


@dataclass
class Param:
    name: str
    type: str = "System.String"
    sets: dict[str, bool] = field(default_factory=dict)  # set → required in it; empty: every set, optional
    aliases: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    text: str = ""

    def required_in(self, set_name: str) -> bool | None:
        """True/False when the parameter is in the set (required or not), None when it is not."""
        if not self.sets:
            return False
        return self.sets.get(set_name)


def help_file(
    cmdlet: str,
    params: list[Param],
    sets: list[str] | None = None,
    notes: str = "",
    module: str = "Contoso.Widgets",
    synopsis: str = "Does things.",
    output: str = "System.Boolean",
    default: str | None = None,
    text: str = "",
) -> str:
    """A platyPS 2.0.0 help file. `sets`: parameter set names (the first is the default unless
    `default` names another); `notes`: COMPLEX PARAMETER PROPERTIES trees; `text`: more DESCRIPTION."""
    names = sets or [""]
    default = default if default is not None else names[0]
    syntax = []
    for name in names:
        tokens = []
        for p in params:
            required = p.required_in(name)
            if required is None:
                continue
            short = p.type.rsplit(".", 1)[-1]
            token = f"-{p.name}" if short == "SwitchParameter" else f"-{p.name} <{short}>"
            tokens.append(token if required else f"[{token}]")
        heading = f"### {name}{' (Default)' if name == default else ''}\n" if name else ""
        syntax.append(f"{heading}```\n{cmdlet} {' '.join(tokens)} [<CommonParameters>]\n```\n")
    blocks = []
    for p in params:
        in_sets = [n for n in names if p.required_in(n) is not None]
        listed = "(All)" if not p.sets or not names[0] else ", ".join(in_sets)
        required = any(p.required_in(n) for n in in_sets)
        accepted = f"Accepted values: {', '.join(p.accepted)}\n" if p.accepted else ""
        blocks.append(
            f"### -{p.name}\n{p.text or f'The {p.name}.'}\n\n```yaml\nType: {p.type}\nParameter Sets: {listed}\n"
            f"Aliases: {', '.join(p.aliases)}\n{accepted}\nRequired: {required}\nPosition: Named\n"
            "Default value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n"
        )
    notes_section = (
        "## NOTES\n\nCOMPLEX PARAMETER PROPERTIES\n\nTo create the parameters described below, construct a hash "
        f"table containing the appropriate properties. For information on hash tables, run Get-Help about_Hash_Tables.\n\n{notes}\n"
        if notes
        else ""
    )
    return (
        f"---\nexternal help file:\nModule Name: {module}\nonline version:\nschema: 2.0.0\n---\n\n# {cmdlet}\n\n"
        f"## SYNOPSIS\n{synopsis}\n\n## SYNTAX\n\n{''.join(syntax)}\n## DESCRIPTION\n{synopsis}\n{text}\n\n"
        f"## PARAMETERS\n\n{''.join(blocks)}\n### CommonParameters\nThis cmdlet supports the common parameters.\n\n"
        f"## INPUTS\n\n## OUTPUTS\n\n### {output}\n\n{notes_section}\n## RELATED LINKS\n"
    )


class Workspace:
    """A git repository holding a platygen project at `root` (its top, or `subfolder` of it)."""

    def __init__(
        self, top: Path, settings: str = "", package: str = "contoso_sdk", subfolder: str = ""
    ) -> None:
        self.top = top
        self.root = top / subfolder if subfolder else top
        self.root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.write(
            "pyproject.toml",
            f'[tool.platygen]\nspecs = "specs"\noutput = "generated"\npackage = "{package}"\n{settings}',
        )

    def git(self, *args: str) -> str:
        result = subprocess.run(
            ["git", *args],
            cwd=self.top,
            env={**os.environ, **GIT_ENV},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def replace(self, path: str, old: str, new: str) -> None:
        text = self.read(path)
        assert old in text, f"{old!r} not in {path}"
        self.write(path, text.replace(old, new, 1))

    def remove(self, path: str) -> None:
        (self.root / path).unlink()

    def commit(self, message: str = "base") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, "--allow-empty")
        return self.git("rev-parse", "HEAD").strip()

    def run(self, *args: str) -> tuple[int, str]:
        """`platygen diff ARGS` in the project: exit code and stdout."""
        result = CliRunner().invoke(main, ["--root", str(self.root), "diff", *args], catch_exceptions=False)
        return result.exit_code, result.stdout

    def changes(self, *args: str) -> list[dict[str, object]]:
        code, out = self.run("--format", "json", "--fail-on", "never", *args)
        assert code == 0, out
        return json.loads(out)["changes"]  # type: ignore[no-any-return]
