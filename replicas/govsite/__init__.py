"""Shared parts of the government site replicas (gov_trs, gov_hanweb, gov_gkmlpt)."""
