"""Reads of the offers app that are more than a filter: search with facets, coverage, open data."""
