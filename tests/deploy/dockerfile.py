"""Read the Dockerfile as Docker would (instructions, continuation lines, exec-form JSON) and replay the
parts a test can run without Docker: ENV, WORKDIR, COPY and the `pip install` steps, into a folder and a venv."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers import PROJECT

DOCKERFILE = PROJECT / "Dockerfile"


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order; comments dropped, `\\` continuations joined."""
    lines, current = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        current += line[:-1] + " " if line.endswith("\\") else line
        if not line.endswith("\\"):
            lines.append(current)
            current = ""
    return [(word.upper(), rest.strip()) for word, _, rest in (line.partition(" ") for line in lines)]


def exec_form(arguments: str) -> list[str]:
    """`["python", "-m", "bot", "run"]` → the list (what CMD and HEALTHCHECK CMD run)."""
    return json.loads(arguments)


@dataclass
class Image:
    """The replayed image: its root folder, environment and the RUN steps it could not run here."""

    root: Path
    venv: Path
    env: dict[str, str] = field(default_factory=dict)
    workdir: Path | None = None
    skipped: list[str] = field(default_factory=list)

    def path(self, inside: str) -> Path:
        """A path in the image (e.g. /app/data) as a path under the replay's root."""
        base = self.workdir or self.root
        return self.root / inside.lstrip("/") if inside.startswith("/") else base / inside

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def run_env(self) -> dict[str, str]:
        """The image's environment with its paths moved under the root (pip keeps the machine's cache)."""
        moved = {k: str(self.path(v)) if v.startswith("/") else v for k, v in self.env.items()}
        moved.pop("PIP_NO_CACHE_DIR", None)
        return {"PATH": f"{self.venv / 'bin'}:/usr/bin:/bin", "HOME": str(self.root), **moved}


def replay(root: Path) -> Image:
    """Build the Dockerfile's files and install steps into `root` with a fresh venv in place of the image's Python."""
    image = Image(root, root / "venv")
    subprocess.run([sys.executable, "-m", "venv", str(image.venv)], check=True)
    for instruction, arguments in instructions(DOCKERFILE.read_text(encoding="utf-8")):
        if instruction == "ENV":
            image.env |= dict(pair.split("=", 1) for pair in shlex.split(arguments))
        elif instruction == "WORKDIR":
            image.workdir = image.path(arguments)
            image.workdir.mkdir(parents=True, exist_ok=True)
        elif instruction == "COPY":
            *sources, target = shlex.split(arguments)
            for source in sources:
                _copy(PROJECT / source, image.path(target), many=len(sources) > 1 or target.endswith("/"))
        elif instruction == "RUN" and arguments.startswith("pip install"):
            command = [str(image.python), "-m", *shlex.split(arguments)]
            subprocess.run(command, cwd=image.workdir, env=image.run_env(), check=True, capture_output=True)
        elif instruction == "RUN":
            image.skipped.append(arguments)  # system set-up (a user, folder owners): needs root in an image
    return image


def _copy(source: Path, target: Path, *, many: bool) -> None:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        destination = target / source.name if many or target.is_dir() else target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
