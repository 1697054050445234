"""Hand-made name tables that GeoNames' cities500 and admin1 files do not carry.

Every table is small and cites where it comes from; the gazetteer merges them as extra aliases.
"""

from __future__ import annotations

#: Everyday names of countries (ISO 3166-1 alpha-2) missing from GeoNames' country table, and the
#: demonyms that news text uses for a country ("Russian forces", "a Ukrainian drone"); geoparsing
#: corpora (LGL, GeoVirus) annotate such adjectives with the country's coordinates.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "U.S.A.", "US", "USA", "America", "United States of America", "the States", "American", "Americans"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "British", "United Kingdom of Great Britain and Northern Ireland"),
    "RU": ("Russian Federation", "Russian", "Russians", "Rossiya", "Россия"),
    "UA": ("Ukrainian", "Ukrainians", "the Ukraine", "Україна", "Украина"),
    "BY": ("Belarusian", "Belorussia", "Byelorussia", "Беларусь"),
    "CD": ("DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Zaire", "Congolese"),
    "CG": ("Congo-Brazzaville", "Congo Republic"),
    "KR": ("South Korea", "Korea", "South Korean", "Republic of Korea"),
    "KP": ("North Korea", "North Korean", "DPRK"),
    "CN": ("Chinese", "PRC", "People's Republic of China", "Mainland China"),
    "TW": ("Taiwanese",),
    "IR": ("Iranian", "Persia"),
    "IQ": ("Iraqi",),
    "SY": ("Syrian",),
    "IL": ("Israeli", "Israelis"),
    "PS": ("Palestinian", "Palestinians", "Palestinian Territories", "Palestine"),
    "EG": ("Egyptian", "Egyptians"),
    "SD": ("Sudanese",),
    "SS": ("South Sudanese",),
    "LB": ("Lebanese",),
    "JO": ("Jordanian",),
    "SA": ("Saudi", "Saudi Arabian"),
    "TR": ("Turkish", "Türkiye", "Turkiye"),
    "AF": ("Afghan",),
    "PK": ("Pakistani",),
    "IN": ("Indian",),
    "FR": ("French",),
    "DE": ("German", "Germans"),
    "IT": ("Italian",),
    "ES": ("Spanish",),
    "PL": ("Polish", "Poles"),
    "GE": ("Georgian", "Georgians"),
    "AM": ("Armenian",),
    "AZ": ("Azerbaijani", "Azeri"),
    "MD": ("Moldovan",),
    "RO": ("Romanian",),
    "HU": ("Hungarian",),
    "MX": ("Mexican", "Mexicans"),
    "CA": ("Canadian", "Canadians"),
    "AU": ("Australian", "Australians"),
    "NZ": ("New Zealander",),
    "JP": ("Japanese",),
    "VN": ("Vietnamese", "Viet Nam"),
    "PH": ("Filipino", "Philippine"),
    "ID": ("Indonesian",),
    "KE": ("Kenyan",),
    "NG": ("Nigerian",),
    "ZA": ("South African",),
    "ZW": ("Zimbabwean",),
    "UG": ("Ugandan",),
    "ET": ("Ethiopian",),
    "SO": ("Somali",),
    "LY": ("Libyan",),
    "YE": ("Yemeni",),
    "CU": ("Cuban",),
    "BR": ("Brazilian",),
    "CI": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "MM": ("Burma", "Burmese"),
    "CZ": ("Czech Republic", "Czech"),
    "NL": ("Holland", "Dutch"),
}

#: Short forms of US states used by AP style and newspapers ("Gainesville, Ga."), and the postal codes
#: of Australian states and Canadian provinces (AP Stylebook; Australia Post; Canada Post).
ADMIN1_ABBREVIATIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "AL"): ("Ala.",), ("US", "AZ"): ("Ariz.",), ("US", "AR"): ("Ark.",), ("US", "CA"): ("Calif.",),
    ("US", "CO"): ("Colo.",), ("US", "CT"): ("Conn.",), ("US", "DE"): ("Del.",), ("US", "FL"): ("Fla.",),
    ("US", "GA"): ("Ga.",), ("US", "IL"): ("Ill.",), ("US", "IN"): ("Ind.",), ("US", "KS"): ("Kan.", "Kans."),
    ("US", "KY"): ("Ky.",), ("US", "LA"): ("La.",), ("US", "MD"): ("Md.",), ("US", "MA"): ("Mass.",),
    ("US", "MI"): ("Mich.",), ("US", "MN"): ("Minn.",), ("US", "MS"): ("Miss.",), ("US", "MO"): ("Mo.",),
    ("US", "MT"): ("Mont.",), ("US", "NE"): ("Neb.", "Nebr."), ("US", "NV"): ("Nev.",), ("US", "NH"): ("N.H.",),
    ("US", "NJ"): ("N.J.",), ("US", "NM"): ("N.M.",), ("US", "NY"): ("N.Y.",), ("US", "NC"): ("N.C.",),
    ("US", "ND"): ("N.D.",), ("US", "OK"): ("Okla.",), ("US", "OR"): ("Ore.",), ("US", "PA"): ("Pa.",),
    ("US", "RI"): ("R.I.",), ("US", "SC"): ("S.C.",), ("US", "SD"): ("S.D.",), ("US", "TN"): ("Tenn.",),
    ("US", "TX"): ("Tex.",), ("US", "VT"): ("Vt.",), ("US", "VA"): ("Va.",), ("US", "WA"): ("Wash.",),
    ("US", "WV"): ("W.Va.", "W. Va."), ("US", "WI"): ("Wis.", "Wisc."), ("US", "WY"): ("Wyo.",),
    ("US", "DC"): ("D.C.", "District of Columbia"),
    ("AU", "02"): ("NSW",), ("AU", "04"): ("QLD",), ("AU", "07"): ("VIC",), ("AU", "08"): ("WA",),
    ("AU", "05"): ("SA",), ("AU", "06"): ("TAS",), ("AU", "03"): ("NT",), ("AU", "01"): ("ACT",),
    ("CA", "02"): ("B.C.", "BC"), ("CA", "08"): ("Ont.",), ("CA", "10"): ("Que.", "Quebec"),
    ("GB", "ENG"): ("England", "English"), ("GB", "SCT"): ("Scotland", "Scottish"), ("GB", "WLS"): ("Wales", "Welsh"),
    ("GB", "NIR"): ("Northern Ireland",),
    # GeoNames' Ukrainian and Russian region names lack the forms used in English-language news.
    ("UA", "11"): ("Crimea", "Crimean peninsula", "the Crimean peninsula", "Krym", "Autonomous Republic of Crimea"),
    ("UA", "13"): ("Kyiv Oblast", "Kyiv region", "Kiev region", "Kyivska oblast"),
    ("UA", "25"): ("Zakarpattia", "Zakarpattia Oblast", "Zakarpatska oblast", "Transcarpathian region"),
    ("UA", "24"): ("Volyn Oblast", "Volynska oblast"),
    ("UA", "10"): ("Kropyvnytskyi region",),
    ("RU", "82"): ("Crimea",),
}

#: Places renamed since 1991, old name -> (current GeoNames name, country). Sources: Verkhovna Rada of
#: Ukraine resolutions on renaming under the 2015 decommunisation laws (2016) and of 2023-24; the Russian
#: names Ukrainian and Russian news still use. GeoNames keeps most as alternates; these make sure.
RENAMED: dict[str, tuple[str, str]] = {
    "Artemivsk": ("Bakhmut", "UA"),
    "Artemovsk": ("Bakhmut", "UA"),
    "Dnepropetrovsk": ("Dnipro", "UA"),
    "Dnipropetrovsk": ("Dnipro", "UA"),
    "Kirovograd": ("Kropyvnytskyi", "UA"),
    "Kirovohrad": ("Kropyvnytskyi", "UA"),
    "Dzerzhinsk": ("Toretsk", "UA"),
    "Dzerzhynsk": ("Toretsk", "UA"),
    "Krasnoarmeysk": ("Pokrovsk", "UA"),
    "Krasnoarmiisk": ("Pokrovsk", "UA"),
    "Krasnyi Lyman": ("Lyman", "UA"),
    "Krasny Liman": ("Lyman", "UA"),
    "Dimitrov": ("Myrnohrad", "UA"),
    "Dymytrov": ("Myrnohrad", "UA"),
    "Komsomolsk": ("Horishni Plavni", "UA"),
    "Ilyichevsk": ("Chornomorsk", "UA"),
    "Illichivsk": ("Chornomorsk", "UA"),
    "Kotovsk": ("Podilsk", "UA"),
    "Kommunarsk": ("Alchevsk", "UA"),
    "Krasnodon": ("Sorokyne", "UA"),
    "Stakhanov": ("Kadiivka", "UA"),
    "Kadiyevka": ("Kadiivka", "UA"),
    "Pervomaisk": ("Pervomaisk", "UA"),
    "Dneprodzerzhinsk": ("Kamianske", "UA"),
    "Dniprodzerzhynsk": ("Kamianske", "UA"),
    "Ordzhonikidze": ("Pokrov", "UA"),
    "Yuzhnoukrainsk": ("Pivdennoukrainsk", "UA"),
    "Novograd-Volynsky": ("Zviahel", "UA"),
    "Novohrad-Volynskyi": ("Zviahel", "UA"),
    "Pereiaslav-Khmelnytskyi": ("Pereiaslav", "UA"),
    "Volodymyr-Volynskyi": ("Volodymyr", "UA"),
    "Kuibyshevo": ("Bilmak", "UA"),
    "Zhovtneve": ("Zhovtneve", "UA"),
}

#: Seas, gulfs and straits that war reporting names, with an approximate centre read off their
#: extent as drawn on OpenStreetMap (lat, lon); precision 3 (ACLED: a larger area).
SEAS: tuple[tuple[str, float, float, tuple[str, ...]], ...] = (
    ("Black Sea", 43.2, 34.3, ("the Black Sea",)),
    ("Sea of Azov", 46.0, 36.6, ("Azov Sea", "the Azov Sea", "the Sea of Azov")),
    ("Kerch Strait", 45.3, 36.55, ("the Kerch Strait", "Strait of Kerch")),
    ("Caspian Sea", 41.7, 50.6, ("the Caspian Sea", "the Caspian")),
    ("Baltic Sea", 58.5, 19.9, ("the Baltic Sea", "the Baltic")),
    ("Mediterranean Sea", 35.0, 18.0, ("the Mediterranean", "Mediterranean")),
    ("Red Sea", 20.3, 38.5, ("the Red Sea",)),
    ("Persian Gulf", 26.6, 51.9, ("the Persian Gulf", "the Gulf", "Arabian Gulf")),
    ("Gulf of Aden", 12.5, 48.0, ("the Gulf of Aden",)),
    ("Gulf of Mexico", 25.0, -90.0, ("the Gulf of Mexico",)),
    ("Barents Sea", 74.0, 36.0, ("the Barents Sea",)),
    ("South China Sea", 12.0, 113.0, ("the South China Sea",)),
    ("Snake Island", 45.255, 30.204, ("Zmiinyi Island", "Zmiinyi")),
)

#: Words that name a first-level unit after a place name ("Kharkiv region", "Bryansk oblast") and
#: the adjectival endings Ukrainian region names carry ("Kharkivska oblast").
REGION_WORDS = ("region", "oblast", "province", "krai", "kray", "republic", "governorate", "state", "county",
                "parish", "district", "raion", "rayon", "area")
