"""A throwaway PostgreSQL server on 127.0.0.1 for the tests (Debian's `postgresql` package, or any `pg_ctl`).

    python -m tests.pgserver start DIR   # initdb + pg_ctl start in DIR; prints the server's URL
    python -m tests.pgserver stop DIR

CI (`.ci/run`) starts one and exports POLICYBOT_TEST_DATABASE_URL; without that variable the test fixture
starts its own the same way. As root (CI) the server runs as the `postgres` user, since initdb refuses root.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
from pathlib import Path

URL_FILE = "url"


class NoServer(RuntimeError):
    """PostgreSQL cannot be started here (not installed, or it failed: the message says which)."""


def bindir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    if not versions:
        raise NoServer("no PostgreSQL binaries (install them: apt-get install -y postgresql)")
    return versions[-1].parent


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(cmd: list[str]) -> None:
    done = subprocess.run(_as_server_user(cmd), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise NoServer(f"{' '.join(cmd[:2])} failed: {(done.stderr or done.stdout).strip()[-800:]}")


def start(root: Path) -> str:
    """Start a server whose files live in `root` (created); returns its URL. Idempotent for a running one."""
    root.mkdir(parents=True, exist_ok=True)
    if (root / URL_FILE).exists() and (root / "data" / "postmaster.pid").exists():
        return (root / URL_FILE).read_text().strip()
    bins = bindir()
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    if not (root / "data" / "PG_VERSION").exists():
        data = str(root / "data")
        _run([str(bins / "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"])
    port = _free_port()
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100"
    _run([str(bins / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"), "-o", options, "-w", "start"])
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    (root / URL_FILE).write_text(url)
    return url


def stop(root: Path) -> None:
    if (root / "data" / "postmaster.pid").exists():
        _run([str(bindir() / "pg_ctl"), "-D", str(root / "data"), "-m", "fast", "-w", "stop"])


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    try:
        print(start(folder)) if command == "start" else stop(folder)
    except NoServer as exc:
        sys.exit(f"PostgreSQL: {exc}")
