import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project root (cleaners, crawler, replicas) and the shared test helpers (tests/support).
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "support")]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"

from redis_server import redis_url  # noqa: E402,F401  - the `redis_url` fixture (a real redis-server)
