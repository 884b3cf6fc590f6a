"""The guard every browser test uses really notices requests that leave 127.0.0.1."""

from __future__ import annotations

import pytest

THIRD_PARTY = [
    '<script src="https://cdn.example.com/analytics.js"></script>',
    '<link rel="stylesheet" href="https://fonts.example.com/css?family=Inter">',
    '<img src="//tracker.example.net/pixel.gif" alt="">',
]


@pytest.mark.parametrize("tag", THIRD_PARTY, ids=["script", "font", "image"])
def test_guard_catches_a_third_party_request(context, page, guard, base_url, tag):
    url = f"{base_url}/ru/index.html"

    def with_tag(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</head>", f"{tag}</head>"))

    page.route(url, with_tag)
    page.goto(url)
    with pytest.raises(AssertionError, match="requests left 127.0.0.1"):
        guard.assert_clean()
