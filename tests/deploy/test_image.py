"""The Docker image without Docker: its install step replayed from the lock into a fresh venv must give a bot
that passes `python -m bot check`; the Dockerfile and compose.yaml keep the promises docs/deploy.md makes."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from aiohttp import web
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.deploy.dockerfile import DOCKERFILE, exec_form, instructions, replay
from tests.helpers import PROJECT


def steps() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for instruction, arguments in instructions(DOCKERFILE.read_text(encoding="utf-8")):
        found.setdefault(instruction, []).append(arguments)
    return found


def pins(lock: Path) -> dict[str, str]:
    """name → pinned version, for this interpreter (a line's environment marker decides)."""
    found = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate():
                found[canonicalize_name(requirement.name)] = str(requirement.specifier).removeprefix("==")
    return found


@pytest.mark.timeout(900)
def test_the_image_install_step_from_the_lock_gives_a_bot_that_passes_check(tmp_path: Path) -> None:
    image = replay(tmp_path)
    assert image.skipped == [s for s in steps()["RUN"] if not s.startswith("pip install")]  # only system set-up
    check = subprocess.run(
        [str(image.python), "-m", "bot", "check"],
        cwd=image.workdir,
        env=image.run_env(),
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"ok   state: {image.path('/app/data/state.sqlite3')} (schema version" in check.stdout
    assert "1 document ok, 0 with errors" in check.stderr
    freeze = subprocess.run([str(image.python), "-m", "pip", "freeze"], capture_output=True, text=True, check=True)
    installed = {canonicalize_name(n): v for n, v in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", freeze.stdout, re.M)}
    locked = pins(PROJECT / "requirements.txt")
    assert {n: installed.get(n) for n in locked} == locked  # exactly the lock, not whatever is newest
    assert {"discord-py", "psycopg", "psycopg-pool"} <= locked.keys()


def test_the_dockerfile_is_slim_non_root_with_a_health_check_and_a_data_volume() -> None:
    found = steps()
    assert re.fullmatch(r"python:3\.1[1-9]-slim", found["FROM"][0])
    assert found["USER"] and found["USER"][-1] not in {"root", "0"}
    env = dict(pair.split("=", 1) for line in found["ENV"] for pair in line.split())
    assert found["VOLUME"] == [f'["{env["POLICYBOT_DATA"]}"]']
    health = found["HEALTHCHECK"][0]
    assert "/healthz" in health and health.index("CMD") > 0
    assert exec_form(found["CMD"][0]) == ["python", "-m", "bot", "run"]
    assert any("requirements.txt" in run for run in found["RUN"])  # installed from the lock
    ignored = (PROJECT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".env" in ignored and ".git" in ignored  # the token never goes into an image


def test_compose_runs_the_bot_on_the_data_volume_with_an_optional_postgres() -> None:
    compose = yaml.safe_load((PROJECT / "compose.yaml").read_text(encoding="utf-8"))
    bot, db = compose["services"]["bot"], compose["services"]["db"]
    env = dict(pair.split("=", 1) for line in steps()["ENV"] for pair in line.split())
    assert bot["build"] == "." and f"data:{env['POLICYBOT_DATA']}" in bot["volumes"]
    assert db["profiles"] == ["postgres"] and db["image"].startswith("postgres:")
    assert bot["depends_on"]["db"]["required"] is False  # without the profile the bot runs on SQLite
    assert set(compose["volumes"]) == {"data", "pgdata"}


@pytest.mark.parametrize(("status", "healthy"), [(200, True), (503, False)])
async def test_the_health_check_command_fails_until_the_bot_is_ready(status: int, healthy: bool) -> None:
    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({}, status=status)

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        health = steps()["HEALTHCHECK"][0]
        command = exec_form(health[health.index("CMD") + 3 :])
        proc = await asyncio.create_subprocess_exec(
            *command, env={"PORT": str(port), "PATH": str(Path(sys.executable).parent)}
        )
        assert (await asyncio.wait_for(proc.wait(), 30) == 0) is healthy
    finally:
        await runner.cleanup()


def test_the_lock_pins_every_dependency_and_the_readme_installs_from_it() -> None:

    meta = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = re.compile(r"^[A-Za-z0-9_.-]+")
    runtime = {name.match(d)[0].lower().replace("_", "-").replace(".", "-") for d in meta["dependencies"]}
    test = {name.match(d)[0].lower().replace("_", "-") for d in meta["optional-dependencies"]["test"]}
    assert runtime <= pins(PROJECT / "requirements.txt").keys()
    assert runtime | test <= pins(PROJECT / "requirements-test.txt").keys()
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "pip install -r requirements.txt -e . && python -m bot" in readme
    assert "pip install -r requirements-test.txt -e '.[test]' && python -m pytest" in readme
