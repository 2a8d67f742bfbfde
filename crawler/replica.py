"""The bundled replica server (replicas/server.py) in a thread of this process, for the demo
and for job files with `replica = true`: every request goes to it on 127.0.0.1."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# What a crawl of our own loopback server needs: no reason to wait between requests,
# nor to pause a host for long after one of its deliberate block pages.
REPLICA_SETTINGS = {"WENKU_POLITE": False, "WENKU_BLOCK_BACKOFF": 1.0}


def start_replica_server(config: dict | None = None):
    """The replica server in a daemon thread of this process: (server, 'host:port')."""
    sys.path.insert(0, str(REPO))
    try:
        from replicas.server import start
    except ImportError as exc:
        raise SystemExit(f"cannot import the replica server from {REPO}/replicas ({exc}); "
                         "run from a full checkout of the repository") from exc
    server, port = start(config=config)
    # Without TCP_NODELAY the server's header and body writes meet delayed ACKs: 40 ms per response.
    server.RequestHandlerClass.disable_nagle_algorithm = True
    return server, f"127.0.0.1:{port}"


def stop_replica_server(server) -> None:
    server.shutdown()
    server.server_close()
