"""Open data: the catalog in the formats others read (CSV, JSON, a Frictionless Data
Package, Open Referral HSDS, DCAT, Atom). Every producer returns text; the glue only
writes it."""

from tejido.core.model.licences import Licence
from tejido.core.outputs.data.build import Download, OpenData, build_open_data
from tejido.core.outputs.data.settings import DATA_FOLDER, DATA_LICENCE, Publication

__all__ = ["DATA_FOLDER", "DATA_LICENCE", "Download", "Licence", "OpenData", "Publication",
           "build_open_data"]
