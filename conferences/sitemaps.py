"""Sitemap sections of this app (added to /sitemap.xml by portal.sitemaps)."""

SITEMAPS: dict = {}
