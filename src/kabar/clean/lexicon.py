"""Word lists the cleaner reads: page furniture (Indonesian and English), bylines, outlets.

Data only. Matching works on a *key*: the line lower-cased, with runs of spaces collapsed and
trailing ``:``/``|``/``»`` and spaces dropped. ``FURNITURE_LINES`` are whole-line keys;
``FURNITURE_PREFIXES`` are regexes tried at the start of a key (each names its reason).
"""

from __future__ import annotations

# Short function words: a line that has a few of them reads as running text, not a menu.
FUNCTION_WORDS = frozenset((  # noqa: SIM905
    "yang dan di ini itu dengan untuk dari ke pada dalam akan tidak juga oleh bahwa adalah "
    "karena atau saat sudah telah bisa agar namun tetapi tapi jika kami kita mereka dia ia "
    "ada lebih masih hanya para serta secara sebagai menjadi kata ujar ucap menurut setelah "
    "the of and to in a is that for on with was as by at from it he she his her they their "
    "be are were has have had not but said this will would an its which who been also after"
).split())  # fmt: skip

# Whole-line furniture, by reason. Keys are lower-case.
FURNITURE_LINES: dict[str, str] = {}
for _reason, _words in {
    "navigation": """home|beranda|login|log in|log out|logout|sign in|sign up|sign out|register|daftar|
        masuk|search|cari|pencarian|menu|main menu|close|tutup|skip to content|skip to main content|
        skip navigation|open navigation menu|back to top|kembali ke atas|more|lainnya|selengkapnya|
        sections|kanal|indeks|index|news|berita|terkini|terbaru|latest|headline|headlines|
        newsticker|breaking news|live|
        live streaming|video|videos|foto|photo|photos|galeri|gallery|infografis|e-paper|epaper|
        rss|rss feed|sitemap|site map|about|about us|tentang kami|contact|contact us|kontak|
        hubungi kami|redaksi|karir|careers|jobs|pedoman media siber|kode etik|privacy|
        privacy policy|kebijakan privasi|terms|terms of use|terms of service|syarat dan ketentuan|
        disclaimer|advertise|beriklan|info iklan|faq|help|bantuan|newsletter|newsletters|
        subscribe|subscribe now|langganan|berlangganan|daily email|for|you|for you|
        a-|a+|x|×|next|previous|prev|sebelumnya|berikutnya|selanjutnya|load more|lihat semua|
        tampilkan semua|show more|view all|see all|baca selengkapnya|continue reading|
        rubrik|rubrikasi|informasi|topik|topics|topic|editorial team|tim redaksi|opini|ikuti kami|
        affiliated with""",
    "section": """trending|popular|terpopuler|populer|most popular|most read|most viewed|most shared|
        editor's picks|editor’s picks|pilihan editor|pilihan redaksi|rekomendasi|
        rekomendasi untuk anda|recommended|recommended for you|you may also like|you might also like|
        related|related articles|related stories|related posts|related news|related content|
        artikel terkait|berita terkait|berita lainnya|artikel lainnya|more stories|more news|
        top stories|editor's choice|read more|recent posts|recent|latest news|post navigation|
        tag|tags|tagar|topik terkait|previous post|next post|previous article|next article|
        artikel sebelumnya|artikel selanjutnya|berita sebelumnya|berita selanjutnya|
        baca berita lainnya|berita rekomendasi|lihat berita lainnya|video pilihan|video terkait""",
    "related": """baca juga|lihat juga|simak juga|tonton juga|read also|see also|also read|baca""",
    "share": """share|share this|share this article|share this story|share on facebook|share on twitter|
        bagikan|bagikan artikel|bagikan artikel ini|sebarkan|tweet|email|e-mail|print|cetak|
        facebook|twitter|instagram|youtube|linkedin|pinterest|reddit|tumblr|whatsapp|telegram|
        line|copy link|salin link|salin tautan|tautan disalin|link copied|like this|
        like loading...|follow|follow us|follow us on|ikuti|ikuti kami di|google news|
        google plus|flipboard|pocket|messenger|x (twitter)""",
    "comment": """kirim komentar|tulis komentar|komentar|comments|comment|view comments|show comments|
        leave a comment|leave a reply|add a comment|post a comment|join the conversation|
        cancel reply|batal|reply|balas|0 comments|no comments""",
    "ad": """advertisement|advertisements|iklan|sponsored|sponsored content|ads|ad|promoted|
        scroll to continue with content|scroll to continue|continue with content|
        story continues below|story continues below advertisement|continue reading below|
        konten berbayar|paid content|artikel pilihan""",
}.items():
    for _word in _words.split("|"):
        FURNITURE_LINES[" ".join(_word.split())] = _reason

# Furniture recognised by how a line starts (regexes on the key, anchored at its start).
FURNITURE_PREFIXES: dict[str, str] = {
    r"(?:baca|lihat|simak|tonton|cek) (?:juga|pula|berita|artikel|video)\b": "related",
    r"(?:baca|read)\s*:": "related",
    r"(?:read|see) (?:also|more)\b|also read\b|related\s*:|recommended\s*:": "related",
    r"(?:berita|artikel) (?:terkait|lainnya|pilihan|populer|terpopuler)\b": "related",
    r"more (?:from|in|on|stories|news|great)\b|you (?:may|might) (?:also )?like\b": "section",
    r"(?:previous|next|prev) (?:post|article|story)\b|post navigation\b": "section",
    r"artikel ini (?:telah|sudah) (?:tayang|terbit|dimuat)|artikel ini merupakan": "syndication",
    r"this (?:article|story) (?:was |is |has been )?(?:originally |first )?(?:published|appeared)\b": (
        "syndication"
    ),
    r"baca artikel .{0,40} lainnya|download (?:aplikasi|app)|unduh aplikasi|get the .{0,20}app\b": "promo",
    r"dapatkan (?:update|informasi|berita)|ikuti (?:kami|berita|channel|saluran|whatsapp|akun)\b": "promo",
    r"cek berita dan artikel|(?:dan )?ikuti whatsapp channel|gabung (?:di )?(?:grup|channel)": "promo",
    r"sign up for|subscribe (?:to|for|now)|click here to|klik (?:di )?sini|join \d[\d,]* other": "promo",
    r"(?:like|follow) us on\b|follow .{0,40} online\b|we are social\b": "promo",
    r"follow (?:@\w+|\w+ on (?:twitter|facebook|instagram|x)\b)": "promo",
    r"if you enjoyed this\b|get access to\b": "promo",
    r"also on \S+\.\w+\b|(?:like|enjoy) this (?:story|article)\?": "related",
    r"(?:reporting|writing|editing|additional reporting|compiled|translated) by\b": "byline",
    r"this copy is for your personal|for personal,? non-commercial use": "legal",
    r"click to (?:share|print|email)|share (?:this|on|via)\b|submit to\b|email this\b": "share",
    r"isi komentar (?:sepenuhnya|adalah)|komentar (?:anda|pembaca)|as you comment\b": "comment",
    r"blog comments powered by|comments? (?:are|is) (?:closed|moderated)|comments? feed\b": "comment",
    r"\d+ (?:comments?|responses?|replies|komentar|tanggapan)\b": "comment",
    r"(?:\S+ ){0,3}\S+ (?:says|wrote)$": "comment",
    r"you must (?:be )?log(?:ged)? ?in to (?:post|comment)|log in to (?:comment|reply)\b": "comment",
    r"(?:copyright|hak cipta)\b|©|all rights? reserved": "legal",
    r"\(c\) ?\d{4}": "legal",
    r"we use cookies|this (?:site|website) uses cookies|by (?:choosing|clicking|continuing|using)\b": "legal",
    r"[^.]{0,60}\bcookies?\b[^.]{0,80}\b(?:website|browser|consent|situs|peramban)\b": "legal",
    r"scroll (?:to|down)\b|advertisement\b|iklan\s*[-:]|ads by\b|sponsored by\b": "ad",
    r"halaman (?:\d+|selanjutnya|berikutnya|sebelumnya)\b|page \d+ (?:of|/) \d+": "pagination",
    r"(?:\d+ ){2,}(?:selanjutnya|next|berikutnya|»|›)": "pagination",
    r"[\[(]gambas\s*:|\[(?:embed|video|ads?)\]|pic\.twitter\.com/": "embed",
    r"(?:tags?|topik|topics?|tagar|keywords?|kata kunci)\s*[:：]": "tags",
    r"#\s?\w[^.!?]{0,40}$": "tags",
}

# Prefix patterns above that may start with any character need one of these substrings in the key
# to match: they are only tried on keys that hold one (the rest are tried by their first character).
PREFIX_CUES: dict[str, tuple[str, ...]] = {
    r"(?:\S+ ){0,3}\S+ (?:says|wrote)$": (" says", " wrote"),
    r"[^.]{0,60}\bcookies?\b[^.]{0,80}\b(?:website|browser|consent|situs|peramban)\b": ("cookie",),
}

# Phrases that make a short line a promo wherever they stand in it ("... Click here for more").
PROMO_ANYWHERE = (
    "click here", "klik di sini", "klik disini", "sign up for", "subscribe to our", "subscribe now",
    "follow us", "ikuti kami", "share it with a friend", "download our app", "get the app",
    "unduh aplikasi", "download aplikasi", "free daily newsletter", "newsletter delivered",
    "langsung di ponselmu", "gabung saluran whatsapp", "ikuti saluran whatsapp", "berita pilihan kami",
)  # fmt: skip

# Roles a byline line may give before the name(s). Keys are lower-case, values the role kept.
BYLINE_ROLES: dict[str, str | None] = {
    "penulis": "Penulis", "reporter": "Reporter", "editor": "Editor", "penyunting": "Editor",
    "redaktur": "Editor", "kontributor": "Kontributor", "wartawan": "Reporter",
    "pewarta": "Reporter", "fotografer": "Fotografer", "writer": "Penulis",
    "author": "Penulis", "written by": "Penulis", "reported by": "Reporter",
    "edited by": "Editor", "oleh": None, "by": None, "laporan wartawan": "Reporter",
    "laporan reporter": "Reporter", "laporan koresponden": "Reporter",
    "laporan kontributor": "Kontributor", "reporting by": "Reporter", "writing by": "Penulis",
    "editing by": "Editor", "additional reporting by": "Reporter",
}  # fmt: skip

# Phrases that introduce where a story came from ("dikutip dari Channel News Asia").
SYNDICATION_CUES = (
    "artikel ini telah tayang di", "artikel ini sudah tayang di", "artikel ini telah terbit di",
    "sebagaimana dikutip dari", "seperti dikutip dari", "seperti dilansir dari", "seperti dilansir",
    "dikutip dari", "dilansir dari", "dilansir", "melansir", "mengutip", "bersumber dari",
    "originally published by", "originally published on", "originally published in",
    "originally appeared on", "originally appeared in",
)  # fmt: skip

# Outlets by the names their pages sign with; values are the canonical domain.
OUTLET_NAMES: dict[str, str] = {
    "idn times": "idntimes.com", "idntimes": "idntimes.com", "tribunnews": "tribunnews.com",
    "tribunnews.com": "tribunnews.com", "kompas.com": "kompas.com", "kompas": "kompas.com",
    "kompas.id": "kompas.id", "detikcom": "detik.com", "detiknews": "detik.com",
    "detik.com": "detik.com", "detikfinance": "detik.com", "detikinet": "detik.com",
    "cnn indonesia": "cnnindonesia.com", "cnbc indonesia": "cnbcindonesia.com",
    "liputan6.com": "liputan6.com", "liputan6": "liputan6.com", "tempo.co": "tempo.co",
    "tempo": "tempo.co", "antara": "antaranews.com", "antaranews": "antaranews.com",
    "antaranews.com": "antaranews.com", "okezone": "okezone.com", "okezone.com": "okezone.com",
    "sindonews": "sindonews.com", "sindonews.com": "sindonews.com",
    "republika": "republika.co.id", "republika.co.id": "republika.co.id",
    "merdeka.com": "merdeka.com", "suara.com": "suara.com", "kumparan": "kumparan.com",
    "bisnis.com": "bisnis.com", "kontan.co.id": "kontan.co.id", "viva.co.id": "viva.co.id",
    "jawapos.com": "jawapos.com", "media indonesia": "mediaindonesia.com",
    "mediaindonesia.com": "mediaindonesia.com", "beritasatu.com": "beritasatu.com",
    "inews.id": "inews.id", "jpnn.com": "jpnn.com", "katadata.co.id": "katadata.co.id",
    "the jakarta post": "thejakartapost.com", "jakarta globe": "jakartaglobe.id",
    "tirto.id": "tirto.id", "idxchannel": "idxchannel.com", "metrotvnews": "metrotvnews.com",
}  # fmt: skip

# Display names for canonical outlet domains (what a person would call the outlet).
OUTLET_DISPLAY: dict[str, str] = {
    "idntimes.com": "IDN Times", "tribunnews.com": "Tribunnews.com", "kompas.com": "Kompas.com",
    "detik.com": "detikcom", "cnnindonesia.com": "CNN Indonesia", "tempo.co": "Tempo",
    "antaranews.com": "ANTARA", "mediaindonesia.com": "Media Indonesia",
    "liputan6.com": "Liputan6.com", "republika.co.id": "Republika", "okezone.com": "Okezone",
}  # fmt: skip

# Second-level labels under which the registrable domain has three labels (news.detik.co.id).
COMPOUND_SUFFIXES = frozenset((  # noqa: SIM905
    "co.id or.id go.id ac.id web.id my.id sch.id net.id co.uk org.uk ac.uk com.au net.au co.nz "
    "com.sg com.my co.jp com.br co.in co.za com.ph"
).split())  # fmt: skip
