"""A real redis-server for the tests: started on a free 127.0.0.1 port in a temporary folder,
without persistence (`--save ""`, no AOF), and stopped afterwards.

    def test_x(redis_url): ...        # the fixture, registered in tests/conftest.py
    def test_y(redis_server): ...     # the server itself: kill() it, start() it again on its port

`RedisServer(folder, persistent=True)` writes every command to an append-only file before it
answers (appendfsync always), so a server killed and started again holds all it had answered.

The Debian package `redis-server` provides the binary (.ci/run installs it); the tests that
need it are skipped with a clear reason where it is missing.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

START_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """One redis-server process of the tests."""

    def __init__(self, folder: Path, persistent: bool = False) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.skip("redis-server is not installed (Debian package redis-server; .ci/run installs it)")
        self.folder, self.persistent = folder, persistent
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self) -> None:
        """Start (again: on the same port and folder, with what its append-only file holds)."""
        persistence = ["--appendonly", "yes", "--appendfsync", "always"] if self.persistent else ["--appendonly", "no"]
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder), "--save", "",
             *persistence, "--protected-mode", "yes", "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_until_up()

    def kill(self) -> None:
        """SIGKILL, as a crash or an OOM kill would: no goodbye to the clients."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on port {self.port} within {START_TIMEOUT}s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def redis_server(tmp_path_factory):
    """A fresh persistent redis-server (a test may kill and start it again), stopped after the test."""
    server = RedisServer(tmp_path_factory.mktemp("redis"), persistent=True)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_url(tmp_path_factory):
    """The URL of a fresh redis-server, stopped after the test."""
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    try:
        yield server.url
    finally:
        server.stop()
