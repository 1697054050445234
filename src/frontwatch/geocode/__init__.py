"""Offline geocoding: a GeoNames-derived gazetteer, name normalisation, region phrasings, context-aware
resolution and place-name finding.

>>> from frontwatch.geocode import Geocoder
>>> Geocoder().resolve("Kharkov").name
'Kharkiv'
"""

from __future__ import annotations

from ..models import Toponym
from .gazetteer import GazetteerPlace, settlements
from .geocoder import Geocoder
from .resolver import GeoContext

__all__ = ["GazetteerPlace", "GeoContext", "Geocoder", "Toponym", "settlements"]
