"""Real headless Chromium against the built site, served on 127.0.0.1.

pytest-playwright's fixtures drive Debian's /usr/bin/chromium (see
`browser_type_launch_args` in conftest; Playwright's own browser download is
not used). The site is served by a small threaded HTTP server from the
session's build. Nothing here sleeps: each step waits for what the page shows.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PLACEHOLDERS = ("Nhập để bắt đầu tìm kiếm", "Đang chuẩn bị tìm kiếm", "")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free local port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search(page, query: str) -> list[dict[str, str]]:
    """Type `query` into the site's search box; return the results shown, in order.

    Each result: the page address (`href`, without the #section), its title
    and the text shown, with `marks` the highlighted words joined by "|", and
    whether it is a figure answer (`figure`).
    """
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on key events, not on fill()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim()"
        f" === {PLACEHOLDERS[0]!r} || !document.querySelector('.md-search-result__item')")
    box.fill(query)
    box.press("End")  # one key event: the whole query is searched once
    # Done when the count is shown and, unless it says there is nothing, the first results are listed.
    page.wait_for_function(
        """placeholders => {
          const meta = document.querySelector('.md-search-result__meta').textContent.trim()
          if (placeholders.includes(meta)) return false
          return meta.startsWith('Không') || document.querySelector('.md-search-result__item') !== null
        }""", arg=list(PLACEHOLDERS))
    return page.eval_on_selector_all(".md-search-result__item", """items => items.map(item => {
        const link = item.querySelector("a")
        return {
          href: new URL(link.href).pathname,
          title: (item.querySelector("h1, h2") || link).textContent.trim(),
          text: item.textContent.replace(/\\s+/g, " ").trim(),
          marks: [...item.querySelectorAll("mark")].map(m => m.textContent).join("|"),
          figure: item.classList.contains("tim-so-lieu__ket-qua"),
        }
      })""")
