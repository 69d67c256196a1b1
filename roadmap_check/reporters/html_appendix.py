"""The HTML annex's appendix: the rule set a road map was checked against, the sources of its
frameworks' facts, and what a reader must be told of the facts no official text confirms."""

from __future__ import annotations

from urllib.parse import urlsplit

from roadmap_check import dates
from roadmap_check.i18n import t
from roadmap_check.report import FileReport, FrameworkInfo
from roadmap_check.reporters.annex_text import capital, escape, group_name, layer, produced_ruleset

SHOWN_KINDS = ("official", "legal-database")  # the sources a circulated annex lists
_PROVENANCE = ("framework", "title", "group", "required", "confidence", "adopted", "until",
               "sources")
_UNSURE = ("inferred", "unknown")


def _links(urls: list[str]) -> str:
    """Sources as their host names, linking to the pages: compact on screen and on paper. A
    host is named once, its further pages after it as [2], [3] ..."""
    hosts: dict[str, list[str]] = {}
    for url in urls:
        host = (urlsplit(url).hostname or url).removeprefix("www.").rstrip(".") \
            if url.startswith(("https://", "http://")) else url
        hosts.setdefault(host, []).append(url)
    return ", ".join(" ".join(f'<a href="{escape(url)}" title="{escape(url)}">'
                              f"{escape(host if n == 1 else f'[{n}]')}</a>"
                              for n, url in enumerate(pages, 1))
                     if pages[0].startswith(("https://", "http://")) else escape(host)
                     for host, pages in hosts.items())


def caveats(framework: FrameworkInfo, lang: str) -> list[tuple[str, str]]:
    """What a reader must be told of a framework's facts that no official text confirms, in
    plain words (never a bare "inferred"): (the fact, the sentence)."""
    overall = framework.confidence
    fields = dict(framework.provenance)
    out = []
    if framework.in_force_until and fields.get("in_force_until", overall) in _UNSURE:
        out.append(("in_force_until", t(lang, "html.caveat.in_force_until",
                                        value=dates.spoken(framework.in_force_until, "gen"))))
    if framework.adopted and fields.get("adopted", overall) in _UNSURE:
        out.append(("adopted", t(lang, "html.caveat.adopted",
                                 value=dates.tabled(framework.adopted))))
    if fields.get(f"title_{lang}", fields.get("title_en", overall)) in _UNSURE:
        out.append(("title", t(lang, "html.caveat.title")))
    if fields.get("issuer") in _UNSURE:
        out.append(("issuer", t(lang, "html.caveat.issuer")))
    if not out and overall in _UNSURE:
        out.append(("whole", t(lang, "html.caveat.whole")))
    return out


def appendix(file: FileReport, several: bool) -> str:
    """The rule set and the sources of its facts: at the end, collapsed on screen, printed in
    full. Only official sources and legal databases are listed; the others are counted."""
    ruleset, lang = file.ruleset, file.lang
    if ruleset is None:
        return ""
    heading = t(lang, "html.appendix")
    if several:
        heading += f" — {file.roadmap.title if file.roadmap and file.roadmap.title else file.path}"
    layers = ", ".join(layer(source, lang) for source in ruleset.sources)
    out = [f'<section class="appendix" lang="{escape(lang)}">\n<details><summary><h2>{escape(heading)}'
           f"</h2></summary>\n<p>{escape(t(lang, 'html.appendix_intro'))}</p>\n"
           f"<p>{escape(capital(t(lang, 'report.ruleset')))}: {escape(produced_ruleset(file))}. "
           f"{escape(t(lang, 'html.layers', sources=layers))}</p>\n"]
    roles: dict[str, str] = {}
    for need in file.needs:
        for fid in need.members:
            roles.setdefault(fid, t(lang, "html.yes") if need.kind != "group" else
                             t(lang, "html.one_of", id=need.id))
    cited = {fid for item in file.items for fid, _ in item.cited}
    shown = [fw for fw in ruleset.frameworks if fw.id in roles or fw.id in cited]
    others = sum(1 for fw in shown for source in fw.sources if source.kind not in SHOWN_KINDS)
    out.append('<table class="provenance">'
               + "".join(f'<col class="c{n}">' for n in range(1, len(_PROVENANCE) + 1))
               + '<thead><tr>'
               + "".join(f"<th>{escape(t(lang, f'html.col.{name}'))}</th>" for name in _PROVENANCE)
               + "</tr></thead>\n<tbody>\n")
    notes: list[tuple[FrameworkInfo, list[tuple[str, str]]]] = []
    for fw in shown:
        links = _links([source.url for source in fw.sources if source.kind in SHOWN_KINDS]) \
            or "—"
        said = caveats(fw, lang)
        if said:
            notes.append((fw, said))
        confidence = t(lang, f"html.confidence.{fw.confidence}") \
            if fw.confidence in ("seen", "partial", "inferred", "unknown") else "—"
        mark = "*" if said else ""
        out.append(f"<tr><td><code>{escape(fw.id)}</code></td><td>{escape(fw.title_in(lang))}</td>"
                   f"<td>{escape(group_name(fw.group, lang))}</td><td>{escape(roles.get(fw.id, ''))}</td>"
                   f"<td>{escape(confidence)}{mark}</td>"
                   f"<td>{escape(dates.tabled(fw.adopted).get(lang) if fw.adopted else '—')}</td>"
                   f"<td>{escape(dates.tabled(fw.in_force_until).get(lang) if fw.in_force_until else '—')}"
                   f"</td><td>{links}</td></tr>\n")
    out.append("</tbody></table>\n")
    if notes:  # each caveat said once, for all the frameworks it concerns
        concerned: dict[str, list[str]] = {}
        for fw, said in notes:
            concerned.setdefault("; ".join(sentence for _, sentence in said), []).append(fw.id)
        out.append(f"<h3>{escape(t(lang, 'html.caveats'))}</h3>\n<ul class=\"caveats\">\n")
        out.extend(f"<li>{', '.join(f'<code>{escape(fid)}</code>' for fid in ids)}: "
                   f"{escape(sentence)}.</li>\n" for sentence, ids in concerned.items())
        out.append("</ul>\n")
    rest = ruleset.total - len(shown)
    tail = ([f'<p class="mute">{escape(t(lang, "html.other_sources", count=others))}</p>\n']
            if others else []) + \
        ([f'<p class="mute">{escape(t(lang, "html.other_frameworks", count=rest))}</p>\n']
         if rest else [])
    if tail:  # printed with what comes before it, never alone at the top of a page
        out.append('<div class="tail">' + "".join(tail) + "</div>\n")
    out.append("</details>\n</section>\n")
    return "".join(out)
