"""Interface strings in Indonesian (the default) and English.

The language comes from ``?lang=id|en`` (remembered in a cookie), else the cookie, else the
Accept-Language header, else Indonesian. A missing key falls back to English, then to the key.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

LANGUAGES = ("id", "en")
DEFAULT = "id"
COOKIE = "kabar_lang"

STRINGS: dict[str, dict[str, str]] = {
    "id": {
        "site": "kabar",
        "tagline": "pelacak peristiwa berita Indonesia",
        "search": "Cari",
        "articles": "Artikel",
        "stories": "Cerita",
        "threads": "Utas",
        "actors": "Aktor",
        "quotes": "Kutipan",
        "events": "Peristiwa",
        "outlets": "Media",
        "coverage": "Liputan media",
        "api_docs": "Dokumentasi API",
        "search_placeholder": 'kata, "frasa persis", awalan*, AND / OR / NOT',
        "all": "semua",
        "filters": "Saring",
        "clear": "hapus saringan",
        "results": "hasil",
        "no_results": "Tidak ada hasil.",
        "more_than": "lebih dari",
        "next": "Berikutnya",
        "previous": "Sebelumnya",
        "outlet": "Media",
        "month": "Bulan",
        "actor": "Aktor",
        "category": "Kategori",
        "date": "Tanggal",
        "since": "Sejak",
        "until": "Sampai",
        "language": "Bahasa",
        "sort": "Urutan",
        "relevance": "relevansi",
        "newest": "terbaru",
        "oldest": "terlama",
        "added": "terakhir disimpan",
        "apply": "Terapkan",
        "facets_sample": "Ringkasan dihitung dari {n} hasil terbaru.",
        "order_relevance_recent": "Kueri ini cocok dengan banyak artikel: diurutkan menurut relevansi"
        " di antara {n} artikel terbaru.",
        "order_added": "Kueri luas dengan saringan: ditampilkan yang terakhir disimpan lebih dulu.",
        "download": "Unduh",
        "published": "Terbit",
        "story": "Cerita",
        "thread": "Utas",
        "source": "Sumber",
        "url": "Tautan asli",
        "byline": "Penulis",
        "speaker": "Pembicara",
        "cue": "Kata kerja",
        "via": "Dikutip dari",
        "unknown_speaker": "pembicara tak dikenal",
        "layers": "Tampilkan",
        "as_source": "sebagai sumber",
        "as_target": "sebagai sasaran",
        "co_actors": "Aktor yang muncul bersama",
        "dyads": "Diad",
        "network": "Jaringan",
        "aliases": "Nama lain",
        "codes": "Kode",
        "mentions": "sebutan",
        "timeline": "Linimasa",
        "first_reported": "Pertama memberitakan",
        "lag": "Selisih (jam)",
        "first_reports": "Pertama memberitakan",
        "median_lag": "Median selisih (jam)",
        "status": "Status",
        "target": "Sasaran",
        "sentence": "Kalimat",
        "kind": "Jenis",
        "text": "Teks",
        "count": "Jumlah",
        "entities": "Entitas",
        "article_count": "artikel",
        "outlet_count": "media",
        "reported_by": "Diberitakan oleh",
        "view_json": "JSON",
        "not_found": "Tidak ditemukan",
        "error": "Galat",
        "back_home": "Kembali ke pencarian",
        "all_quotes": "Semua kutipan",
        "all_events": "Semua peristiwa",
        "events_over_time": "Peristiwa dari waktu ke waktu",
        "first": "Pertama",
        "last": "Terakhir",
        "stories_count": "cerita",
        "label": "Label",
        "title": "Judul",
        "highlight_legend": "Sorotan: kutipan, aktor, kalimat peristiwa.",
        "parameters": "Parameter",
        "responses": "Tanggapan",
        "required": "wajib",
        "default": "bawaan",
        "docs_intro": "Semua daftar juga tersedia sebagai CSV dan JSONL"
        " (format=csv|jsonl atau akhiran .csv/.jsonl) tanpa batas baris. Setiap halaman juga tersedia sebagai"
        " JSON (akhiran .json).",
        "openapi": "Spesifikasi OpenAPI",
        "duplicate_of": "Duplikat dari",
        "sampled_articles": "dari {n} artikel terbaru",
        "confidence": "Keyakinan",
        "canonical_quotes": "Kutipan kanonik",
        "repeated": "diulang",
        "mode": "Mode",
    },
    "en": {
        "site": "kabar",
        "tagline": "Indonesian news event tracker",
        "search": "Search",
        "articles": "Articles",
        "stories": "Stories",
        "threads": "Threads",
        "actors": "Actors",
        "quotes": "Quotes",
        "events": "Events",
        "outlets": "Outlets",
        "coverage": "Outlet coverage",
        "api_docs": "API docs",
        "search_placeholder": 'words, "exact phrase", prefix*, AND / OR / NOT',
        "all": "all",
        "filters": "Filter",
        "clear": "clear filters",
        "results": "results",
        "no_results": "No results.",
        "more_than": "more than",
        "next": "Next",
        "previous": "Previous",
        "outlet": "Outlet",
        "month": "Month",
        "actor": "Actor",
        "category": "Category",
        "date": "Date",
        "since": "Since",
        "until": "Until",
        "language": "Language",
        "sort": "Order",
        "relevance": "relevance",
        "newest": "newest",
        "oldest": "oldest",
        "added": "recently stored",
        "apply": "Apply",
        "facets_sample": "Facets counted over the {n} newest matches.",
        "order_relevance_recent": "This query matches many articles: ranked by relevance among the {n}"
        " most recently stored.",
        "order_added": "Broad query with filters: most recently stored first.",
        "download": "Download",
        "published": "Published",
        "story": "Story",
        "thread": "Thread",
        "source": "Source",
        "url": "Original link",
        "byline": "Byline",
        "speaker": "Speaker",
        "cue": "Cue",
        "via": "Via",
        "unknown_speaker": "unknown speaker",
        "layers": "Show",
        "as_source": "as source",
        "as_target": "as target",
        "co_actors": "Co-occurring actors",
        "dyads": "Dyads",
        "network": "Network",
        "aliases": "Aliases",
        "codes": "Codes",
        "mentions": "mentions",
        "timeline": "Timeline",
        "first_reported": "First reported",
        "lag": "Lag (hours)",
        "first_reports": "First to report",
        "median_lag": "Median lag (hours)",
        "status": "Status",
        "target": "Target",
        "sentence": "Sentence",
        "kind": "Kind",
        "text": "Text",
        "count": "Count",
        "entities": "Entities",
        "article_count": "articles",
        "outlet_count": "outlets",
        "reported_by": "Reported by",
        "view_json": "JSON",
        "not_found": "Not found",
        "error": "Error",
        "back_home": "Back to search",
        "all_quotes": "All quotes",
        "all_events": "All events",
        "events_over_time": "Events over time",
        "first": "First",
        "last": "Last",
        "stories_count": "stories",
        "label": "Label",
        "title": "Title",
        "highlight_legend": "Highlights: quotes, actors, event sentences.",
        "parameters": "Parameters",
        "responses": "Responses",
        "required": "required",
        "default": "default",
        "docs_intro": "Every list also streams as CSV and JSONL"
        " (format=csv|jsonl or a .csv/.jsonl suffix) with no row cap. Every page is also available as JSON"
        " (.json suffix).",
        "openapi": "OpenAPI specification",
        "duplicate_of": "Duplicate of",
        "sampled_articles": "over the {n} most recent articles",
        "confidence": "Confidence",
        "canonical_quotes": "Canonical quotes",
        "repeated": "repeated",
        "mode": "Mode",
    },
}

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "id": {
        "AGREE": "sepakat",
        "CONSULT": "berunding",
        "SUPPORT": "mendukung",
        "CONCEDE": "mengalah",
        "COOPERATE": "bekerja sama",
        "AID": "membantu",
        "RETREAT": "mundur",
        "REQUEST": "meminta",
        "ACCUSE": "menuduh",
        "REJECT": "menolak",
        "THREATEN": "mengancam",
        "PROTEST": "memprotes",
        "SANCTION": "menyanksi",
        "MOBILIZE": "memobilisasi",
        "COERCE": "memaksa",
        "ASSAULT": "menyerang",
    },
    "en": {
        "AGREE": "agree",
        "CONSULT": "consult",
        "SUPPORT": "support",
        "CONCEDE": "concede",
        "COOPERATE": "cooperate",
        "AID": "aid",
        "RETREAT": "retreat",
        "REQUEST": "request",
        "ACCUSE": "accuse",
        "REJECT": "reject",
        "THREATEN": "threaten",
        "PROTEST": "protest",
        "SANCTION": "sanction",
        "MOBILIZE": "mobilize",
        "COERCE": "coerce",
        "ASSAULT": "assault",
    },
}


def pick_language(request: Request) -> str:
    """The interface language for this request."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    cookie = request.cookies.get(COOKIE)
    if cookie in LANGUAGES:
        return cookie
    return _from_accept(request.headers.get("accept-language", ""))


def _from_accept(header: str) -> str:
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = tag.split("-")[0].lower()
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, i, primary))
    return min(ranked)[2] if ranked else DEFAULT


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **values)``: the string in ``lang`` with ``{name}`` fields filled."""
    table, fallback = STRINGS[lang], STRINGS["en"]

    def t(key: str, **values: object) -> str:
        text = table.get(key) or fallback.get(key) or key
        return text.format(**values) if values else text

    return t


def category_label(lang: str, category: str) -> str:
    return CATEGORY_LABELS[lang].get(category, category.lower())
