import sys

from cleaners.cli import main

sys.exit(main())
