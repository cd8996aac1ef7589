"""python -m generator COMMAND — the generator's steps as commands.

  check          validate rule tables, walkthroughs and catalogs
  build          write the pages into docs/<lang>/ (mkdocs does this itself too)
  decide         --area AREA --facts JSON [--json]: the questionnaire engine
  graph          write the questionnaire as Mermaid and DOT (default: build/flow/)
  translations   extract strings to translations/messages.pot and update catalogs
  stats          pages per language, catalog coverage, plain-language (LIX) score
  review         sheet LANG: a printable bilingual review sheet (build/review/LANG.html, .csv)
                 import LANG FILE.csv --reviewer "Name, organisation, date": marks into the catalog
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import InputError, InputErrors


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate rule tables, walkthroughs and catalogs")
    sub.add_parser("build", help="write the pages into docs/<lang>/")
    d = sub.add_parser("decide", help="run the questionnaire engine")
    d.add_argument("--area", required=True)
    d.add_argument("--facts", default="{}", help='JSON object, e.g. \'{"special_circumstances": true}\'')
    d.add_argument("--json", action="store_true", help="print the outcome as JSON (the default)")
    g = sub.add_parser("graph", help="write the flow as Mermaid and DOT")
    g.add_argument("--out", default="build/flow")
    sub.add_parser("translations", help="extract strings and update every catalog")
    sub.add_parser("stats", help="pages, coverage and LIX")
    r = sub.add_parser("review", help="review sheet per language, and marks back into the catalog")
    r.add_argument("action", choices=["sheet", "import"])
    r.add_argument("lang")
    r.add_argument("file", nargs="?", help="import: the CSV with the marks")
    r.add_argument("--reviewer", default="", help='import: "Name, organisation, date"')
    r.add_argument("--out", default="build/review", help="sheet: the folder to write to")
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (InputError, InputErrors) as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk, a folder that cannot be written: one line, not a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}. Free disk space or check the path and that you may write "
              "there, then run the command again.", file=sys.stderr)
        return 1


def _no_duplicate_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the fact '{key[:60]}' is given twice; give each fact once")
        seen[key] = value
    return seen


def cmd_check(args) -> int:
    from .catalogs import load_catalogs
    from .languages import site_languages
    from .tables import load_tables
    from .publisher import check_hotline, load_publisher
    from .source_texts import check as check_sources
    tables = load_tables()
    catalogs = load_catalogs([l.code for l in site_languages()])
    publisher = load_publisher()
    check_hotline(publisher, [ch["id"] for ch in tables.help["channels"] if ch.get("phone")])
    problems = check_sources(source_ids=set(tables.sources))
    if problems:
        raise InputErrors(problems)
    print(f"ok: {len(tables.rules)} rules, {len(tables.areas)} areas, {len(tables.walkthroughs)} walkthroughs, "
          f"{len(catalogs)} languages")
    return 0


def cmd_build(args) -> int:
    import os
    from .build import generate
    report = generate(site_url=os.environ.get("SITE_URL", ""))  # publisher.yaml's url first; none: a preview
    print(f"{report.pages} pages in {report.languages} languages: {report.written} written, {report.removed} removed")
    return 0


def cmd_decide(args) -> int:
    from .engine import DecideError, decide
    from .tables import load_tables
    try:
        facts = json.loads(args.facts, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        print(f"error: --facts is not valid JSON ({exc.msg}); example: '{{\"special_circumstances\": true}}'", file=sys.stderr)
        return 2
    except ValueError as exc:  # a key given twice, or a number too long to read
        message = str(exc) if "given twice" in str(exc) else "--facts holds a number with thousands of digits; facts are true or false"
        print(f"error: {message}", file=sys.stderr)
        return 2
    except RecursionError:
        print("error: --facts is nested too deeply; give a flat object, e.g. '{\"special_circumstances\": true}'", file=sys.stderr)
        return 2
    try:
        decision = decide(load_tables(), args.area, facts)
    except (DecideError, RecursionError) as exc:
        message = str(exc) if isinstance(exc, DecideError) else "--facts is nested too deeply"
        message = message.encode("utf-8", "backslashreplace").decode("utf-8")  # bytes that are not UTF-8, shown as \xff
        if len(message) > 200:  # a hostile value is not printed whole
            message = message[:200] + "…"
        print(f"error: {' '.join(message.split())}", file=sys.stderr)
        return 2
    print(json.dumps(decision.to_json(), ensure_ascii=False, indent=2))
    return 0


def cmd_graph(args) -> int:
    from .flow import Flow, dot, mermaid
    from .tables import load_tables
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"error: --out {out} is a file; name a folder (the graphs are several files), e.g. --out build/flow", file=sys.stderr)
        return 2
    flow = Flow(load_tables())
    out.mkdir(parents=True, exist_ok=True)
    areas = [a["id"] for a in flow.tables.bek_areas()]
    (out / "flow.mmd").write_text("\n".join(f"%% {a}\n{mermaid(flow, a)}" for a in areas), encoding="utf-8")
    (out / "flow.dot").write_text("".join(dot(flow, a) for a in areas), encoding="utf-8")
    for a in areas:
        (out / f"{a}.mmd").write_text(mermaid(flow, a), encoding="utf-8")
        (out / f"{a}.dot").write_text(dot(flow, a), encoding="utf-8")
    print(f"wrote {out}/flow.mmd, {out}/flow.dot and one .mmd/.dot per area ({len(areas)} areas)")
    return 0


def cmd_translations(args) -> int:
    from .extract import extract_and_update
    report = extract_and_update()
    for lang, (done, total) in report.items():
        print(f"{lang}: {done}/{total} translated")
    return 0


def cmd_stats(args) -> int:
    from .stats import print_stats
    print_stats()
    return 0


def cmd_review(args) -> int:
    from .languages import site_languages
    from .review import import_marks, write_sheet
    codes = [l.code for l in site_languages() if not l.default]
    if args.lang not in codes:
        print(f"error: no catalog for '{args.lang}'; use one of: {', '.join(codes)}", file=sys.stderr)
        return 2
    if args.action == "sheet":
        sheet, table, count = write_sheet(args.lang, Path(args.out))
        print(f"{count} strings: print {sheet}; type the marks into {table}")
        return 0
    if not args.file:
        print("error: give the CSV with the marks: review import LANG FILE.csv --reviewer \"Name, organisation, date\"", file=sys.stderr)
        return 2
    reviewed, corrected = import_marks(args.lang, Path(args.file), args.reviewer)
    print(f"translations/{args.lang}.po: {reviewed} entries marked reviewed, {corrected} of them corrected")
    return 0


COMMANDS = {"check": cmd_check, "build": cmd_build, "decide": cmd_decide, "graph": cmd_graph,
            "translations": cmd_translations, "stats": cmd_stats, "review": cmd_review}

if __name__ == "__main__":
    sys.exit(main())
