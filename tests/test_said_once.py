"""What a draft repeats is worked out once; each finding of it is still its own.

The checks keep what a citation, a date or a party name says by its text (a large draft
repeats them), and build each finding from that at its own place. A text written again, in
another quoting or another item, must still get its own position and its own fix, written in
its own quoting; the cap on findings counts what it leaves out the same way either path.
"""

from __future__ import annotations

from helpers import check_text, message_of, minimal_roadmap

from roadmap_check.checks.base import based
from roadmap_check.checks.citations import RM105
from roadmap_check.findings import Finding, Fix
from roadmap_check.limits import Limiter
from roadmap_check.model import Text

LOOSE = "CIS InfoSec Strategy 2030"
QUOTINGS = (LOOSE, f"'{LOOSE}'", f'"{LOOSE}"')
CANONICAL = "Strategy for Ensuring Information Security of the CIS Member States until 2030"


def _items(field: str, values: tuple[str, ...]) -> str:
    return "".join(f'  - id: "{n}"\n    title: X\n    responsible: Belarus\n'
                   + (f"    deadline: 2023\n    cites: [{value}]\n" if field == "cites" else
                      f"    deadline: {value}\n    cites: [telemed-2010]\n")
                   for n, value in enumerate(values, 1))


def _by_item(code: str, text: str) -> dict[str | None, Finding]:
    return {f.item: f for f in check_text(text).findings if f.code == code}


def test_a_citation_written_again_gets_its_own_place_and_its_own_quoting() -> None:
    text = minimal_roadmap(_items("cites", QUOTINGS), "  date: 2021-09-09\n")
    found = _by_item("RM105", text)
    assert set(found) == {"1", "2", "3"}
    lines = text.splitlines()
    for n, written in enumerate(QUOTINGS, 1):
        finding = found[str(n)]
        assert finding.fix is not None
        assert written in lines[finding.line - 1]
        assert finding.subject == LOOSE
        quote = written[0] if written[0] in "'\"" else ""
        assert finding.fix.replacement == f"{quote}{CANONICAL}{quote}"
        assert (finding.fix.line, finding.fix.column) == (finding.line, finding.column)
    assert len({f.message for f in found.values()}) == 1


def test_a_citation_in_a_block_scalar_has_no_fix_even_after_one_that_had() -> None:
    items = (f'  - id: "1"\n    title: X\n    responsible: Belarus\n    deadline: 2023\n'
             f"    cites: [{LOOSE}]\n"
             f'  - id: "2"\n    title: X\n    responsible: Belarus\n    deadline: 2023\n'
             f"    cites:\n      - |-\n        {LOOSE}\n")
    found = _by_item("RM105", minimal_roadmap(items, "  date: 2021-09-09\n"))
    assert found["1"].fix is not None and found["2"].fix is None
    assert found["1"].hint == found["2"].hint


def test_a_date_written_again_is_fixed_in_its_own_quoting() -> None:
    dates = ("IV квартал 2023 г.", "'IV квартал 2023 г.'", '"IV квартал 2023 г."')
    found = _by_item("RM311", minimal_roadmap(_items("deadline", dates),
                                              "  date: 2021-09-09\n"))
    fixes = [found[str(n)].fix for n in (1, 2, 3)]
    assert [fix.replacement if fix else None for fix in fixes] == \
        ["2023-Q4", "'2023-Q4'", '"2023-Q4"']
    assert len({found[str(n)].line for n in (1, 2, 3)}) == 3


def test_a_text_that_is_no_date_is_reported_each_time_it_is_written() -> None:
    found = _by_item("RM301", minimal_roadmap(_items("deadline", ("2023-02-30",) * 3),
                                              "  date: 2021-09-09\n"))
    assert set(found) == {"1", "2", "3"}
    assert len({f.line for f in found.values()}) == 3
    assert all("not a real date" in message_of(f) for f in found.values())


def test_a_finding_placed_from_a_based_message_is_the_one_at_makes() -> None:
    raw = Text(LOOSE, 3, 5, 3, 30)
    message = ("rm105.non_canonical", (("raw", repr(LOOSE)), ("framework", "infosec-2030")))
    made = RM105.at("r.yaml", raw, message, item="1", framework="infosec-2030",
                    basis="partial", fact="title_en")
    placed = RM105.on("r.yaml", raw, based("partial", "title_en", message), "1",
                      "infosec-2030", None, None, "partial")
    assert made == placed
    assert "only partly confirmed" in message_of(made)


def test_the_cap_counts_the_fixes_it_leaves_out_on_either_path() -> None:
    def finding(line: int, fix: Fix | None) -> Finding:
        return Finding("RM105", "r.yaml", line, 1, ("rm101.no_citation", ()), fix=fix)

    safe, unsafe = Fix(1, 1, 1, 2, "x"), Fix(1, 1, 1, 2, "x", safe=False)
    limiter, kept = Limiter(1), list[Finding]()
    # the first is kept; the second is left out by admit, the rest by keep's own count
    for found in (finding(1, None), finding(2, safe), finding(3, safe), finding(4, unsafe),
                  finding(5, None)):
        limiter.keep(kept, found)
    assert [f.line for f in kept] == [1]
    assert limiter.dropped == {"RM105": [4, 2, 1]}
    assert (limiter.fixable, limiter.unsafe) == (2, 1)


def test_a_date_in_a_block_scalar_has_no_fix_even_after_one_that_had() -> None:
    items = ('  - id: "1"\n    title: X\n    responsible: Belarus\n'
             "    deadline: IV квартал 2023 г.\n    cites: [telemed-2010]\n"
             '  - id: "2"\n    title: X\n    responsible: Belarus\n'
             "    deadline: |-\n      IV квартал 2023 г.\n    cites: [telemed-2010]\n")
    found = _by_item("RM311", minimal_roadmap(items, "  date: 2021-09-09\n"))
    assert found["1"].fix is not None and found["2"].fix is None
    assert found["1"].message == found["2"].message
