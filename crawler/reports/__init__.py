"""Run reports: what a crawl run did, whether it was healthy, and pages to look at.

figures.py turns Scrapy stats and what the run-health extension observed into one
section per crawled site; health.py judges a report; svg.py and html.py draw it
(pure functions, no I/O); runs.py keeps `OUT/runs/` (report.json, report.html,
index.json, index.html).
"""
