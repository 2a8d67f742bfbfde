"""Scrapy extensions: run summary, WARC archive, start-up heap."""
