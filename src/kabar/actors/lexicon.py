"""Closed word lists the linker reads: what is not a name, what signals a person, org keywords."""

from __future__ import annotations

# Capitalised words that never start or belong to a person's name: function words that open
# sentences, days, months, and generic nouns written with a capital in titles and headings.
NOT_NAME: frozenset[str] = frozenset(
    """
    Namun Sementara Menurut Dalam Pada Di Ke Dari Untuk Saat Ketika Setelah Sebelum Selain Sebagai
    Hal Ini Itu Ia Dia Mereka Kami Kita Saya Aku Anda Kata Baca Juga Berikut Adapun Bahkan Kemudian
    Sejak Jika Kalau Karena Meski Meskipun Walaupun Oleh Usai Tidak Tak Ya Yang Para Sang Seorang
    Salah Tim Atas Akan Telah Sudah Masih Belum Bila Agar Supaya Maka Lalu Selanjutnya Sebelumnya
    Sedangkan Tetapi Tapi Serta Dengan Tanpa Bagi Terkait Soal Mengenai Tentang Seperti Hingga
    Sampai Antara Melalui Lewat Sekitar Hanya Cuma Semua Seluruh Setiap Tiap Beberapa Banyak Sejumlah
    Apa Siapa Mengapa Kenapa Bagaimana Kapan Mana Dimana Apakah Begitu Demikian Sehingga Selama
    Secara Sekarang Kini Hari Ini Kemarin Besok Tahun Bulan Pekan Minggu Jam Pukul Waktu Tanggal
    Senin Selasa Rabu Kamis Jumat Jum'at Sabtu Ahad
    Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
    Jan Feb Mar Apr Jun Jul Agu Agt Sep Sept Okt Nov Des
    Pasal Ayat Nomor No UU Undang-Undang Peraturan Perpres Perppu Keputusan Putusan Surat Nota
    Jalan Jl Gedung Kantor Rumah Kompleks Kawasan
    Pulau Gunung Sungai Laut Selat Teluk Bandara Pelabuhan Stasiun Terminal Pasar Masjid Gereja
    Program Proyek Festival Piala Liga Sidang Rapat Konferensi KTT Pemilu Pilkada Pilpres Pileg
    Idul Natal Lebaran Ramadan Ramadhan Covid Foto Video Baca Simak Lihat Editor Penulis Reporter
    Sumber Artikel Berita Halaman Share Topics Follow Us For You Editorial Team Picks Advertisement
    Informasi Elektronik Dokumen Sistem Setiap Orang Perkara Kasus Sarasehan Nasional Internasional
    Asta Cita Gen Z Generasi Dengan Lihat Selengkapnya Tonton Klik Download Unduh Update Terbaru
    Pertama Kedua Ketiga Keempat Kelima Satu Dua Tiga Empat Lima Enam Tujuh Delapan Sembilan Sepuluh
    Rp USD IDR Persen Tbk Persero PT CV Inc Ltd Corp
    Presiden Wakil Menteri Ketua Kepala Direktur Sekretaris Anggota Gubernur Bupati Jenderal
    II III IV VI VII VIII IX XI XII XIII XIV XV
    WIB WITA WIT Wib Wita Wit Seusai Sesudah Menjelang Jelang Sebab Akibat Padahal Apabila Sebanyak
    Prodi Jurusan Bagian Biro Seksi Subbagian Bidang Divisi Departemen
    Tersangka Terdakwa Terpidana Pelaku Buronan Inisial Berinisial Saudara Saudari
    """.split()  # noqa: SIM905
)

# Capitalised words that continue an office title rather than start a name ("Direktur Riset",
# "Kepala Seksi Penerangan Hukum"): stripped from the front of a name that follows a role noun.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    Riset Humas Hukum Umum Khusus Eksekutif Utama Operasional Komunikasi Penerangan Pidana Bidang
    Seksi Sub Subbag Subdit Divisi Program Kebijakan Publik Politik Ekonomi Strategis Keuangan
    Pelaksana Harian Tetap Senior Muda Madya Pratama Tinggi Negeri Besar Pusat Daerah Wilayah
    Cabang Koordinator Regional Nasional Pengembangan Pembinaan Penindakan Pencegahan Penyidikan
    Penyelidikan Pengawasan Pelayanan Perencanaan Intelijen Reserse Kriminal Siber Narkoba Lintas
    Perdata Tata Usaha Negara Luar Dalam Sosial Budaya Pendidikan Kesehatan Pertahanan
    Keamanan Industri Perdagangan Pariwisata Perhubungan Infrastruktur Komisi Fraksi Badan Dewan
    Majelis
    """.split()  # noqa: SIM905
)

# Words before a name that say it is a person's ("kata Dave", "Menurut Nasky").
CUES_BEFORE: frozenset[str] = frozenset(
    """
    kata ujar ucap tutur ungkap jelas tegas imbuh terang sebut tambah lanjut pungkas tanya papar
    sambung tulis katanya menurut bernama berinisial inisial oleh saudara sdr sdri tersangka terdakwa
    terpidana pelaku buronan
    """.split()  # noqa: SIM905
)

# Words that may stand between a name and its verb ("Rano juga mengatakan").
ADVERBS: frozenset[str] = frozenset(
    """
    juga pun kemudian lalu sudah telah akan tidak belum tengah sedang masih kembali langsung bahkan
    hanya sempat lantas pernah sendiri tak enggan justru segera turut ikut
    """.split()  # noqa: SIM905
)

# Verbs after a name that say it is a person's, beyond any me-/ber- verb.
VERBS_AFTER: frozenset[str] = frozenset(("bilang", "yakin", "sepakat", "setuju", "ingin", "harus", "hadir"))

# Lower-case words that may stand between a role noun and the name it introduces
# ("pengamat kebijakan publik dan politik nasional Nasky", "pemohon bernama Daniel").
FILLER_OK: frozenset[str] = frozenset(("bernama", "berinisial", "yakni", "yaitu", "alias", "dan"))
FILLER_STOP: frozenset[str] = frozenset(
    """
    yang itu ini di ke dari pada dengan untuk oleh kepada bahwa akan telah sudah sedang tidak juga
    saat ketika karena namun tetapi atau sebagai menjadi adalah ialah merupakan bersama dalam atas
    hingga sampai setelah sebelum usai tersebut kata ujar ucap tutur menurut pun lalu kemudian tak
    bisa dapat harus masih belum hanya para sang serta agar supaya jika bila maka
    """.split()  # noqa: SIM905
)

# Sectors an unknown organisation gets from a keyword: Indonesian ones start the name
# ("Lembaga Survei ..."), English ones end it ("... Institute").
ORG_FIRST_WORDS: dict[str, str | None] = {
    "Lembaga": "NGO", "Yayasan": "NGO", "Koalisi": "NGO", "Aliansi": "NGO", "Forum": "NGO",
    "Gerakan": "NGO", "Front": "NGO", "Perkumpulan": "NGO", "Ikatan": "NGO", "Himpunan": "NGO",
    "Persatuan": "NGO", "Perhimpunan": "NGO", "Paguyuban": "NGO", "Komunitas": "NGO", "Kelompok": None,
    "Organisasi": None, "Jaringan": "NGO", "Unit": None, "Fakultas": "EDU", "Kaukus": None,
    "Satgas": "GOV", "Panitia": None, "Klub": None, "Asosiasi": "BUS", "Gabungan": "BUS", "Serikat": "LAB",
    "Konfederasi": "LAB", "Federasi": "NGO", "Universitas": "EDU", "Institut": "EDU", "Sekolah": "EDU",
    "Politeknik": "EDU", "Akademi": "EDU", "Pondok": "EDU", "Partai": "PTY", "Kementerian": "GOV",
    "Badan": "GOV", "Dinas": "GOV", "Direktorat": "GOV", "Komisi": "GOV", "Dewan": "GOV",
    "Sekretariat": "GOV", "Kantor": "GOV", "Satuan": "GOV", "Balai": "GOV", "Pemerintah": "GOV",
    "Majelis": None, "Pusat": None, "Pengadilan": "JUD", "Kejaksaan": "JUD", "Mahkamah": "JUD",
    "Kepolisian": "COP", "Komando": "MIL", "Batalyon": "MIL", "Rumah": None, "RSUD": "GOV",
    "PT": "BUS", "CV": "BUS", "Bank": "BUS", "Perum": "BUS", "Koperasi": "BUS", "Grup": "BUS",
    "Harian": "MED", "Majalah": "MED", "Radio": "MED", "Televisi": "MED",
}  # fmt: skip
ORG_LAST_WORDS: dict[str, str | None] = {
    "Institute": "EDU", "Studies": "NGO", "Center": "NGO", "Centre": "NGO", "Watch": "NGO",
    "Foundation": "NGO", "Council": None, "Association": "NGO", "Alliance": "NGO", "Network": "NGO",
    "Society": "NGO", "Forum": "NGO", "Initiative": "NGO", "Reports": "NGO", "University": "EDU",
    "College": "EDU", "School": "EDU", "Agency": "GOV", "Ministry": "GOV", "Commission": None,
    "Committee": None, "Organization": None, "Organisation": None, "Party": "PTY", "Corporation": "BUS",
    "Corp": "BUS", "Company": "BUS", "Group": "BUS", "Inc": "BUS", "Ltd": "BUS", "Tbk": "BUS",
    "Holdings": "BUS", "Bank": "BUS", "Airlines": "BUS", "Motors": "BUS", "Technologies": "BUS",
    "Digital": "BUS", "News": "MED", "Times": "MED", "Post": "MED", "Journal": "MED", "Daily": "MED",
}  # fmt: skip

# Words that never stand in a person's name: a candidate holding one is a place or a body.
NOT_PERSON: frozenset[str] = frozenset(
    """
    Kabupaten Kab. Kota Provinsi Prov. Kecamatan Desa Kelurahan Metro Utara Selatan Barat
    Timur Tengah Pusat Daya Nasional Internasional Indonesia Republik Negara Daerah Umum Rakyat
    Kementerian Badan Dinas Komisi Dewan Lembaga Majelis Partai Pengadilan Kejaksaan Kepolisian
    """.split()  # noqa: SIM905
)

# Words that make the next acronym or name a person ("Inisial RN").
INITIALS_CUES: frozenset[str] = frozenset(
    ("inisial", "berinisial", "tersangka", "terdakwa", "pelaku", "saudara")
)

# Direction and compound words that continue a place name after a regional institution.
PLACE_TAILS: frozenset[str] = frozenset(
    """
    Utara Selatan Barat Timur Tengah Raya Jaya Pusat Daya Laut Kota Baru Besar Kidul Kulon
    """.split()  # noqa: SIM905
)
PLACE_HEADS: frozenset[str] = frozenset(("Kabupaten", "Kab.", "Kota", "Provinsi", "Prov.", "Kecamatan"))

# Pronouns and anaphors :func:`kabar.actors.coref.resolve_reference` understands.
PERSON_PRONOUNS: frozenset[str] = frozenset(
    ("dia", "ia", "beliau", "-nya", "nya", "dirinya", "ujarnya", "katanya")
)
DEMONSTRATIVES: frozenset[str] = frozenset(("tersebut", "itu", "ini"))
