"""Local replicas of the document sites and their server (see README.md): a package, so that
the server and its data ship in the wheel/egg (pyproject.toml) beside the crawler."""
