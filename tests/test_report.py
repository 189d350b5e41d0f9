"""The change log renderings: escaped printable HTML, CSV a spreadsheet cannot execute, a table a
terminal cannot be hijacked by, and JSON in the shape of DESIGN §1.3.

The HTML check is structural: the page is parsed, and every element and attribute in it must be
one the renderer writes itself; every link must be http(s). A payload that survived escaping
would show up as an unexpected element or attribute (``<script>``, ``onerror=``, ``href=
"javascript:…"``), whichever field it was planted in. The payload text itself must come back
intact as text, so escaping never eats the gazette's words.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from diffing.model import Change, ChangeType, DiffOp
from gazette import Edition, Notice, NoticeKind
from report import CSV_COLUMNS, changes_csv, changes_html, changes_json, changes_table, plain, safe_href
from store.values import ChangeEntry

XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    '<div style="background:url(javascript:alert(1))">',
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=//evil.example/>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<!--<img src=--><img src=x onerror=alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus '",
    "`${alert(1)}`",
    "<img src=x:alert(1) onerror=eval(src)>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<link rel=stylesheet href=//evil.example/x.css>",
    "Artículo 57.- \u202eevil\u202c <b>negrita</b> & \"comillas\" 'simples'",
]
BAD_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>",
            "vbscript:msgbox(1)", "http://user:pass@evil.example/", "//evil.example/x",
            'https://www.dof.gob.mx/"onmouseover="alert(1)', "file:///etc/passwd"]
TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "section",
        "article", "span", "div", "a", "del", "ins", "table", "thead", "tbody", "tr", "th", "td", "ul", "li",
        "q"}
ATTRS = {"lang", "charset", "http-equiv", "content", "name", "class", "href", "rel", "id"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self.hrefs.extend(v or "" for k, v in attrs if k == "href")

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"a comment reached the page: {data!r}")


def _entry(payload: str, url: str = "https://www.dof.gob.mx/nota_detalle.php?codigo=5727205&fecha=15/05/2024",
           kind: ChangeType = ChangeType.MODIFIED) -> ChangeEntry:
    notice = Notice(codigo="5727205", date=date(2024, 5, 15), edition=Edition.MAT, section="PRIMERA SECCION",
                    poder="ORGANISMOS", issuer=payload, title=f"MODIFICACIÓN {payload}", url=url,
                    kind=NoticeKind.AMENDS, document=payload)
    change = Change(label="art_57__frac_ix", type=kind, before=f"IX. Antes {payload}", after=f"IX. {payload}",
                    diff=((DiffOp.EQUAL, "IX. "), (DiffOp.DELETE, f"Antes {payload}"),
                          (DiffOp.INSERT, payload)), from_label=None)
    return ChangeEntry(document=f"Estatuto {payload}", document_id=1, date=date(2024, 5, 15),
                       valid_from=date(2024, 5, 16), change=change, notice=notice, reconciled=False,
                       origin="computed")


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    parsed.close()
    return parsed


@pytest.mark.parametrize("payload", XSS)
def test_gazette_text_is_escaped_everywhere_in_the_html(payload: str) -> None:
    page = changes_html([_entry(payload), _entry(payload, kind=ChangeType.ADDED)], title=f"Log {payload}",
                        filters=payload)
    parsed = _parse(page)
    assert set(parsed.tags) <= TAGS, set(parsed.tags) - TAGS
    assert {k for k, _ in parsed.attrs} <= ATTRS, {k for k, _ in parsed.attrs} - ATTRS
    assert all(h.startswith("https://www.dof.gob.mx/") or re.fullmatch(r"#cambio-\d+", h)
               for h in parsed.hrefs)
    assert parsed.tags.count("style") == 1 and parsed.tags.count("meta") == 4
    text = "".join(parsed.text)
    assert plain(payload) in text  # the words survive, as words (bidi overrides dropped)
    assert not any(c in page for c in "\u202e\u202c\x1b")


def test_the_page_forbids_scripts_and_is_self_contained() -> None:
    page = changes_html([_entry("texto")])
    parsed = _parse(page)
    policy = dict(parsed.attrs[2:4])  # the meta after <html lang> and <meta charset>
    assert policy["http-equiv"] == "Content-Security-Policy"
    assert "default-src 'none'" in (policy["content"] or "") and "script-src" not in (policy["content"] or "")
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert "<del>Antes texto</del><ins>texto</ins>" in page
    assert "@media print" in page


@pytest.mark.parametrize("url", BAD_URLS)
def test_only_plain_http_links_are_links(url: str) -> None:
    assert safe_href(url) is None
    parsed = _parse(changes_html([_entry("x", url=url)]))
    assert [h for h in parsed.hrefs if not h.startswith("#")] == []
    assert "código 5727205" in "".join(parsed.text)  # the reference is still shown, unlinked


def test_csv_cells_cannot_become_formulas() -> None:
    entry = _entry("x")
    hostile = ChangeEntry(**{**{f: getattr(entry, f) for f in entry.__slots__},  # type: ignore[attr-defined]
                             "document": "=HYPERLINK(\"http://evil.example\",\"x\")"})
    rows = list(csv.reader(io.StringIO(changes_csv([hostile, entry]))))
    assert rows[0][:3] == ["date", "valid_from", "document"]
    assert rows[1][2].startswith("'=") and rows[2][2] == "Estatuto x"
    assert rows[1][13] == entry.notice.url if entry.notice else False


def test_the_table_drops_terminal_control_sequences() -> None:
    table = changes_table([_entry("\x1b]0;pwned\x07\x1b[2J")], redlines=True)
    assert "\x1b" not in table and "\x07" not in table
    assert "artículo 57, fracción IX" in table and "DOF 15/05/2024 matutina 5727205" in table
    assert "[-Antes" in table and "{+" in table
    assert plain("a\u202eb") == "ab"


def test_json_keeps_the_design_change_shape() -> None:
    [item] = json.loads(changes_json([_entry("x")]))
    assert {"label", "type", "from_label", "before", "after", "diff", "notice"} <= set(item)
    assert set(item["notice"]) >= {"codigo", "date", "edition", "title", "url"}
    assert item["diff"][1] == ["-", "Antes x"]


HOSTILE = "Artículo 57.- \u202eexe.txt\u202c \x1b[2J\x1b]0;pwned\x07 fin"


def test_control_and_bidi_characters_never_reach_html_or_csv() -> None:
    """Issue #9 finding 7: ESC and RTL overrides from gazette text reached the report and CSV."""
    entry = _entry(HOSTILE)
    for output in (changes_html([entry], title=HOSTILE, filters=HOSTILE), changes_csv([entry])):
        assert not any(c in output for c in "\u202e\u202c\x1b\x07"), output
        assert "Artículo 57.- exe.txt [2J]0;pwned fin" in output


def test_every_csv_field_is_quoted() -> None:
    """Issue #9 finding 10: a field with ';' was left unquoted, so a spreadsheet splitting on ';'
    read what followed as a cell of its own (a formula, if it started with '=')."""
    text = changes_csv([_entry("a;=HYPERLINK(\"http://evil.example\")")])
    for line in text.splitlines():
        fields = line.split('","')
        assert line.startswith('"') and line.endswith('"') and len(fields) == len(CSV_COLUMNS), line
    assert ';=HYPERLINK' in text and '";=' not in text
