#!/usr/bin/env python3
"""Every rule of REQUIREMENTS.md has a test that names it (docs/RULES.md).

Reads the shared REQUIREMENTS.md (GM_SHARED, default ../shared beside the
source tree), numbers the rule bullets of its sections 1-6 as §N.M (M counts
the bullets of section N from 1; a section without bullets is the one rule
§N.1), and finds the tests that name each rule:
  tests/api/test_*.py      a test method's docstring or its class's docstring
  tests/browser/*.test.mjs a test("...") title
  tests/unit/test_*.c      the comment block right above static void test_*(void **state)

  --check (default)  fail when a rule has no test, when a test names a rule that
                     does not exist, or when REQUIREMENTS.md's bullets no longer
                     match docs/RULES.md (the numbering moved: renumber the tests)
  --list             print each rule with the tests that name it
  --write            rewrite docs/RULES.md from REQUIREMENTS.md
Exit 0 on success, 1 on a failed check, 77 when REQUIREMENTS.md is not found.
"""
import ast
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("GM_SHARED") or os.path.join(ROOT, "..", "shared")
RULES_MD = os.path.join(ROOT, "docs", "RULES.md")
REF = re.compile(r"§(\d+)\.(\d+)")
SECTION = re.compile(r"^## (\d+)\. (.*)$")
OPENING_CHARS = 90


def read_rules(path):
    """[(id, section title, text)] for the bullets of sections 1-6."""
    rules, section, title, bullets, para = [], None, "", [], []

    def close():
        if section is None or not 1 <= section <= 6:
            return
        items = bullets or ([" ".join(para)] if para else [])
        for i, text in enumerate(items, 1):
            rules.append((f"§{section}.{i}", title, text))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = SECTION.match(line)
            if m or line.startswith("# ") or line.startswith("## "):
                close()
                section, title, bullets, para = (int(m.group(1)), m.group(2), [], []) if m else (None, "", [], [])
            elif line.startswith("- "):
                bullets.append(line[2:].strip())
            elif line.startswith("  ") and bullets:
                bullets[-1] += " " + line.strip()
            elif line.strip():
                para.append(line.strip())
    close()
    return rules


def opening(text):
    """The first words of a rule, as docs/RULES.md keeps them."""
    text = text.replace("|", "/")
    return text if len(text) <= OPENING_CHARS else text[:OPENING_CHARS].rstrip() + "…"


def python_tests(path):
    """(test name, text naming it) for each test method of a tests/api file."""
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    base = os.path.basename(path)[:-3]
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        cdoc = ast.get_docstring(cls) or ""
        for fn in cls.body:
            if isinstance(fn, ast.FunctionDef) and fn.name.startswith("test"):
                yield f"api.{base}.{cls.name}.{fn.name}", cdoc + "\n" + (ast.get_docstring(fn) or "")


MJS_TEST = re.compile(r"""\btest\(\s*(["'`])((?:\\.|(?!\1).)*)\1""", re.S)


def browser_tests(path):
    base = os.path.basename(path)[:-len(".test.mjs")]
    for m in MJS_TEST.finditer(open(path, encoding="utf-8").read()):
        yield f"browser.{base}: {m.group(2)[:60]}", m.group(2)


C_TEST = re.compile(r"^static void (test_\w+)\(void \*\*state\)")


def c_tests(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    base = os.path.basename(path)[:-2]
    for i, line in enumerate(lines):
        m = C_TEST.match(line)
        if not m:
            continue
        j, comment = i - 1, []
        while j >= 0 and re.match(r"^\s*(/\*|\*|//)", lines[j]):
            comment.append(lines[j])
            j -= 1
        yield f"unit.{base}.{m.group(1)}", "\n".join(comment)


def collect_tests():
    out = []
    for sub, suffix, reader in (("api", ".py", python_tests), ("browser", ".test.mjs", browser_tests),
                                ("unit", ".c", c_tests)):
        d = os.path.join(ROOT, "tests", sub)
        for name in sorted(os.listdir(d)):
            if name.endswith(suffix) and (sub == "browser" or name.startswith("test_")):
                out.extend(reader(os.path.join(d, name)))
    return out


def naming(rules, tests):
    """{rule id: [test names]} and [(test, unknown id)]."""
    ids = {r[0] for r in rules}
    named, unknown = {r[0]: [] for r in rules}, []
    for test, text in tests:
        for m in sorted({f"§{a}.{b}" for a, b in REF.findall(text)}):
            (named[m].append(test) if m in ids else unknown.append((test, m)))
    return named, unknown


def rules_table(rules):
    rows = ["| rule | opens with |", "|---|---|"]
    rows += [f"| {rid} | {opening(text)} |" for rid, _, text in rules]
    return "\n".join(rows) + "\n"


HEADER = """# Rules of REQUIREMENTS.md and the tests that name them

Every rule of the shared REQUIREMENTS.md (sections 1-6) has a stable reference
**§N.M**: N is the section, M counts that section's bullets from 1 (a section
without bullets, such as §6 working calendar, is the one rule §N.1).  A test
names the rules it checks with these references:

- `tests/api/test_*.py`: in the test method's docstring, or in its class's
  docstring (then every test method of the class names it);
- `tests/browser/*.test.mjs`: in the `test("...")` title;
- `tests/unit/test_*.c`: in the comment block right above `static void test_*(void **state)`.

A test may name several rules (`§1.3 §6.1 ...`).  `scripts/rules_named.py`
(CTest `rules.named`, part of `make test`) fails when a rule has no test, when a
test names a rule that does not exist, or when REQUIREMENTS.md's bullets no
longer open as the table below says (the numbering moved: renumber the tests,
then `python3 scripts/rules_named.py --write`).  `python3 scripts/rules_named.py
--list` prints each rule with the tests that name it.

This file is generated by `scripts/rules_named.py --write`; do not edit the table by hand.

"""


def main(argv):
    mode = argv[1] if len(argv) > 1 else "--check"
    req = os.path.join(SHARED, "REQUIREMENTS.md")
    if not os.path.exists(req):
        print(f"rules_named: {req} not found (set GM_SHARED); skipped")
        return 77
    rules = read_rules(req)
    if mode == "--write":
        with open(RULES_MD, "w", encoding="utf-8") as f:
            f.write(HEADER + rules_table(rules))
        print(f"wrote {RULES_MD}: {len(rules)} rules")
        return 0
    named, unknown = naming(rules, collect_tests())
    if mode == "--list":
        for rid, _, text in rules:
            print(f"{rid} {opening(text)}")
            for t in named[rid] or ["(no test)"]:
                print(f"    {t}")
        return 0
    failed = False
    kept = open(RULES_MD, encoding="utf-8").read() if os.path.exists(RULES_MD) else ""
    if rules_table(rules) not in kept:
        print("docs/RULES.md does not match REQUIREMENTS.md's rule bullets (a rule was added, moved or "
              "reworded): renumber the tests that name the moved rules, then run "
              "python3 scripts/rules_named.py --write")
        failed = True
    for rid, _, text in rules:
        if not named[rid]:
            print(f"no test names {rid}: {opening(text)}")
            failed = True
    for test, rid in unknown:
        print(f"{test} names {rid}, which is not a rule of REQUIREMENTS.md")
        failed = True
    covered = sum(1 for r in rules if named[r[0]])
    print(f"rules_named: {covered}/{len(rules)} rules named by a test")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
