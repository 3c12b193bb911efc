"""A table that may scroll inside its box must be reachable by keyboard (WCAG 2.1.1): public
pages load static/js/scroll-regions.js only where they say so, so every public template with a
scrolling table box says so (the back-office gets every script)."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Includes (their pages load the script), and pages only signed-in people see.
EXEMPT = {"networks/includes/diff.html", "allauth/elements/table.html"}


def test_every_public_page_with_a_scrolling_table_loads_the_script_that_makes_it_focusable():
    missing = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if "table-responsive" in path.read_text()
        and "/staff/" not in f"/{path.relative_to(TEMPLATES)}"
        and str(path.relative_to(TEMPLATES)) not in EXEMPT
        and "tables_script" not in path.read_text()
    ]
    assert missing == []
