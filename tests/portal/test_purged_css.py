"""The pages load a Bootstrap cut down to the rules they can use (the speed issue's page weight).

static/css/bootstrap.purged*.css are made from the vendored Bootstrap by `manage.py purge_css`;
they must be what the command makes from the templates, code and scripts as they are now.
"""

from __future__ import annotations

from django.conf import settings

from portal.lib.css_purge import PAIRS, purge, purged_files

SAMPLE = (
    '@charset "UTF-8";/*! licence */:root{--bs-blue:#0d6efd}body{margin:0}[hidden]{display:none}'
    ".btn{padding:1px}.carousel{position:relative}.btn-check:checked+.btn,.carousel .btn{color:red}"
    ":not(.btn-check)+.btn:active{color:blue}"
    "@media (min-width:768px){.col-md-6{width:50%}.col-md-7{width:58%}}"
    "@media print{.carousel-item{display:none}}"
    ".spinner-border{animation:.75s linear infinite spinner-border}"
    "@keyframes spinner-border{to{transform:rotate(360deg)}}"
    "@keyframes progress-bar-stripes{0%{background-position-x:1rem}}"
)


def test_the_committed_purged_stylesheets_are_up_to_date():
    stale = [
        str(path.relative_to(settings.BASE_DIR))
        for path, css in purged_files(settings.BASE_DIR).items()
        if not path.exists() or path.read_text(encoding="utf-8") != css
    ]
    assert not stale, (
        f"{', '.join(stale)} no longer match the classes the templates and code use: "
        "run `.venv/bin/python manage.py purge_css` and commit the result"
    )


def test_the_purged_stylesheets_are_a_fraction_of_bootstrap():
    for pair in PAIRS:
        source = (settings.BASE_DIR / pair.source).stat().st_size
        assert (settings.BASE_DIR / pair.target).stat().st_size < source / 3


def test_rules_of_unused_classes_go_and_the_rest_stays():
    css = purge(SAMPLE, frozenset({"btn", "btn-check", "col-md-6", "spinner-border"}))
    assert css == (
        '@charset "UTF-8";/*! licence */:root{--bs-blue:#0d6efd}body{margin:0}'
        "[hidden]{display:none}.btn{padding:1px}.btn-check:checked+.btn{color:red}"
        ":not(.btn-check)+.btn:active{color:blue}"
        "@media (min-width:768px){.col-md-6{width:50%}}"
        ".spinner-border{animation:.75s linear infinite spinner-border}"
        "@keyframes spinner-border{to{transform:rotate(360deg)}}\n"
    )


def test_classes_scripts_add_at_run_time_are_kept():
    css = purge(
        ".collapse:not(.show){display:none}.collapsing{height:0}.htmx-request{}", frozenset()
    )
    assert ".collapsing{height:0}" in css
    assert ".htmx-request{}" in css
