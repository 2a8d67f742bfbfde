"""Scrapy commands of this project (COMMANDS_MODULE): `crawl` with the run's health as exit code."""
