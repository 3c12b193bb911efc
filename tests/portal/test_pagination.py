"""One pagination include for every paged list (templates/includes/pagination.html)."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def test_the_page_links_keep_the_visitors_search_and_filters(rf):
    request = rf.get("/goslar/network/", {"kind": "association", "q": "AWO", "page": "2"})
    page = Paginator(range(100), 30).get_page(2)

    html = render_to_string("includes/pagination.html", {"page": page}, request=request)

    assert 'href="?kind=association&amp;q=AWO&amp;page=1"' in html
    assert 'href="?kind=association&amp;q=AWO&amp;page=3"' in html
    assert 'aria-current="page"' in html


def test_a_single_page_shows_no_pagination(rf):
    page = Paginator(range(10), 30).get_page(1)

    html = render_to_string("includes/pagination.html", {"page": page}, request=rf.get("/"))

    assert html.strip() == ""
