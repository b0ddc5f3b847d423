"""A small news site on loopback for the collector's tests, written for kabar (no real articles)."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FURNITURE_TOP = "<nav><a href='/'>Beranda</a> <a href='/nasional'>Nasional</a></nav>"
FURNITURE_END = "<footer>Bagikan | Ikuti kami | Kirim Komentar</footer>"


def article(n: int) -> bytes:
    body = (
        f"<html><head><meta charset='utf-8'><title>Warga Desa {n} Gotong Royong Perbaiki Jembatan</title>"
        "</head><body>" + FURNITURE_TOP + f"<article><h1>Warga Desa {n} Gotong Royong Perbaiki Jembatan</h1>"
        f"<p>Jakarta, Contoh Warta - Ratusan warga Desa Sukamaju {n} bergotong royong memperbaiki jembatan "
        "kayu yang rusak diterjang banjir pada Senin (3/6/2024).</p>"
        "<p>Kepala desa mengatakan perbaikan itu selesai dalam dua hari berkat bantuan material dari "
        'pemerintah kabupaten.</p><p>"Jembatan ini satu-satunya akses anak-anak ke sekolah," '
        "kata kepala desa.</p></article>" + FURNITURE_END + "</body></html>"
    )
    return body.encode()


class NewsSite:
    """Serves feeds, a sitemap index, articles and the awkward cases; logs every request."""

    def __init__(self, articles: int = 6) -> None:
        self.articles = articles
        self.requests: Counter[str] = Counter()
        self.rate_limited_once = False
        self.lock = threading.Lock()
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> NewsSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def routes(self) -> dict[str, tuple[int, str, bytes, dict[str, str]]]:
        b = self.base
        items = "".join(f"<item><title>Berita {n}</title><link>{b}/berita/{n}?utm_source=rss</link>"
                        "<pubDate>Mon, 03 Jun 2024 10:00:00 +0700</pubDate></item>"
                        for n in range(1, self.articles // 2 + 1))  # fmt: skip
        rss = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Contoh</title>{items}"
               f"<item><link>{b}/private/rahasia</link></item>"
               f"<item><link>{b}/berita/429</link></item><item><link>{b}/lama/1</link></item>"
               f"<item><link>{b}/files/besar.bin</link></item><item><link>{b}/berita/lambat</link></item>"
               "</channel></rss>").encode()  # fmt: skip
        urls = "".join(
            f"<url><loc>{b}/berita/{n}</loc><news:news><news:publication_date>2024-06-03</news:publication_date>"
            f"<news:title>Berita {n}</news:title></news:news></url>"
            for n in range(self.articles // 2 + 1, self.articles + 1))  # fmt: skip
        news = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
                f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>{urls}</urlset>").encode()  # fmt: skip
        amp = ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
               f"<url><loc>{b}/berita/1/amp</loc></url></urlset>").encode()  # fmt: skip
        index = ("<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                 f"<sitemap><loc>{b}/sitemap-news.xml</loc></sitemap>"
                 f"<sitemap><loc>{b}/sitemap-amp.xml.gz</loc></sitemap></sitemapindex>").encode()  # fmt: skip
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}),
            "/rss.xml": (200, "application/rss+xml", rss, {"ETag": '"rss-v1"'}),
            "/sitemap-index.xml": (200, "application/xml", index, {"ETag": '"idx-v1"'}),
            "/sitemap-news.xml": (200, "application/xml", news, {"ETag": '"news-v1"'}),
            "/sitemap-amp.xml.gz": (200, "application/x-gzip", gzip.compress(amp), {"ETag": '"amp-v1"'}),
            "/files/besar.bin": (200, "application/octet-stream", b"\0" * 5_000_000, {}),
            "/lama/1": (301, "text/html", b"<a href='/lama/2'>pindah</a>", {"Location": "/lama/2"}),
            "/lama/2": (302, "text/html", b"", {"Location": f"{b}/berita/baru"}),
            "/berita/baru": (200, "text/html; charset=utf-8", article(99), {}),
        }
        for n in range(1, self.articles + 1):
            routes[f"/berita/{n}"] = (200, "text/html; charset=utf-8", article(n), {"ETag": f'"a{n}"'})
        return routes

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path
                with site.lock:
                    site.requests[path] += 1
                if path == "/berita/lambat":
                    time.sleep(3)
                if path == "/berita/429":
                    with site.lock:
                        first, site.rate_limited_once = not site.rate_limited_once, True
                    if first:
                        return self._send(429, "text/plain", b"pelan-pelan", {"Retry-After": "0"})
                    return self._send(200, "text/html; charset=utf-8", article(429), {})
                route = site.routes().get(path)
                if route is None:
                    return self._send(404, "text/plain", b"tidak ada", {})
                status, ctype, body, headers = route
                if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                    return self._send(304, ctype, b"", headers)
                self._send(status, ctype, body, headers)

            def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler
