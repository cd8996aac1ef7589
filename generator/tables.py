"""Load and check every rule table and walkthrough: the single source of truth.

`load_tables()` returns a `Tables` object or raises InputErrors listing every
problem as `file:line: what is wrong. What to do.` Nothing is rendered from a
table that has not passed all checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, InputErrors
from .meaning import check_meaning
from .validate import check_against_schema, schema, translatable_paths
from .yamlfile import line_of, load_yaml

PACKAGE = Path(__file__).parent
RULES_DIR = PACKAGE / "rules"
WALKTHROUGH_DIR = PACKAGE / "walkthroughs"

# file stem -> schema name
TABLE_FILES = {
    "sources": "sources", "authorities": "authorities", "chapters": "chapters",
    "rules": "rules", "areas": "areas", "help": "help", "questionnaire": "questionnaire",
    "helpers": "helpers",
}

# Every regime must say these things exactly once: the engine relies on them.
KINDS_EXACTLY_ONCE = ("mandatory", "scope-exception", "other-way-single", "other-way-future",
                      "attendance-future", "no-attendance-single", "complaint-paper")

BEK = "bek-1584-2021"


@dataclass
class Tables:
    sources: dict = field(default_factory=dict)
    authorities: dict = field(default_factory=dict)
    chapters: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    areas: dict = field(default_factory=dict)
    help: dict = field(default_factory=dict)
    questionnaire: dict = field(default_factory=dict)
    helpers: dict = field(default_factory=dict)
    walkthroughs: dict = field(default_factory=dict)
    general_model: dict = field(default_factory=dict)
    special_circumstances: dict = field(default_factory=dict)
    # (text, file, line) of every translatable string, for the catalog extractor
    texts: list = field(default_factory=list)
    files: list = field(default_factory=list)

    # --- questions the pages and the engine ask of the tables ------------------
    def rules_for(self, area_id: str, kind: str | None = None) -> list[dict]:
        """The rules that apply to an area, in table order (optionally of one kind)."""
        area = self.areas[area_id]
        return [r for r in self.rules.values()
                if area.get("chapter") in r["chapters"]
                and (not r.get("areas") or area_id in r["areas"])
                and (kind is None or r["kind"] == kind)]

    def rule_of(self, area_id: str, kind: str) -> dict | None:
        found = self.rules_for(area_id, kind)
        return found[-1] if found else None  # an area-specific rule comes after the general one

    def bek_areas(self) -> list[dict]:
        return [a for a in self.areas.values() if a.get("chapter")]

    def fact(self, name: str) -> dict:
        return next(f for f in self.questionnaire["facts"] if f["fact"] == name)

    def outcome(self, route: str, facts: dict | None = None) -> dict:
        """The wording of an outcome: the first entry for the route whose `when` the answers meet."""
        facts = facts or {}
        for o in self.questionnaire["outcomes"]:
            if o["route"] == route and all(facts.get(k) == v for k, v in o.get("when", {}).items()):
                return o
        raise KeyError(route)

    def hint_list(self, name: str, area_id: str | None = None) -> list[str]:
        """The list a question shows under its hint (questionnaire.yaml `hint_list`)."""
        if name == "complaint_conditions":
            chapter = self.areas[area_id].get("chapter") if area_id else None
            return [i["text"] for i in self.questionnaire["complaint_conditions"]["items"]
                    if chapter is None or chapter in i.get("chapters", [chapter])]
        lists = {"special_circumstances": self.special_circumstances["items"],
                 "digital_post_grounds": self.help["digital_post"]["grounds"]}
        return lists[name]

    def reminders_for(self, recipient: str, route: str | None = None) -> list[dict]:
        """The reminders that apply to a route and recipient (help.yaml `applies_to`).

        An explainer page has no route: it shows every reminder whose recipients match."""
        out = []
        for r in self.help["reminders"]:
            where = r.get("applies_to", {})
            if route is not None and route not in where.get("routes", [route]):
                continue
            if recipient not in where.get("recipients", [recipient]):
                continue
            out.append(r)
        return out


INDEX_SUFFIX = "-index.yaml"      # <source id>-index.yaml: the §§ and stk. of a law the tables cite
BEK_INDEX = f"{BEK}{INDEX_SUFFIX}"  # derived from the source text by generator/bek_index.py
# Area ids that would give an explainer or questionnaire page the address of another page.
RESERVED_AREA_IDS = {"oversigt"}


def _unknown_files(rules_dir: Path, walkthrough_dir: Path) -> list[InputError]:
    """A file the generator would not read is a mistake (a `.yml`, a typo in a name): say so."""
    errors = []
    known = {f"{stem}.yaml" for stem in TABLE_FILES} | {BEK_INDEX}
    for path in sorted(rules_dir.iterdir()) if rules_dir.is_dir() else []:
        if not path.name.startswith(".") and path.name not in known and not path.name.endswith(INDEX_SUFFIX):
            errors.append(InputError(path, None, f"this file is not a rule table, so it would be ignored. Rename it to one of "
                                                 f"{', '.join(sorted(known))}, or move it out of {rules_dir.name}/."))
    for path in sorted(walkthrough_dir.iterdir()) if walkthrough_dir.is_dir() else []:
        if not path.name.startswith(".") and (path.suffix != ".yaml" or not path.is_file()):
            errors.append(InputError(path, None, f"only .yaml files are read here, so this one would be ignored. "
                                                 f"Rename it to {path.stem}.yaml, or move it out of {walkthrough_dir.name}/."))
    return errors


def _index(items, path: Path, what: str, errors: list) -> dict:
    out = {}
    for i, item in enumerate(items):
        if item["id"] in out:
            errors.append(InputError(path, line_of(items, i),
                                     f"the {what} id '{item['id']}' is used twice. Give each {what} its own id."))
        out[item["id"]] = item
    return out


def _collect_texts(doc, schema_name: str, path: Path, out: list):
    for key_path in translatable_paths(schema(schema_name)):
        def walk(node, keys, line):
            if not keys:
                if isinstance(node, str):
                    out.append((node, path, line))
                return
            key, rest = keys[0], keys[1:]
            if key == "*" and isinstance(node, list):
                for i, item in enumerate(node):
                    walk(item, rest, line_of(node, i) or line)
            elif isinstance(node, dict) and key in node:
                walk(node[key], rest, line_of(node, key) or line)
        walk(doc, key_path, line_of(doc))


def load_tables(rules_dir: Path = RULES_DIR, walkthrough_dir: Path = WALKTHROUGH_DIR) -> Tables:
    errors: list[InputError] = _unknown_files(rules_dir, walkthrough_dir)
    t = Tables()
    docs, paths = {}, {}
    for stem, schema_name in TABLE_FILES.items():
        path = rules_dir / f"{stem}.yaml"
        paths[stem] = path
        if not path.exists():
            errors.append(InputError(path, None, f"the rule table is missing. Create {stem}.yaml (schema: generator/schema/{schema_name}.schema.json)."))
            continue
        t.files.append(path)
        try:
            doc = load_yaml(path)
        except InputError as exc:
            errors.append(exc)
            continue
        problems = check_against_schema(doc, schema_name, path)
        errors.extend(problems)
        if not problems:
            docs[stem] = doc
            _collect_texts(doc, schema_name, path, t.texts)
    for path in sorted(walkthrough_dir.glob("*.yaml")):
        t.files.append(path)
        try:
            doc = load_yaml(path)
        except InputError as exc:
            errors.append(exc)
            continue
        problems = check_against_schema(doc, "walkthrough", path)
        errors.extend(problems)
        if problems:
            continue
        if doc["id"] != path.stem:
            errors.append(InputError(path, line_of(doc, "id"), f"the id '{doc['id']}' differs from the file name. Rename the file to {doc['id']}.yaml or change the id to '{path.stem}'."))
        doc["_path"] = path
        t.walkthroughs[doc["id"]] = doc
        _collect_texts(doc, "walkthrough", path, t.texts)
    if errors:
        raise InputErrors(errors)

    t.sources = _index(docs["sources"]["sources"], paths["sources"], "source", errors)
    t.authorities = _index(docs["authorities"]["authorities"], paths["authorities"], "authority", errors)
    t.chapters = _index(docs["chapters"]["chapters"], paths["chapters"], "chapter", errors)
    t.rules = _index(docs["rules"]["rules"], paths["rules"], "rule", errors)
    t.areas = _index(docs["areas"]["areas"], paths["areas"], "area", errors)
    t.general_model = docs["areas"]["general_model"]
    t.special_circumstances = docs["areas"]["special_circumstances"]
    t.help = docs["help"]
    t.questionnaire = docs["questionnaire"]
    t.helpers = docs["helpers"]
    _check_references(t, paths, errors)
    check_meaning(docs, paths, list(t.walkthroughs.values()), errors)
    _check_citations(t, paths, rules_dir, errors)
    if errors:
        raise InputErrors(errors)
    return t


def _check_references(t: Tables, paths: dict, errors: list):
    def ref(kind, table, value, path, node, key):
        if value not in table:
            known = ", ".join(sorted(table))
            errors.append(InputError(path, line_of(node, key),
                                     f"unknown {kind} '{value}'. Use one of: {known}."))

    src = lambda path, node: [ref("source", t.sources, node[k], path, node, k) for k in ("source", "also") if k in node]

    for a in t.authorities.values():
        src(paths["authorities"], a)
    for c in t.chapters.values():
        ref("authority", t.authorities, c["recipient"], paths["chapters"], c, "recipient")
        ref("authority", t.authorities, c["decided_by"], paths["chapters"], c, "decided_by")
    for a in t.areas.values():
        path = paths["areas"]
        src(path, a)
        if a["id"] in RESERVED_AREA_IDS:
            errors.append(InputError(path, line_of(a, "id"), f"the area id '{a['id']}' is the address of another page. Choose another id."))
        if "chapter" in a:
            ref("chapter", t.chapters, a["chapter"], path, a, "chapter")
            if "wave" in a:
                errors.append(InputError(path, line_of(a, "wave"), f"area '{a['id']}' is covered by BEK 1584/2021, where 'wave' (the date of a wave of the general model) is never shown. Remove it."))
            if "citation" not in a:
                errors.append(InputError(path, line_of(a), f"area '{a['id']}' is covered by BEK 1584/2021 but has no 'citation'. Add the § that covers it, e.g. '§ 1, stk. 1'."))
            if a.get("model"):
                errors.append(InputError(path, line_of(a, "model"), f"area '{a['id']}' has both 'chapter' and 'model'. An area is either covered by BEK 1584/2021 (chapter) or follows the general model (model: general)."))
        elif a.get("model") == "general":
            if "recipient" not in a:
                errors.append(InputError(path, line_of(a), f"area '{a['id']}' follows the general model but has no 'recipient'. Add the authority that receives the application."))
            else:
                ref("authority", t.authorities, a["recipient"], path, a, "recipient")
            if a["source"] == BEK:
                errors.append(InputError(path, line_of(a, "source"), f"area '{a['id']}' is not covered by BEK 1584/2021, so it cannot cite it as its source. Cite the public page it comes from."))
        else:
            errors.append(InputError(path, line_of(a), f"area '{a['id']}' has neither 'chapter' nor 'model: general'. Say which regime it follows."))
    src(paths["areas"], t.general_model)
    src(paths["areas"], t.general_model["digital_post"])
    src(paths["areas"], t.special_circumstances)

    for r in t.rules.values():
        path = paths["rules"]
        src(path, r)
        for i, c in enumerate(r["chapters"]):
            ref("chapter", t.chapters, c, path, r["chapters"], i)
        for i, a in enumerate(r.get("areas", [])):
            ref("area", t.areas, a, path, r["areas"], i)
            if a in t.areas and t.areas[a].get("chapter") not in r["chapters"]:
                errors.append(InputError(path, line_of(r["areas"], i), f"rule '{r['id']}' names area '{a}', which is not in its chapters ({', '.join(r['chapters'])}). Add the area's chapter or remove the area."))
        if r["kind"] == "complaint-paper":
            for key, what in (("covers", "same-group or this-application"), ("complaint_about", "the regimes whose decisions the provision covers, e.g. [udbetaling-danmark]")):
                if key not in r:
                    errors.append(InputError(path, line_of(r), f"complaint-paper rule '{r['id']}' has no '{key}'. Add {key}: {what}."))
            for c in r.get("complaint_about", []):
                ref("chapter", t.chapters, c, path, r, "complaint_about")
        if r["kind"] in ("complaint-body", "complaint-body-health"):
            if "body" not in r:
                errors.append(InputError(path, line_of(r), f"rule '{r['id']}' is a complaint-body rule without 'body'. Add the authority that handles the complaint."))
            else:
                ref("authority", t.authorities, r["body"], path, r, "body")
        elif "body" in r:
            errors.append(InputError(path, line_of(r, "body"), f"'body' only belongs on complaint-body and complaint-body-health rules. Remove it from rule '{r['id']}'."))
    for c in t.chapters.values():
        general = [r for r in t.rules.values() if c["id"] in r["chapters"] and not r.get("areas")]
        for kind in KINDS_EXACTLY_ONCE + ("complaint-body",):
            n = sum(r["kind"] == kind for r in general)
            if n != 1:
                errors.append(InputError(paths["chapters"], line_of(c), f"chapter '{c['id']}' has {n} general rules of kind '{kind}' in rules.yaml; the engine needs exactly one."))

    h = t.help
    for ch in h["channels"]:
        src(paths["help"], ch)
        for i, slot in enumerate(ch.get("hours", [])):
            if slot["close"] <= slot["open"]:
                errors.append(InputError(paths["help"], line_of(ch["hours"], i), f"'{ch['id']}' closes at {slot['close']}, before it opens at {slot['open']}. Check the two times."))
    src(paths["help"], h["digital_post"])
    for r in h["reminders"]:
        src(paths["help"], r)
        for i, rec in enumerate(r.get("applies_to", {}).get("recipients", [])):
            ref("authority", t.authorities, rec, paths["help"], r["applies_to"]["recipients"], i)
    for s in t.helpers["sections"] + t.helpers["checklists"]:
        src(paths["helpers"], s)

    q = t.questionnaire
    src(paths["questionnaire"], q["complaint_conditions"])
    for key, field_name in (("facts", "fact"), ("outcomes", "route")):
        seen = {}
        for i, item in enumerate(q[key]):
            ident = (item[field_name], tuple(sorted(item.get("when", {}).items(), key=str)))
            if ident in seen:
                errors.append(InputError(paths["questionnaire"], line_of(q[key], i), f"'{item[field_name]}' is described twice. Keep one entry."))
            seen[ident] = item
    # (the facts and answers an outcome's `when` may name are checked by the schema)
    for o in q["outcomes"]:
        if o["route"] == "other-way-all-future" and "attendance" not in o:
            errors.append(InputError(paths["questionnaire"], line_of(o), "the all-future outcome needs 'attendance' (required / not_possible): the page says whether the citizen must attend."))
    for i, item in enumerate(q["complaint_conditions"]["items"]):
        for j, c in enumerate(item.get("chapters", [])):
            ref("chapter", t.chapters, c, paths["questionnaire"], item["chapters"], j)
    fact_slugs = {}
    for i, f in enumerate(q["facts"]):
        if f["slug"] in fact_slugs:
            errors.append(InputError(paths["questionnaire"], line_of(f, "slug"), f"the slug '{f['slug']}' is also used by '{fact_slugs[f['slug']]}'. Two questions would share one page address: give each question its own slug."))
        fact_slugs.setdefault(f["slug"], f["fact"])
        answer_slugs = set()
        for j, a in enumerate(f["answers"]):
            if a["slug"] in answer_slugs:
                errors.append(InputError(paths["questionnaire"], line_of(f["answers"], j), f"two answers to '{f['fact']}' have the slug '{a['slug']}': both would lead to the same page and one outcome would be lost. Give each answer its own slug."))
            answer_slugs.add(a["slug"])
    from .engine import FACT_VALUES, ROUTES
    for fact, values in FACT_VALUES.items():
        entry = next((f for f in q["facts"] if f["fact"] == fact), None)
        if entry is None:
            errors.append(InputError(paths["questionnaire"], line_of(q, "facts"), f"the question for '{fact}' is missing. Add an entry with fact: {fact}."))
            continue
        given = [a["value"] for a in entry["answers"]]
        if fact == "complaint_area":  # the page lists the areas; the answers name what follows (flow.py)
            values = ("same", "other", "unsettled", "unknown")
        if sorted(map(str, given)) != sorted(map(str, values)):
            errors.append(InputError(paths["questionnaire"], line_of(entry, "answers"), f"the answers to '{fact}' must be exactly {list(values)}, not {given}."))
    for route in ROUTES:
        if not any(o["route"] == route and "when" not in o for o in q["outcomes"]):
            errors.append(InputError(paths["questionnaire"], line_of(q, "outcomes"), f"the outcome '{route}' is missing (an entry without 'when'). Add an entry with route: {route}."))

    for w in t.walkthroughs.values():
        ref("area", t.areas, w["area"], w["_path"], w, "area")
        _check_practice(w, errors)


def _check_practice(w: dict, errors: list):
    """Practice mode needs exactly one field that shows a validation error."""
    found = [(s, el) for s in w["steps"] for el in s["screen"]["elements"] if el["type"] == "field" and "error" in el]
    if len(found) != 1:
        where = line_of(found[1][1], "error") if found else line_of(w, "steps")
        errors.append(InputError(w["_path"], where, f"practice mode needs exactly one field with an 'error' (message, try, fix); this walkthrough has {len(found)}. "
                                 "Give one field that the learner types an error block, and remove the others."))
    for s, el in found:
        if el.get("readonly"):
            errors.append(InputError(w["_path"], line_of(el, "error"), "a readonly field cannot show a typing error. Put the 'error' on a field the learner types."))


_CITATION = re.compile(r"^§ (\d+(?: [a-z])?)(?:, stk\. (\d+))?$")


def load_bek_index(path: Path) -> dict[str, dict[int, int | None]]:
    """'§ N' -> {stk: number of sentences (None: not counted)}, from a <source>-index.yaml."""
    doc = load_yaml(path)
    problems = check_against_schema(doc, "bek-index", path)
    if problems:
        raise InputErrors(problems)
    return {para: {int(k.split()[1]): n for k, n in stk.items()} for para, stk in doc["paragraphs"].items()}


def _check_citations(t: Tables, paths: dict, rules_dir: Path, errors: list):
    """Every citation names a §, stk. and pkt. that exist in its source: BEK 1584/2021 (index derived
    from its text), and every other cited law through its own <source>-index.yaml."""
    indexes: dict[str, dict | None] = {}

    def index_of(source: str, path: Path, entry) -> dict | None:
        if source not in indexes:
            index_path = rules_dir / f"{source}{INDEX_SUFFIX}"
            indexes[source] = None
            if not index_path.exists():
                hint = ("Run `python -m generator.bek_index` to write it." if source == BEK else
                        f"Write {index_path.name} beside the tables: the §§ and stk. of the law (see lov-603-2023-index.yaml).")
                errors.append(InputError(path, line_of(entry, "citation"), f"citations of '{source}' cannot be checked: "
                                         f"{index_path.name} is missing. {hint}"))
            else:
                try:
                    indexes[source] = load_bek_index(index_path)
                except InputError as exc:
                    errors.append(exc)
                except InputErrors as exc:
                    errors.extend(exc.errors)
        return indexes[source]

    def check(entry, path, source=None):
        source = source or entry["source"]
        index = index_of(source, path, entry)
        if index is None:
            return
        name = t.sources.get(source, {}).get("short", source)
        citation = entry["citation"]
        m = _CITATION.match(citation)
        para = index.get(f"§ {m.group(1)}") if m else None
        stk = int(m.group(2)) if m and m.group(2) else None
        pkt = entry.get("pkt")
        problem = None
        if para is None:
            problem = f"{name} has no {citation.split(',')[0]}"
        elif stk is not None and stk not in para:
            problem = f"{citation.split(',')[0]} of {name} has no stk. {stk} (it has stk. {', '.join(map(str, para))})"
        elif pkt is not None:
            counted = para.get(stk or 1)
            if stk is None and len(para) > 1:
                problem = f"'pkt: {pkt}' needs a stk.: {citation} has {len(para)}"
            elif counted is None:
                problem = (f"the sentences of {citation} of {name} are not counted in {source}{INDEX_SUFFIX}, so "
                           f"'pkt: {pkt}' cannot be checked. Count them in the law's text and write the number there")
            elif pkt > counted:
                problem = f"{citation} of {name} has {counted} sentence(s), so there is no {pkt}. pkt."
        if problem:
            key = "pkt" if pkt is not None and para is not None and (stk is None or stk in para) else "citation"
            errors.append(InputError(path, line_of(entry, key), f"{problem}. Check the citation against the text in sources/bek-1584-2021.txt."))

    for r in t.rules.values():
        if "citation" in r:
            check(r, paths["rules"])
        for see in r.get("jf", []):  # "§ 16, stk. 1, jf. § 16, stk. 2, 2. pkt.": same source, same check
            check(see, paths["rules"], source=r["source"])
        if "§" in r.get("says", ""):
            errors.append(InputError(paths["rules"], line_of(r, "says"), f"rule '{r['id']}' says a § reference. 'says' is for citizens: put the § in 'citation' (or 'note') and say the rule in words."))
    for a in t.areas.values():
        if "citation" in a:
            check(a, paths["areas"])
