"""Original texts for the duplicate-index tests: a wire story and a daily price-report template."""

from __future__ import annotations

WIRE = (
    "Presiden Rusia Vladimir Putin memberikan sebuah mobil limusin Aurus buatan Rusia kepada pemimpin "
    "Korea Utara Kim Jong Un. Kantor berita KCNA melaporkan mobil itu diserahkan kepada adik Kim, Kim Yo "
    "Jong, di Pyongyang pada Minggu (18/2/2024). Kim Yo Jong menyebut hadiah itu bukti hubungan istimewa "
    "kedua negara. Ia juga menyampaikan terima kasih Kim Jong Un kepada Putin atas perhatian pribadinya. "
    "Mobil Aurus menjadi kendaraan resmi Putin sejak pelantikannya pada 2018. Pemberian kendaraan "
    "mewah ke Korea Utara dinilai sejumlah pengamat berlawanan dengan sanksi Dewan Keamanan PBB yang "
    "melarang ekspor barang mewah ke negara itu. Kedua pemimpin bertemu terakhir kali di Kosmodrom "
    "Vostochny pada September 2023."
)

PRICE = (
    "Harga emas batangan di Butik Emas Logam Mulia pada {day} {direction} Rp{change} menjadi Rp{price} per "
    "gram dari sebelumnya Rp{before} per gram. Harga pembelian kembali atau buyback ditetapkan Rp{buyback} "
    "per gram. Penjualan kembali emas batangan dengan nilai lebih dari Rp10 juta dikenai pajak penghasilan "
    "sebesar 1,5 persen bagi pemegang NPWP dan 3 persen bagi yang tidak memiliki NPWP. Pembelian emas "
    "batangan dikenai pajak 0,45 persen untuk pemegang NPWP dan 0,9 persen untuk yang tidak memiliki NPWP. "
    "Setiap pembelian disertai bukti potong pajak."
)


def price_report(day: str, direction: str, change: str, price: str, before: str, buyback: str) -> str:
    """A daily gold-price report from one template: only the day and the figures change."""
    return PRICE.format(day=day, direction=direction, change=change, price=price, before=before,
                        buyback=buyback)  # fmt: skip
