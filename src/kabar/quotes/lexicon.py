"""The cue-word lexicon of the quote stage: data only, no logic.

Every word list the extractor matches lives here, so widening the stage to a new reporting verb or
title is a one-line change. Words are lower case; matching is case-insensitive unless a name says
otherwise. Sources: the annotation conventions of ``shared/gold/dev`` and common Indonesian news
style (detik, Kompas, Tribun, IDN Times, Antara).
"""

from __future__ import annotations

# Short reporting words that follow a quote or a reported clause: ``"…," kata Peskov``,
# ``"…," ujarnya``. Each also takes the suffix ``-nya`` ("katanya", "ujarnya") and may be followed
# by a pronoun ("ucap dia", "imbuh dia").
POST_CUES: frozenset[str] = frozenset({
    "kata", "ujar", "ucap", "ungkap", "jelas", "tegas", "tutur", "sebut", "imbuh", "tambah",
    "papar", "terang", "tandas", "pungkas", "sambung", "lanjut", "harap", "tulis", "seru", "pinta",
    "aku", "klaim", "bilang", "timpal", "urai", "beber", "kenang", "sindir", "cetus", "celetuk",
    "ajak", "tanya", "jawab", "tukas", "kilah", "dalih", "ingat", "tekan", "nilai", "katakan",
    "ungkapkan", "jelaskan", "tegaskan", "sampaikan", "kisah", "cerita", "tuding", "keluh",
    "bantah", "tepis", "ucapkan", "tanggap", "terangkan", "paparkan", "tambahkan", "imbuhkan",
    "pesan", "saran", "desak", "minta", "imbau", "kritik", "simpul", "tutup", "seloroh", "kelakar",
    "canda", "sergah", "sahut", "cuit", "tegur", "teriak", "bisik", "akhiri",
})  # fmt: skip

# The same words used as nouns far more often than as cues; they count only with ``-nya`` or when
# a name or pronoun follows ("harapnya", "harap Reza").
WEAK_POST_CUES: frozenset[str] = frozenset({
    "aku", "ingat", "jawab", "tanya", "pesan", "saran", "cerita", "kisah", "minta", "nilai",
    "tekan", "simpul", "kritik", "dalih", "tutup", "canda", "cuit", "tegur", "akhiri",
})  # fmt: skip

# Reporting verbs that introduce a quote or a reported clause: ``X mengatakan (bahwa) …``,
# ``X menegaskan: "…"``. The clause after the verb is the indirect quote.
SPEECH_VERBS: frozenset[str] = frozenset({
    "mengatakan", "menyatakan", "menegaskan", "menilai", "menyebut", "menyebutkan",
    "mengungkapkan", "mengungkap", "menjelaskan", "menyampaikan", "menambahkan", "memastikan",
    "mengingatkan", "meminta", "mengakui", "berharap", "mengklaim", "menuturkan", "memaparkan",
    "menerangkan", "menekankan", "mengajak", "mendorong", "menyoroti", "menyinggung", "mengungkit",
    "menepis", "membantah", "menuduh", "menuding", "mengumumkan", "memperingatkan", "mengimbau",
    "menduga", "memperkirakan", "mengemukakan", "mencontohkan", "menganggap", "berpendapat",
    "mengaku", "menyarankan", "mendesak", "berdalih", "mendalilkan", "mengapresiasi",
    "mengkritik", "menyesalkan", "menyayangkan", "membeberkan", "menguraikan", "menceritakan",
    "mengisahkan", "bercerita", "berkata", "berujar", "bertutur", "mengklarifikasi", "menjawab",
    "menandaskan", "memberitahu", "menyerukan", "mengecam", "menggarisbawahi", "mengimbuhkan",
    "menyimpulkan", "memprediksi", "mengutarakan", "menulis", "menuliskan", "berjanji",
    "menjanjikan", "mengutuk", "menampik", "menyangkal", "mengeluhkan", "meyakini", "mengharapkan",
    "menyebutnya", "menuturkannya", "menekankannya", "mengisyaratkan", "menginstruksikan",
    "memerintahkan", "mengusulkan", "menolak", "mewanti-wanti", "berpesan",
    "menanggapi", "mengomentari", "menyindir", "mengeklaim", "mengingatkannya", "mengancam",
    "memuji", "menyanggah", "menambahkannya", "mengungkapkannya", "menyampaikannya", "berkelakar",
    "memberi tahu", "memberikan keterangan", "mengonfirmasi", "membenarkan", "mempertanyakan",
    "menyoal", "menginformasikan", "merinci", "memandang", "berpandangan", "memohon", "menjamin",
    "menuntut",
})  # fmt: skip

# Speech verbs that take a noun object more often than a reported clause ("menolak permintaan",
# "menawarkan bantuan", "memuji Prabowo"): they report only when a clause marker follows (bahwa,
# a comma, a colon, agar/supaya/untuk).
OBJECT_VERBS: frozenset[str] = frozenset({
    "menolak", "memuji", "menanggapi", "mengomentari", "menginstruksikan", "menguraikan",
    "mengapresiasi", "menjamin", "menuntut", "memohon", "mempertanyakan", "menyoal",
    "memerintahkan", "mengusulkan", "mengancam", "mengecam", "mengutuk", "menjawab", "menulis",
    "menuliskan", "menjanjikan", "berjanji", "mengharapkan",
})  # fmt: skip

# Passive reporting forms whose subject is the reported fact, not the speaker
# ("… disebut-sebut menyimbolkan …"); the agent follows when named ("disebutkan Afifuddin").
PASSIVE_CUES: frozenset[str] = frozenset({"disebutkan", "disebut-sebut"})

# Passive report clauses that name the speaker and often the day, but are not quotes themselves:
# "Hal itu disampaikan Nasky … Senin (20/10)". They date that speaker's quotes.
REPORT_PASSIVES: frozenset[str] = frozenset({
    "disampaikan", "diungkapkan", "diungkap", "dikatakan", "ditegaskan", "dijelaskan",
    "dipaparkan", "diutarakan", "dituturkan",
})  # fmt: skip

# Words between a subject and its speech verb that do not change who speaks.
ADVERBS: frozenset[str] = frozenset({
    "juga", "pun", "kemudian", "lalu", "lantas", "telah", "sudah", "sempat", "kembali", "pernah",
    "akan", "justru", "bahkan", "hanya", "awalnya", "sebelumnya", "langsung", "terus", "masih",
    "tetap", "secara", "khusus", "tegas", "terpisah", "sendiri", "pula", "selanjutnya", "lebih",
    "lanjut", "jauh", "kala", "saat", "turut", "pada", "kesempatan", "sama",
    "mengatakan", "kini", "sekali", "lagi", "dengan", "terang", "blak-blakan", "singkat",
    "tadi", "segera", "kerap", "sering", "selalu", "memang", "baru", "diketahui",
    "disebut", "dikabarkan", "sebelumnya,", "setelahnya", "menambahkan", "berulang", "kali",
    "spesifik", "gamblang", "rinci", "detail", "tertulis", "resmi", "terbuka", "pribadi", "sangat",
    "sekaligus", "terus-menerus", "berkali-kali",
})  # fmt: skip

NEGATIONS: frozenset[str] = frozenset({"tidak", "tak", "belum", "bukan", "enggan", "tanpa", "jangan"})

# Personal pronouns that refer back to a speaker named earlier.
PRONOUNS: frozenset[str] = frozenset({"dia", "ia", "beliau", "mereka", "dirinya", "-nya", "pihaknya"})

# Demonstratives that make a description refer back ("kementerian tersebut", "politikus PKB itu").
DEMONSTRATIVES: frozenset[str] = frozenset({"tersebut", "itu", "ini"})

# Heads of phrases that are sources of facts rather than speakers: "Menurut data BPS, …",
# "Laporan ini menyoroti …" are no quotes.
NON_SPEAKER_HEADS: frozenset[str] = frozenset({
    "data", "survei", "hasil", "laporan", "catatan", "pantauan", "penelitian", "studi", "riset",
    "dokumen", "surat", "aturan", "undang-undang", "uu", "pasal", "peraturan", "ketentuan",
    "kebijakan", "berita", "artikel", "video", "foto", "tabel", "grafik", "jadwal", "rencana",
    "informasi", "perhitungan", "hitungan", "analisis", "kajian", "temuan", "statistik", "angka",
    "pengamatan", "keterangan", "hal", "ini", "itu", "kasus", "kondisi", "situasi", "peristiwa",
    "kejadian", "program", "proyek", "langkah", "keputusan", "putusan", "pernyataan", "unggahan",
    "postingan", "cuitan", "akun", "laman", "situs", "website", "tulisan", "buku", "sejarah",
    "tradisi", "teori", "prinsip", "konsep", "etika", "hukum", "logika", "pendataan", "versi",
    "kutipan", "pengakuan", "prediksi", "perkiraan", "proyeksi", "skenario", "simulasi",
    "pemberitaan", "rilis", "siaran", "publikasi", "indeks", "skor", "nilai", "tren", "kenaikan",
    "penurunan", "sumber", "bukti", "fakta", "kabar", "isu", "rumor", "pengumuman", "sistem",
    "aplikasi", "mesin", "alat", "model", "pasar", "harga", "survey", "polling", "jajak",
})  # fmt: skip

# Sentence openers that are no subject ("Namun, …", "Sementara itu, …").
CONNECTIVES: frozenset[str] = frozenset({
    "namun", "tetapi", "tapi", "sementara", "sedangkan", "adapun", "selain", "oleh", "karena",
    "sebab", "meski", "meskipun", "walau", "walaupun", "dalam", "pada", "di", "saat", "ketika",
    "usai", "seusai", "setelah", "sebelum", "sebelumnya", "kemudian", "lalu", "lebih", "untuk",
    "terkait", "menanggapi", "merespons", "menurut", "sehingga", "bahkan", "jadi", "maka", "dan",
    "atau", "dengan", "hal", "sekadar", "sekedar", "diketahui", "terpisah", "secara", "kini",
    "bagi", "akan", "apalagi", "padahal", "kendati", "yang", "agar", "supaya", "jika", "kalau",
})  # fmt: skip

# Words that end a speaker phrase after a post cue: "kata Puan di gedung DPR …".
SPEAKER_STOPS: frozenset[str] = frozenset({
    "di", "dalam", "kepada", "saat", "ketika", "usai", "seusai", "sesudah", "setelah", "selepas",
    "seperti", "sebagaimana", "melalui", "lewat", "via", "pada", "dari", "dikutip", "dilansir",
    "mengutip", "melansir", "menurut", "sambil", "seraya", "yang", "dengan", "kala", "tatkala",
    "sebelum", "menjawab", "menanggapi", "sewaktu", "dihubungi", "ditemui", "dikonfirmasi",
    "kemarin", "hari", "selama", "sebelumnya", "terkait", "soal", "mengenai",
    "tentang", "atas", "untuk", "bagi", "hingga", "sampai", "sembari", "seusainya", "kepadanya",
    "pekan", "minggu", "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "ahad",
    "tadi", "malam", "pagi", "siang", "sore", "belum", "lalu", "secara", "singkat", "menambahkan",
    "menegaskan", "menekankan", "mengatakan", "menjelaskan", "melanjutkan", "sebagai", "bersama",
    "tahun", "bulan", "menyampaikan", "mengungkapkan", "memaparkan",
    "saatnya", "lagi", "juga", "pun", "kembali", "pula", "berdasarkan", "lebih",
})  # fmt: skip

# Titles, ranks, offices and honorifics that come before a name ("Kabid Humas Polda Metro Jaya
# Kombes Ade Ary Syam Indradi" → "Ade Ary Syam Indradi"). The name is what follows the last one.
TITLES: frozenset[str] = frozenset({
    # honorifics and degrees
    "bapak", "ibu", "pak", "bu", "saudara", "saudari", "sdr", "tuan", "nyonya", "h", "hj", "dr",
    "drs", "prof", "ir", "kh", "gus", "habib", "ustaz", "ustadz", "kiai", "kyai", "romo", "pastor",
    "pendeta", "mr", "mrs", "ms", "sir", "syekh", "raden", "doktor", "profesor", "bang", "mbak",
    "mas", "kak", "om", "tante", "paus", "raja", "ratu", "pangeran", "putri", "sultan", "imam",
    # police and military ranks
    "kombes", "kombespol", "akbp", "akp", "iptu", "ipda", "aiptu", "aipda", "bripka", "brigpol",
    "briptu", "bripda", "brigjen", "brigjenpol", "irjen", "irjenpol", "komjen", "komjenpol",
    "jenderal", "jendral", "mayjen", "letjen", "kolonel", "letkol", "mayor", "kapten", "lettu",
    "letda", "serka", "sertu", "serda", "kopda", "praka", "pratu", "laksamana", "laksda", "laksma",
    "marsekal", "marsda", "marsma", "pol", "tni", "inf", "kav", "arh", "psk", "(purn)", "purn",
    "laksdya", "marsdya", "brigadir", "komisaris", "inspektur", "ajun", "bharada", "bharatu",
    # offices
    "presiden", "wakil", "wapres", "ketua", "ketum", "waketum", "sekjen", "sekretaris",
    "bendahara", "menteri", "menko", "kepala", "direktur", "dirut", "direksi", "juru", "bicara",
    "jubir", "kabid", "kasi", "kasat", "kasubdit", "kapolri", "kapolda", "kapolres", "kapolresta",
    "kapolrestabes", "kapolsek", "wakapolri", "wakapolda", "wakapolres", "kadiv", "karo", "kabag",
    "kanit", "panglima", "kasad", "kasal", "kasau", "kapuspen", "pangdam", "danrem", "dandim",
    "gubernur", "wagub", "bupati", "wabup", "wali", "walkot", "wawali", "camat", "lurah", "kades",
    "anggota", "jaksa", "hakim", "komisioner", "pimpinan", "kajati", "kajari", "kasipenkum",
    "kapuspenkum", "plt", "pj", "pjs", "pelaksana", "tugas", "dubes", "duta", "besar", "perdana",
    "pm", "kanselir", "senator", "politikus", "politisi", "pengamat", "pakar", "peneliti", "ahli",
    "dosen", "guru", "rektor", "dekan", "pengacara", "advokat", "kuasa", "hukum", "warga",
    "mantan", "eks", "calon", "cagub", "cawagub", "capres", "cawapres", "caleg", "cabup", "kandidat",
    "humas", "kasubbag", "kasubag", "kabiro", "deputi", "asisten", "staf", "koordinator", "korlap",
    "pendiri", "founder", "ceo", "cfo", "coo", "chairman", "presdir",
    "komut", "manajer", "manager", "general", "head", "vp", "senior", "analis", "ekonom",
    "dirjen", "sesditjen", "kakorlantas", "kabareskrim", "dirreskrimum",
    "dirreskrimsus", "dirresnarkoba", "kasatreskrim", "kasatlantas", "dirlantas",
    "waka", "wamen", "mendagri", "menlu", "menkeu", "menhan", "mensesneg",
    "seskab", "pelatih", "penyanyi", "aktris", "aktor", "artis", "selebritas",
    "penulis", "wartawan", "jurnalis", "presenter", "pembawa", "acara", "komedian", "musisi",
    "pemain", "atlet", "petinju", "pebulu", "tangkis", "pesepak", "bola", "umum",
    "harian", "fraksi", "komisi", "dprd", "dpr", "mpr", "dpd", "ri", "kpk", "kpu", "bawaslu",
    "pemohon", "pengadu", "terdakwa", "tersangka", "saksi", "korban", "pelaku", "ayah", "ibunda",
    "istri", "suami", "anak", "kakak", "adik", "paman", "bibi", "kakek", "nenek", "sekda",
})  # fmt: skip

# Objects after "menyampaikan" that deliver a speech rather than report its content.
DELIVERED: frozenset[str] = frozenset({
    "kata", "sambutan", "pidato", "materi", "laporan", "paparan", "orasi", "salam", "doa",
    "tausiyah", "ceramah", "khotbah", "presentasi", "pengarahan", "arahan", "kuliah",
})  # fmt: skip

# Lower-case heads that still name a speaker when no proper name is given ("polisi mengatakan").
SPEAKER_NOUNS: frozenset[str] = frozenset({
    "polisi", "pemerintah", "warga", "pengacara", "pejabat", "pakar", "pengamat", "ahli", "saksi",
    "korban", "pelaku", "tersangka", "terdakwa", "hakim", "jaksa", "penyidik", "kepolisian",
    "kejaksaan", "pengadu", "pemohon", "keluarga", "petugas", "panitia", "netizen", "warganet",
    "pihak", "pihaknya", "dokter", "peneliti", "ilmuwan", "ekonom", "analis", "aktivis",
    "mahasiswa", "guru", "orang", "tua", "ayah", "ibu", "istri", "suami", "anak", "juru", "bicara",
    "jubir", "kuasa", "hukum", "tim", "manajemen", "perusahaan", "kementerian", "lembaga", "badan",
    "partai", "politikus", "politisi", "anggota", "ketua", "kepala", "direktur", "menteri",
    "presiden", "gubernur", "bupati", "wali", "kota", "camat", "lurah", "pengusaha", "pedagang",
    "petani", "nelayan", "buruh", "pekerja", "karyawan", "pegawai", "penumpang", "pengunjung",
    "pengelola", "operator", "otoritas", "militer", "tentara", "pasukan", "kelompok", "organisasi",
    "majelis", "mahkamah", "pengadilan", "dewan", "komisi", "kantor", "rumah", "sakit", "sekolah",
    "kampus", "universitas", "rektor", "pelatih", "pemain", "atlet", "penyanyi", "artis",
})  # fmt: skip

# Outlets and channels a quote is taken from: "dikutip dari Channel News Asia", "Dilansir BBC".
VIA_VERBS: tuple[str, ...] = (
    "seperti dikutip dari", "seperti dikutip", "sebagaimana dikutip dari", "sebagaimana dikutip",
    "dikutip dari", "dikutip", "seperti dilansir dari", "seperti dilansir", "dilansir dari",
    "dilansir", "seperti dilaporkan oleh", "seperti dilaporkan", "dilaporkan oleh", "dilaporkan",
    "seperti diberitakan", "diberitakan", "melansir dari", "melansir", "mengutip dari", "mengutip",
    "disiarkan melalui", "disiarkan lewat", "disiarkan", "ditayangkan", "diunggah di",
    "diunggah melalui", "lewat akun", "melalui akun", "dalam wawancara dengan", "kepada kantor berita",
)  # fmt: skip

# Words that follow a via verb but are not an outlet ("dikutip, Senin (…)", "dikutip dari rilis").
NOT_OUTLETS: frozenset[str] = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "rilis",
    "keterangan", "laman", "situs", "dari", "pada", "hari", "kemarin", "pernyataan", "siaran",
    "dokumen", "data", "surat", "akun", "media", "berbagai", "sejumlah", "beberapa", "sumber",
})  # fmt: skip

# Countries, regions and administrative words that stand before a name as part of an office
# ("Presiden Rusia Vladimir Putin", "Kepala Dinas Kota Medan …").
PLACE_WORDS: frozenset[str] = frozenset({
    "rusia", "as", "amerika", "serikat", "korea", "utara", "selatan", "china", "tiongkok", "jepang",
    "ukraina", "israel", "palestina", "iran", "inggris", "prancis", "perancis", "jerman",
    "indonesia", "ri", "malaysia", "singapura", "australia", "india", "turki", "arab", "saudi",
    "mesir", "brasil", "brazil", "kanada", "filipina", "thailand", "vietnam", "myanmar", "taiwan",
    "korut", "korsel", "uni", "eropa", "pbb", "timur", "barat", "tengah", "jawa", "sumatera",
    "kalimantan", "sulawesi", "papua", "bali", "jakarta", "dki", "kota", "kabupaten", "provinsi",
    "kab", "kec", "kecamatan", "kelurahan", "desa", "daerah", "pusat", "metro", "jaya", "negeri",
    "negara", "nasional", "republik", "luar", "dalam", "wilayah", "regional", "kawasan", "dapil",
    "sumsel", "sumut", "sumbar", "sulsel", "sulut", "sulteng", "sultra", "sulbar", "kalsel", "kaltim",
    "kalbar", "kalteng", "kaltara", "jabar", "jateng", "jatim", "diy", "ntb", "ntt", "babel", "kepri",
    "jabodetabek", "banten", "aceh", "riau", "jambi", "bengkulu", "lampung", "maluku", "malut",
    "gorontalo", "yogyakarta", "jogja", "bandung", "surabaya", "medan", "semarang", "makassar",
})  # fmt: skip

# Institutions whose name comes before a person's ("Kejari Sidoarjo Jhon Franky").
ORG_WORDS: frozenset[str] = frozenset({
    "kejari", "kejati", "kejagung", "kejaksaan", "polres", "polresta", "polrestabes", "polda",
    "polri", "polsek", "mabes", "dinas", "badan", "kementerian", "kemenkes", "komisi", "dewan",
    "pemkot", "pemkab", "pemprov", "pemda", "satpol", "pp", "pengadilan", "mahkamah", "lembaga",
    "partai", "fraksi", "universitas", "institut", "kampus", "fakultas", "rumah", "sakit", "rs",
    "rsud", "bank", "pt", "tbk", "perum", "persero", "yayasan", "ormas", "bidang", "seksi",
    "bagian", "divisi", "direktorat", "subdit", "satuan", "unit", "biro", "pusat", "kantor",
    "sekretariat", "staf", "humas", "reserse", "kriminal", "umum", "khusus", "pidana", "hukum",
    "penerangan", "riset", "penelitian", "utama", "bulog", "basarnas", "bappenas", "bawaslu",
    "kemenkeu", "kemendagri", "kemenag", "kemlu", "kemenlu", "kemenhan", "dishub",
    "disdik", "dinkes", "damkar", "lantas", "reskrim", "satreskrim", "kominfo", "komdigi",
    # fields of ministries and offices ("Menteri Keuangan …", "Kepala Dinas Pertanian …")
    "keuangan", "pertanian", "perdagangan", "kesehatan", "pendidikan", "kebudayaan", "pertahanan",
    "agama", "sosial", "perhubungan", "perindustrian", "kehutanan", "lingkungan", "hidup",
    "kelautan", "perikanan", "pariwisata", "ketenagakerjaan", "tenaga", "kerja", "energi",
    "sumber", "daya", "mineral", "komunikasi", "informatika", "digital", "perumahan", "pekerjaan",
    "pemuda", "olahraga", "koperasi", "investasi", "pangan", "gizi", "keamanan", "ketertiban",
    "pertanahan", "tata", "ruang", "transmigrasi", "pemberdayaan", "perempuan", "teknologi",
    "ekonomi", "politik", "ham", "kependudukan", "pencatatan", "sipil", "perizinan", "pajak",
    "bea", "cukai", "imigrasi", "pemasyarakatan", "operasi", "intelijen", "perencanaan",
    "pembangunan", "sama", "hubungan", "masyarakat", "pemasaran",
    # parties ("Sekjen Partai Gerindra Sugiono")
    "gerindra", "pdip", "pdi", "perjuangan", "golkar", "nasdem", "pkb", "pks", "pan", "demokrat",
    "ppp", "perindo", "hanura", "psi", "gelora", "ummat", "buruh",
})  # fmt: skip

# Auxiliaries and conjunctions that show a clause after an object verb's object.
CLAUSE_AUXILIARIES: frozenset[str] = frozenset({
    "telah", "sudah", "akan", "sedang", "tengah", "bisa", "dapat", "harus", "mampu", "berhasil",
    "perlu", "tidak", "tak", "belum", "masih", "terus", "agar", "supaya", "untuk", "karena",
    "bahwa", "sebagai", "merupakan", "adalah", "menjadi",
})  # fmt: skip

# Cues whose reported speech often runs on into the next sentence.
RUN_ON_CUES: frozenset[str] = frozenset({
    "menurut", "menurutnya", "mengatakan", "menyatakan", "menjelaskan", "menerangkan",
    "memaparkan", "menuturkan", "mengungkapkan", "menambahkan", "bagi", "baginya",
})  # fmt: skip

# Sentence openers that turn from reported speech back to narration.
NARRATION_OPENERS: frozenset[str] = frozenset({
    "sebagai", "diketahui", "sebelumnya", "untuk", "adapun", "sementara", "selain", "berdasarkan",
    "dalam", "pada", "saat", "hingga", "kini", "kemudian", "informasi", "baca", "simak", "lihat",
    "sedangkan", "di", "hal", "menurut", "berikut", "dia", "ia", "mereka", "beliau", "pihaknya",
    "dinilai", "nilai", "katanya", "ujarnya",
})  # fmt: skip

# Words that put a title or a name in quote marks: "bertema “…”", "bertajuk '…'", "tagar “…”".
TITLE_INTRODUCERS: frozenset[str] = frozenset({
    "bertema", "bertajuk", "berjudul", "bernama", "dijuluki", "julukan", "istilah", "tagar",
    "slogan", "tema", "judul", "tajuk", "program", "gerakan", "kampanye", "film", "lagu", "buku",
    "album", "novel", "acara", "operasi", "motto", "semboyan", "jargon", "disebut", "dinamai",
    "dinamakan", "bertagar", "hashtag", "akun", "aplikasi", "platform", "sebutan", "frasa", "kata",
})  # fmt: skip
