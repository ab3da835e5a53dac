from __future__ import annotations

import http.server
import threading

from annotator.core.html_text import declared_charset, html_to_text

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Police  &amp; cameras</title>
<style>p { color: red }</style><script>var x = '<p>not text</p>';</script>
<link rel=stylesheet href="https://example.invalid/x.css"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div hidden>secret</div><span style="display: none">hidden span</span>
<div role="navigation">menu</div><p aria-hidden="true">gone</p>
<h1>Hong Kong goes for <em>mass</em> surveillance</h1>
<p>First&nbsp;paragraph with &lt;tags&gt; and   spaces
across lines.</p>
<p>Line one<br>Line two<br/>Line three</p>
<ul><li>one</li><li>two</li></ul>
<pre>  code
   keeps  spaces</pre>
<table><tr><th>city</th><th>cameras</th></tr><tr><td>Hong Kong</td><td>2,000</td></tr></table>
<img src="https://example.invalid/pic.jpg" alt="picture">
<p>caf&eacute; &#128512; &mdash; end</p></body></html>"""


def test_readable_text_of_a_saved_page():
    title, text = html_to_text(PAGE)
    assert title == "Police & cameras"
    assert text == (
        "Hong Kong goes for mass surveillance\n\n"
        "First\u00a0paragraph with <tags> and spaces across lines.\n\n"
        "Line one\nLine two\nLine three\n\n"
        "one\n\ntwo\n\n"
        "  code\n   keeps  spaces\n\n"
        "city\tcameras\nHong Kong\t2,000\n\n"
        "café 😀 — end\n"
    )


def test_title_falls_back_to_the_first_heading():
    title, text = html_to_text("<h1>The  <b>heading</b></h1><p>body</p>")
    assert title == "The heading"
    assert text == "The heading\n\nbody\n"


def test_declared_charset_is_read_as_browsers_read_it():
    assert declared_charset(b'<meta charset="windows-1252">') == "cp1252"
    assert declared_charset(b'<meta charset="ISO-8859-1">') == "cp1252"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
        == "gb18030"
    )
    assert declared_charset(b'<!-- <meta charset="koi8-r"> --><p>x</p>') is None
    assert declared_charset(b"<p>none</p>") is None


def test_unclosed_head_hidden_paragraphs_and_items_do_not_swallow_the_page():
    page = (
        "<html><head><title>T</title><meta charset=utf-8>"
        "<p>Body text without a closing head tag."
        "<p style='display:none'>hidden paragraph"
        "<p>Visible again.<ul><li hidden>hidden item<li>shown item</ul>"
        "<p>Line</br>break <svg><title>icon</title></svg></p>"
    )
    title, text = html_to_text(page)
    assert title == "T"
    assert text == (
        "Body text without a closing head tag.\n\nVisible again.\n\nshown item\n\nLine\nbreak\n"
    )


def test_a_doctype_internal_subset_leaves_nothing_in_the_text():
    for page in (
        '<!DOCTYPE html [ <!ENTITY x "y"> ]><p>text &x;</p>',
        '\ufeff<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY nbsp "&#160;">\n] >\n'
        "<html><body><p>text &x;</p></body></html>",
    ):
        assert html_to_text(page) == ("", "text &x;\n")


def test_unterminated_constructs_end_as_a_browser_ends_them():
    assert html_to_text("<p>one <!-- never closed <p>two") == ("", "one\n")
    assert html_to_text("<p>one </a<p>two </a") == ("", "one two\n")
    assert html_to_text("<p>one <![CDATA[<p>two <![CDATA[") == ("", "one two\n")
    assert html_to_text("<p>a\x00b\x01c</p>") == ("", "abc\n")  # NUL and markers dropped


def test_the_page_decides_nothing_about_its_own_decoding_or_fetching(tmp_path):
    """The characters are read as given (a <meta> naming another encoding changes
    nothing); external DTDs and entities are neither fetched nor expanded."""
    dtd = tmp_path / "x.dtd"
    dtd.write_text('<!ENTITY secret "LEAKED">', encoding="utf-8")
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY secret "LEAKED">')

        def log_message(self, *_args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        for system in (f"{url}/x.dtd", dtd.as_uri()):
            page = (
                f'<!DOCTYPE html SYSTEM "{system}"><meta charset="iso-8859-5">'
                f'<link rel=stylesheet href="{url}/s.css"><img src="{url}/i.png">'
                f'<iframe src="{url}/f.html"></iframe><p>café &secret; end</p>'
            )
            assert html_to_text(page) == ("", "café &secret; end\n")
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []
