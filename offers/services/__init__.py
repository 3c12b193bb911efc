"""Multi-step writes of the offers app (keyword-only functions, transactions, mail after commit).

Split by workflow: ``directory`` (offers, providers, the search index), ``changes`` (change
requests and provider edits), ``rounds`` (the annual update round), ``imports``.
"""
