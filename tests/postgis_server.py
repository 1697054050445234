"""A throwaway PostgreSQL/PostGIS cluster for the tests, started from Debian's packages.

One cluster per test session (``initdb`` + ``pg_ctl`` on a temporary folder, listening only on a
private unix socket so parallel runs never fight over a port), torn down at the end. Each test gets
its own database, copied from a template that already holds the PostGIS extension and the migrated
schema (``CREATE DATABASE ... TEMPLATE``: tens of milliseconds instead of a fresh migration).

The binaries come from ``postgresql`` and ``postgresql-15-postgis-3`` (``make system-deps``). Without
them the PostGIS tests are skipped with the reason, except under ``CI=true``, where they fail.
PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` system user.
"""

from __future__ import annotations

import atexit
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: Where Debian's postgresql-15 puts the server programs; override with $FRONTWATCH_PG_BIN.
PG_BIN = Path(os.environ.get("FRONTWATCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
#: Debian's package for the PostGIS extension files (checked so a missing one is named).
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
TEMPLATE_DB = "frontwatch_template"


def binaries_present() -> bool:
    """Whether the server programs and the PostGIS extension are installed."""
    return (PG_BIN / "initdb").exists() and (PG_BIN / "pg_ctl").exists() and POSTGIS_CONTROL.exists()


def test_backends() -> list[str]:
    """The backends the shared ``store`` fixture runs on: $FRONTWATCH_TEST_BACKENDS or the installed ones."""
    default = "duckdb,postgis" if binaries_present() or os.environ.get("CI") else "duckdb"
    chosen = [b.strip() for b in os.environ.get("FRONTWATCH_TEST_BACKENDS", default).split(",") if b.strip()]
    unknown = set(chosen) - {"duckdb", "postgis"}
    if unknown:
        raise pytest.UsageError(f"FRONTWATCH_TEST_BACKENDS names {sorted(unknown)}; expected duckdb and/or postgis")
    return chosen


test_backends.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def backend_params() -> list[Any]:
    """``test_backends()`` as fixture params; the PostGIS one carries the ``postgis`` mark (``-m "not postgis"``)."""
    return [pytest.param(b, marks=[pytest.mark.postgis] if b == "postgis" else []) for b in test_backends()]


class PostGISServer:
    """A running throwaway cluster; ``new_database()`` hands out fresh migrated databases."""

    def __init__(self, root: Path, socket_dir: Path, port: int, user: str | None) -> None:
        self.root, self.socket_dir, self.port, self._run_as = root, socket_dir, port, user
        self._counter = itertools.count()

    def url(self, dbname: str) -> str:
        """A postgresql:// URL for ``dbname`` over the private unix socket."""
        return f"postgresql://postgres@/{dbname}?host={self.socket_dir}&port={self.port}"

    def admin(self, sql: str) -> None:
        """Run one statement in the ``postgres`` database (outside a transaction, as CREATE DATABASE needs)."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)

    def new_database(self) -> str:
        """A fresh database with the migrated schema; returns its URL."""
        name = f"t{os.getpid()}_{next(self._counter)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE_DB} STRATEGY FILE_COPY')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.split("/", 3)[3].split("?", 1)[0]
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.root.exists():
            _pg(self._run_as, "pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop", check=False)
            shutil.rmtree(self.root, ignore_errors=True)


def _pg(user: str | None, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL server program, as ``user`` when given (root cannot run them)."""
    cmd = [str(PG_BIN / program), *args]
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if check and done.returncode:
        raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    return done


def start_server() -> PostGISServer:
    """initdb a temporary cluster, start it on a private socket, build the template database."""
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root, but there is no 'postgres' user to run the server as") from exc
        run_as = "postgres"
    root = Path(tempfile.mkdtemp(prefix="frontwatch-pg-"))
    if run_as:
        shutil.chown(root, user=run_as)
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if run_as:
        shutil.chown(sockets, user=run_as)
    port = 5432 + os.getpid() % 10000  # only names the socket file; nothing listens on TCP
    server = PostGISServer(root, sockets, port, run_as)
    atexit.register(server.stop)  # also when the session dies before the fixture's teardown
    _pg(run_as, "initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    options = (f"-c listen_addresses='' -k {sockets} -p {port} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=200")
    _pg(run_as, "pg_ctl", "-D", str(data), "-l", str(root / "server.log"), "-o", options, "-w", "-t", "60", "start")
    server.admin(f"CREATE DATABASE {TEMPLATE_DB}")
    from frontwatch.store import open_store  # creates the extension and migrates

    open_store(server.url(TEMPLATE_DB)).close()
    return server


@pytest.fixture(scope="session")
def postgis_server() -> Iterator[PostGISServer]:
    """The session's throwaway PostGIS cluster (skipped without the binaries, failing under CI)."""
    if not binaries_present():
        reason = (f"PostgreSQL/PostGIS binaries not found ({PG_BIN}/initdb, {POSTGIS_CONTROL}): "
                  "install postgresql and postgresql-15-postgis-3 (make system-deps)")
        if os.environ.get("CI"):
            pytest.fail("CI needs " + reason)
        pytest.skip(reason)
    server = start_server()
    yield server
    server.stop()
