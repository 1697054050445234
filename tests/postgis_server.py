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

    def new_database(self, copy_of: str | None = None) -> str:
        """A fresh database with the migrated schema (or a copy of the database at URL ``copy_of``); its URL.

        A database being copied must have no open connection (close its store first).
        """
        name = f"t{os.getpid()}_{next(self._counter)}"
        template = _dbname(copy_of) if copy_of else TEMPLATE_DB
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{_dbname(url)}" WITH (FORCE)')

    def stop(self) -> None:
        if self.root.exists():
            _pg(self._run_as, "pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop", check=False)
            shutil.rmtree(self.root, ignore_errors=True)


def _dbname(url: str) -> str:
    return url.split("/", 3)[3].split("?", 1)[0]


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


@pytest.fixture(scope="session", params=backend_params())
def backend(request: pytest.FixtureRequest) -> str:
    """Each backend of $FRONTWATCH_TEST_BACKENDS in turn, for session-scoped stores (``new_target``)."""
    return str(request.param)


@pytest.fixture(scope="session")
def new_target(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A factory ``new_target(backend, copy_of=None)``: a fresh empty store target (a DuckDB file path
    or a PostGIS URL) as a string, or a copy of the target ``copy_of`` (whose store must be closed)."""

    def make(backend: str, copy_of: str | None = None) -> str:
        if backend == "postgis":
            return request.getfixturevalue("postgis_server").new_database(copy_of)
        path = tmp_path_factory.mktemp("store") / "store.duckdb"
        if copy_of:
            path.write_bytes(Path(copy_of).read_bytes())
        return str(path)

    return make
