"""A local Trino 476 server for the `trino` target: fetched from Maven Central, configured, started, stopped.

Trino stands in for Athena (engine v3 is a Trino engine): a Hive catalog over the landing folder for the raw
tables (OpenX JSON and text tables with partition projection, as on Athena) and an Iceberg catalog for the
models, both on the local file system with file metastores. Single node, coordinator only, 127.0.0.1 only.

    connect-lake trino fetch                 # download once into the cache (~800 MB)
    connect-lake trino start --state data/trino
    connect-lake trino stop --state data/trino
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import tarfile
import time
import urllib.request
import zipfile
from pathlib import Path

TRINO_VERSION = "476"
MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2/io/trino"
# Trino 476 needs a JDK 24 or newer; 25 is the one this machine ships beside the default 17.
MIN_JAVA = 24
HEAP = "4G"
CONNECTORS = ("hive", "iceberg")


def cache_dir() -> Path:
    """Where downloads and the unpacked server are kept between runs (outside the repo)."""
    base = os.environ.get("CONNECT_LAKE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")), "connect_lake"
    )
    return Path(base) / "trino"


def _artifacts() -> list[tuple[str, str]]:
    """(artifact id, file name) of what a server needs: the core tarball and one zip per connector."""
    core = ("trino-server-core", f"trino-server-core-{TRINO_VERSION}.tar.gz")
    return [core, *((f"trino-{c}", f"trino-{c}-{TRINO_VERSION}.zip") for c in CONNECTORS)]


def _download(url: str, target: Path) -> None:
    """Download `url` to `target`, checked against Maven Central's published SHA-1."""
    with urllib.request.urlopen(url + ".sha1", timeout=60) as response:
        expected = response.read().decode().split()[0].strip()
    partial = target.with_suffix(target.suffix + ".part")
    digest = hashlib.sha1()
    with urllib.request.urlopen(url, timeout=60) as response, partial.open("wb") as out:
        while chunk := response.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != expected:
        partial.unlink()
        raise SystemExit(f"trino fetch: {url} does not match its SHA-1 ({digest.hexdigest()} != {expected})")
    partial.rename(target)


def fetch() -> Path:
    """The unpacked server (core + connector plugins), downloading and unpacking only what is missing."""
    cache = cache_dir()
    server = cache / f"trino-server-{TRINO_VERSION}"
    if (server / ".complete").exists():
        return server
    cache.mkdir(parents=True, exist_ok=True)
    for artifact, name in _artifacts():
        if not (cache / name).exists():
            print(f"trino fetch: downloading {name} from Maven Central", flush=True)
            _download(f"{MAVEN_CENTRAL}/{artifact}/{TRINO_VERSION}/{name}", cache / name)
    shutil.rmtree(server, ignore_errors=True)
    unpacking = cache / "unpacking"
    shutil.rmtree(unpacking, ignore_errors=True)
    with tarfile.open(cache / f"trino-server-core-{TRINO_VERSION}.tar.gz") as tar:
        tar.extractall(unpacking, filter="tar")
    (root,) = unpacking.iterdir()
    for connector in CONNECTORS:
        with zipfile.ZipFile(cache / f"trino-{connector}-{TRINO_VERSION}.zip") as archive:
            archive.extractall(unpacking / "plugin-zip")
        (unpacked,) = (unpacking / "plugin-zip").iterdir()
        unpacked.rename(root / "plugin" / connector)
    # zipfile drops the execute bits the launcher needs
    for launcher in (root / "bin").rglob("*"):
        if launcher.is_file():
            launcher.chmod(0o755)
    root.rename(server)
    shutil.rmtree(unpacking)
    (server / ".complete").touch()
    return server


def _java_major(java: Path) -> int:
    out = subprocess.run([str(java), "-version"], capture_output=True, text=True).stderr
    version = out.split('"')[1] if '"' in out else "0"
    return int(version.split(".")[0])


def find_java_home() -> Path:
    """A JDK >= 24: CONNECT_LAKE_TRINO_JAVA_HOME, else JAVA_HOME, else the newest under /usr/lib/jvm."""
    candidates = [os.environ.get("CONNECT_LAKE_TRINO_JAVA_HOME"), os.environ.get("JAVA_HOME")]
    jvm = Path("/usr/lib/jvm")
    if jvm.is_dir():
        candidates += [str(p) for p in sorted(jvm.iterdir(), reverse=True)]
    for home in filter(None, candidates):
        java = Path(home) / "bin" / "java"
        if java.exists() and _java_major(java) >= MIN_JAVA:
            return Path(home)
    raise SystemExit(
        f"trino: Trino {TRINO_VERSION} needs a JDK {MIN_JAVA} or newer and none was found "
        "(set CONNECT_LAKE_TRINO_JAVA_HOME to one, e.g. a Temurin 25 JDK)"
    )


def write_config(state: Path, port: int) -> Path:
    """The server's etc/ folder under `state`: node, JVM, server and the two catalogs."""
    etc = state / "etc"
    (etc / "catalog").mkdir(parents=True, exist_ok=True)
    for folder in ("data", "hive_metastore", "iceberg_metastore", "warehouse"):
        (state / folder).mkdir(exist_ok=True)
    files = {
        "node.properties": [
            "node.environment=connect_lake",
            "node.id=connect-lake-local",
            f"node.data-dir={state / 'data'}",
            "node.bind-ip=127.0.0.1",
            "node.internal-address=127.0.0.1",
        ],
        "jvm.config": [
            "-server",
            f"-Xmx{HEAP}",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseG1GC",
            "-Djdk.attach.allowAttachSelf=true",
        ],
        "config.properties": [
            "coordinator=true",
            "node-scheduler.include-coordinator=true",
            f"http-server.http.port={port}",
            f"discovery.uri=http://127.0.0.1:{port}",
            "query.max-memory=2GB",
            "query.max-memory-per-node=2GB",
        ],
        "log.properties": ["io.trino=WARN"],
        # The raw layer, as Athena's Glue tables over S3: external tables over the landing folder. Every
        # absolute path is reachable as local:///<path>.
        "catalog/hive.properties": [
            "connector.name=hive",
            "hive.metastore=file",
            f"hive.metastore.catalog.dir=local://{state / 'hive_metastore'}",
            "fs.native-local.enabled=true",
            "local.location=/",
            # projected partitions whose folder does not exist (hours with no object) read as empty
            "hive.ignore-absent-partitions=true",
            "hive.non-managed-table-writes-enabled=false",
        ],
        # The models, as Athena's Iceberg tables: parquet, zstd
        "catalog/iceberg.properties": [
            "connector.name=iceberg",
            "iceberg.catalog.type=TESTING_FILE_METASTORE",
            f"hive.metastore.catalog.dir=local://{state / 'iceberg_metastore'}",
            "fs.native-local.enabled=true",
            "local.location=/",
            "iceberg.file-format=PARQUET",
            "iceberg.compression-codec=ZSTD",
        ],
    }
    for name, lines in files.items():
        (etc / name).write_text("\n".join(lines) + "\n")
    return etc


def _pid_file(state: Path) -> Path:
    return state / "trino.pid"


def _running_pid(state: Path) -> int | None:
    try:
        pid = int(_pid_file(state).read_text())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None
    return pid


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/info", timeout=5) as response:
            return b'"starting":false' in response.read().replace(b" ", b"")
    except OSError:
        return False


def start(state: Path, port: int, timeout_s: int = 240) -> int:
    """Start the server in the background and wait until it answers; returns its PID."""
    state = state.resolve()
    state.mkdir(parents=True, exist_ok=True)
    if (pid := _running_pid(state)) is not None:
        if _answers(port):
            print(f"trino: already running (pid {pid}) on 127.0.0.1:{port}")
            return pid
        raise SystemExit(f"trino: pid {pid} from {_pid_file(state)} runs but does not answer on port {port}")
    server = fetch()
    java_home = find_java_home()
    etc = write_config(state, port)
    log = state / "server.out"
    env = {**os.environ, "JAVA_HOME": str(java_home), "PATH": f"{java_home / 'bin'}:{os.environ['PATH']}"}
    started = time.monotonic()
    with log.open("wb") as out:
        # `launcher run` replaces itself with the JVM, so the PID kept is the server's
        process = subprocess.Popen(
            [str(server / "bin" / "launcher"), "run", f"--etc-dir={etc}", f"--data-dir={state / 'data'}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    _pid_file(state).write_text(str(process.pid))
    while time.monotonic() - started < timeout_s:
        if process.poll() is not None:
            break
        if _answers(port):
            print(f"trino: started in {time.monotonic() - started:.0f} s (pid {process.pid}, 127.0.0.1:{port})")
            return process.pid
        time.sleep(1)
    stop(state)
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-40:])
    raise SystemExit(f"trino: the server did not answer within {timeout_s} s. Last lines of {log}:\n{tail}")


def stop(state: Path, grace_s: int = 30) -> None:
    """Stop the server started under `state`, by its PID: TERM, then KILL after `grace_s`."""
    state = state.resolve()
    pid = _running_pid(state)
    if pid is None:
        _pid_file(state).unlink(missing_ok=True)
        return
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline and _running_pid(state) is not None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.5)
    if _running_pid(state) is not None:
        os.killpg(pid, signal.SIGKILL)
    _pid_file(state).unlink(missing_ok=True)
    print(f"trino: stopped (pid {pid})")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "trino",
        help="fetch, start or stop the local Trino server of the trino target",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", choices=["fetch", "start", "stop"])
    p.add_argument(
        "--state",
        type=Path,
        default=Path(os.environ.get("CONNECT_LAKE_TRINO_STATE", "data/trino")),
        help="the server's folder: configuration, metastores, warehouse, log (env CONNECT_LAKE_TRINO_STATE)",
    )
    p.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("CONNECT_LAKE_TRINO_PORT", "18080")),
        help="HTTP port on 127.0.0.1 (env CONNECT_LAKE_TRINO_PORT)",
    )
    p.add_argument("--timeout", type=int, default=240, help="seconds to wait for the server to answer")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.action == "fetch":
        print(f"trino: server at {fetch()}")
    elif args.action == "start":
        start(args.state, args.port, args.timeout)
    else:
        stop(args.state)
    return 0
