"""Closed word lists the tokenizer, sentence splitter and language identifier rely on."""

from __future__ import annotations

# Abbreviations written with one final dot. Case matters: "No." is an abbreviation, "no." is not.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    dll dsb dst dkk tsb yth Yth sbb spt dgn yg tgl hlm
    No Jl Jln Gg Kec Kab Kel Kp Ds Prov
    Dr dr drg Drs Dra Prof Ir H Hj KH Ny Nn Tn Sdr Sdri Bpk Mr Mrs Ms St Sr Jr
    Moh Moch Muh Ust Pdt Kol Letkol Jend Pol Purn Kapt Kompol Komjen Irjen
    Tbk Inc Ltd Corp Co Bhd Pte vs
    """.split()
)

# Abbreviations that may end a sentence (before a capitalised word the sentence is split).
SENTENCE_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    "dll. dsb. dst. dkk. tsb. sbb. Tbk. Inc. Ltd. Corp. Co. Bhd.".split()
)

# Top-level domains a bare domain name (kompas.com, sputnikglobe.com/x) may end with.
TLDS: tuple[str, ...] = (
    "com", "id", "org", "net", "co", "go", "ac", "gov", "edu", "info", "io", "tv", "news", "ru",
    "uk", "sg", "my", "au", "us", "cn", "jp", "kr", "int", "asia", "biz", "me", "fm", "tech",
)  # fmt: skip

# Words that end like a clitic but carry none.
CLITIC_EXCEPTIONS: frozenset[str] = frozenset(
    """
    hanya punya tanya bertanya ditanya menanya mempunyai sonya tonya kenya sanya bunya
    sekolah masalah salah kalah telah jumlah sejumlah lelah allah olah mengolah diolah pengolah
    istilah sebelah belah terbelah membelah ulah galah bilah pilah mengalah bersalah berolah
    nikah langkah selangkah menikah dinikah berlangkah
    rumpun ampun himpun berhimpun menghimpun dihimpun terhimpun
    """.split()
)

# Capitalised words whose -lah/-kah/-pun is a clitic (other capitalised words may be names).
CLITIC_WORDS_CAPITALISED: frozenset[str] = frozenset(
    """
    adalah ialah inilah itulah dialah merekalah kamilah kitalah sayalah disinilah
    apakah siapakah bagaimanakah mengapakah kapankah dimanakah manakah bukankah adakah
    meskipun walaupun adapun apapun siapapun bagaimanapun sekalipun ataupun kapanpun manapun
    biarpun sungguhpun bahkanpun namunpun
    """.split()
)
