"""Every replica family, and the host -> family map the server dispatches on."""
from __future__ import annotations

import functools

from .base import Site


@functools.cache
def all_sites() -> tuple[Site, ...]:
    """One instance per family, in catalog order."""
    from .families import (bingdoc, book118, doc88, docs360, fanwen, gov, gov_gkmlpt, gov_hanweb, gov_trs, jinchutou,
                           renrendoc, synthetic)

    sites: list[Site] = [
        renrendoc.RenrendocSite(), renrendoc.BotemanSite(),
        bingdoc.BingdocSite(), bingdoc.BdocxSite(),
        docs360.Docs360Site(), book118.Book118Site(), jinchutou.JinchutouSite(),
        fanwen.Jzrc51Site(), fanwen.Site35331(),
        doc88.Doc88Site(), gov.GovSite(), gov_trs.GovTrsSite(), gov_hanweb.GovHanwebSite(),
        gov_gkmlpt.GovGkmlptSite(), synthetic.SyntheticSite(),
    ]
    return tuple(sites)


@functools.cache
def host_map() -> dict[str, Site]:
    """Real host name -> family; a host claimed twice is a replica bug."""
    mapping: dict[str, Site] = {}
    for site in all_sites():
        for host in site.hosts:
            if host in mapping:
                raise ValueError(f"host {host} claimed by {mapping[host].name} and {site.name}")
            mapping[host] = site
    return mapping


def site_named(name: str) -> Site:
    for site in all_sites():
        if site.name == name:
            return site
    raise KeyError(f"no replica family named {name!r}; known: {[s.name for s in all_sites()]}")
