extension ReviewPage {
    /// The style: category colours, readable at 200 % zoom (rem units, wrapping rows), visible focus.
    static let css = ##"""
:root { --ink: #1d2430; --muted: #566070; --line: #c9d0da; --bg: #f6f7f9; --accent: #1f4f8f; font-size: 100%; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
header, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h1 span { display: block; font-size: 1rem; font-weight: 400; color: var(--muted); }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
section { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
label { font-weight: 600; }
textarea, input[type=text], input[type=password], select { font: inherit; width: 100%; padding: .5rem; border: 1px solid var(--line); border-radius: .35rem; }
textarea { resize: vertical; }
.row { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; margin-top: .75rem; }
.row input[type=text] { flex: 1 1 12rem; width: auto; }
.row select { width: auto; }
.grid { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .5rem .75rem; align-items: start; margin: .5rem 0 .75rem; }
@media (max-width: 40rem) { .grid { grid-template-columns: 1fr; } }
button, .file { font: inherit; padding: .5rem 1rem; border-radius: .35rem; border: 1px solid var(--accent); background: #fff; color: var(--accent); cursor: pointer; font-weight: 600; }
button.primary { background: var(--accent); color: #fff; }
button:disabled { opacity: .5; cursor: default; }
.file input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.file:focus-within { outline: 3px solid #f0a500; outline-offset: 2px; }
:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
details { margin-top: .75rem; }
summary { cursor: pointer; font-weight: 600; color: var(--accent); }
.hint { color: var(--muted); margin: .25rem 0 .5rem; }
#meldung { border-left: .3rem solid #b3261e; background: #fdecea; padding: .5rem .75rem; margin: .75rem 0 0; }
#zusammenfassung { font-weight: 600; font-size: 1.05rem; }
#legende, #handliste { list-style: none; padding: 0; margin: .25rem 0 .5rem; display: flex; flex-wrap: wrap; gap: .35rem .5rem; }
#legende li, #handliste li { padding: .1rem .5rem; border-radius: .3rem; font-size: .9rem; }
#handliste li button { padding: 0 .4rem; margin-left: .35rem; font-size: .85rem; }
.note, pre { white-space: pre-wrap; overflow-wrap: anywhere; font: 1rem/1.9 ui-monospace, "DejaVu Sans Mono", monospace; background: #fbfbfc; border: 1px solid var(--line); border-radius: .35rem; padding: .75rem; margin: 0; }
mark { position: relative; border-radius: .25rem; padding: .05rem .15rem; color: inherit; cursor: pointer; border: 1px solid transparent; }
mark .ph { font-size: .8em; font-weight: 700; margin-left: .25rem; padding: 0 .25rem; border-radius: .2rem; background: rgba(255,255,255,.75); white-space: nowrap; }
mark[data-tip]:hover::after, mark[data-tip]:focus::after { content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 2; margin-top: .2rem; white-space: nowrap;
  background: var(--ink); color: #fff; font: .8rem/1.3 system-ui, sans-serif; padding: .25rem .5rem; border-radius: .25rem; pointer-events: none; }
mark.kept { background: #fff !important; border: 1px dashed var(--muted); }
mark.kept .ph { color: #1b6b2f; font-weight: 600; }
mark.manual { border: 2px dashed currentColor; }
mark.revealed { background: #fff; border: 2px solid #1e7b34; cursor: default; }
.c-person { background: #ffd9d6; } .c-person .ph { color: #a1261b; }
.c-date { background: #d8e6ff; } .c-date .ph { color: #1f4f9f; }
.c-age { background: #e9ddff; } .c-age .ph { color: #5b32a8; }
.c-address { background: #d6f3dc; } .c-address .ph { color: #1b6b2f; }
.c-organisation { background: #ffefbf; } .c-organisation .ph { color: #7f5700; }
.c-contact { background: #ffdcef; } .c-contact .ph { color: #9c2360; }
.c-id { background: #d9f0f5; } .c-id .ph { color: #0c5f6e; }
#status { color: #1b6b2f; font-weight: 600; }
"""##
}
