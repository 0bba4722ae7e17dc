"""PostgreSQL comes next: SQLite-only SQL lives only in the SQLite driver.

Scans every C string literal of src/ (and every migration) for constructs
that SQLite understands and PostgreSQL does not (or understands otherwise),
and fails naming the file, line and construct when one appears in a file
whose name does not contain "sqlite" (src/store/db_sqlite.c,
db_sql_sqlite.h, post_search_sqlite.c: docs/ARCHITECTURE.md, "Where
SQLite-only code may live").  A query that needs such a thing uses a named
piece of store/db_sql.h (DB_SQL_JSON_TEXT, DB_SQL_LIST_AGG, ...) or a driver
function (db_blob), never the SQLite spelling.

Nothing runs here but the scan; the tests of the behaviour are the rest of
the suite, which must stay green across the move.
"""
import glob
import os
import re
import unittest

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))

# (name, pattern): found anywhere in a string literal, SQL or not (these
# spellings mean nothing outside SQL).
ANYWHERE = [
    ("datetime()/date('now') and friends", r"\b(datetime|julianday|unixepoch)\s*\(|'now'"),
    ("strftime() in SQL", r"\bstrftime\s*\(\s*'"),
    ("json_extract()/json_each() (PostgreSQL: ->>, jsonb_*)",
     r"\bjson_(extract|each|tree|group_array|group_object|set|insert|replace|remove|patch|type|valid|quote)\s*\("),
    ("group_concat() (PostgreSQL: string_agg)", r"\bgroup_concat\s*\("),
    ("last_insert_rowid() (use RETURNING id)", r"\blast_insert_rowid\s*\("),
    ("PRAGMA", r"\bPRAGMA\b"),
    ("FTS5 / full-text MATCH", r"(?i)\bfts[345]\b|\bUSING\s+fts"),
    ("sqlite_master / sqlite_schema", r"\bsqlite_(master|schema|sequence|temp_master)\b"),
]

# Only in literals that are SQL (an upper-case SQL keyword in the literal
# or the statement it is glued to): short words that C text might hold.
IN_SQL = [
    ("INSERT OR IGNORE/REPLACE (use ON CONFLICT (target) DO ...)", r"\bINSERT\s+OR\s+\w+|\bREPLACE\s+INTO\b"),
    ("ON CONFLICT without a target, or as a column constraint",
     r"\bON\s+CONFLICT\s+(DO\s+UPDATE|REPLACE|IGNORE|ABORT|FAIL|ROLLBACK)\b"),
    ("rowid (use the INTEGER PRIMARY KEY column)", r"\b(_?rowid_?|oid)\b"),
    ("LIMIT -1 (leave LIMIT out)", r"\bLIMIT\s+-\s*1\b"),
    ("GLOB / REGEXP", r"\b(GLOB|REGEXP)\b"),
    ("IFNULL() (use COALESCE)", r"(?i)\bifnull\s*\("),
    ("IIF() (use CASE)", r"(?i)\biif\s*\("),
    ("instr() (PostgreSQL: strpos)", r"(?i)\binstr\s*\("),
    ("printf()/format() in SQL", r"(?i)\b(printf|format)\s*\(\s*'"),
    ("hex()/unhex()/randomblob()/zeroblob() (read bytes with db_blob)",
     r"(?i)\b(un)?hex\s*\(|\brandomblob\s*\(|\bzeroblob\s*\("),
    ("typeof()/total()", r"(?i)\btypeof\s*\(|\btotal\s*\("),
    ("SUM() of a comparison (a boolean is no number in PostgreSQL: DB_SQL_COUNT_IF)",
     r"(?i)\bSUM\s*\(\s*[^()]*?(\bIS\s+(NOT\s+)?NULL\b|[^<>!]=|<|>)"),
    ("two-argument MIN()/MAX() (PostgreSQL: LEAST/GREATEST)", r"(?i)\b(min|max)\s*\(\s*[^()]*,[^()]*\)"),
    ("CAST ... AS REAL (PostgreSQL's REAL is 4 bytes: DOUBLE PRECISION)", r"(?i)\bAS\s+REAL\b"),
    ("JOIN without ON (write CROSS JOIN or an ON)", r"\bJOIN\s+\w+(\s+\w+)?\s+JOIN\b"),
]

SQL_WORD = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|FROM|WHERE|VALUES|JOIN|SET|ORDER BY|GROUP BY)\b")
NOT_NAMES = {"JOIN", "LEFT", "INNER", "CROSS", "ON", "WHERE"}

# Constructs the landed migrations hold and may not be edited for; a
# PostgreSQL driver ships its own translation of them (triggers in plpgsql).
MIGRATION_ALLOWED = [r"\bRAISE\s*\(\s*ABORT\b"]

MIGRATION_EXTRA = [
    ("AUTOINCREMENT", r"\bAUTOINCREMENT\b"),
    ("WITHOUT ROWID / STRICT tables", r"\bWITHOUT\s+ROWID\b|\)\s*STRICT\b"),
    ("COLLATE NOCASE", r"\bCOLLATE\s+NOCASE\b"),
]


def driver_file(path):
    return "sqlite" in os.path.basename(path)


def strip_comments(src):
    """C source without comments, line breaks kept (so lines still count)."""
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * src.count("\n", i, j))
            i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(src[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def statements(src):
    """(line, [literal pieces]) per run of adjacent literals, macros between
    them allowed (`"... " SQL_OPENING_DATE " ..."` and `"SELECT "
    DB_SQL_COUNT_IF("x=1") " FROM t"` are one statement each)."""
    src = strip_comments(src)
    runs, cur, last = [], None, 0
    for m in LITERAL.finditer(src):
        gap = src[last:m.start()]
        if cur is not None and re.fullmatch(r"\s*(\)\s*)*(\b[A-Z_][A-Z0-9_]*\b\s*\(?\s*)*", gap):
            cur[1].append(m.group(1))
        else:
            cur = (src.count("\n", 0, m.start()) + 1, [m.group(1)])
            runs.append(cur)
        last = m.end()
    return runs


def findings_in_c(path, text):
    found = []
    for line, pieces in statements(text):
        whole = " ".join(pieces)
        is_sql = bool(SQL_WORD.search(whole))
        for name, pat in ANYWHERE + (IN_SQL if is_sql else []):
            for piece in pieces if not is_sql else [whole]:
                m = re.search(pat, piece)
                if m and not (name.startswith("JOIN") and m.group(1) and m.group(1).strip() in NOT_NAMES):
                    found.append(f"{os.path.relpath(path, ROOT)}:{line}: {name}: …{m.group(0)}…")
                    break
    return found


def findings_in_migration(path, text):
    text = re.sub(r"--[^\n]*", "", text)
    for allowed in MIGRATION_ALLOWED:
        text = re.sub(allowed, "", text)
    found = []
    for name, pat in ANYWHERE + IN_SQL + MIGRATION_EXTRA:
        for m in re.finditer(pat, text):
            line = text.count("\n", 0, m.start()) + 1
            found.append(f"{os.path.relpath(path, ROOT)}:{line}: {name}: …{m.group(0)}…")
    return found


TYPES = {"INTEGER", "TEXT", "REAL", "BLOB", "NUMERIC", "BOOLEAN", "BIGINT", "DOUBLE"}


def typeless_columns(path, text):
    """Columns declared without a type (SQLite takes any value in them)."""
    text = re.sub(r"--[^\n]*", "", text)
    found = []
    for m in re.finditer(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s*\((.*?)\);", text, re.S | re.I):
        depth, cur, parts = 0, "", []
        for ch in m.group(2):
            depth += ch == "("
            depth -= ch == ")"
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        parts.append(cur)
        for p in parts:
            words = p.split()
            if not words or words[0].upper() in ("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT"):
                continue
            if len(words) < 2 or words[1].upper().rstrip(",") not in TYPES:
                found.append(f"{os.path.relpath(path, ROOT)}: table {m.group(1)}: column without a type: {p.strip()[:60]}")
    for m in re.finditer(r"ADD\s+COLUMN\s+(\w+)\s+(\w+)?", text, re.I):
        if not m.group(2) or m.group(2).upper() not in TYPES:
            found.append(f"{os.path.relpath(path, ROOT)}: added column {m.group(1)} without a type")
    return found


def c_files():
    for pattern in ("src/**/*.c", "src/**/*.h"):
        yield from glob.glob(os.path.join(ROOT, pattern), recursive=True)


class SqlPortabilityTest(unittest.TestCase):
    def test_rule_postgres_next_no_sqlite_only_sql_outside_the_driver(self):
        found = []
        for path in sorted(c_files()):
            if not driver_file(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    found += findings_in_c(path, f.read())
        self.assertEqual(found, [], "SQLite-only SQL outside the driver (move it behind store/db_sql.h "
                                    "or a db_* function):\n" + "\n".join(found))

    def test_rule_postgres_next_migrations_are_portable_and_typed(self):
        found = []
        for path in sorted(glob.glob(os.path.join(ROOT, "src/store/migrations/*.sql"))):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            found += findings_in_migration(path, text) + typeless_columns(path, text)
        self.assertEqual(found, [], "\n".join(found))

    def test_scan_catches_what_it_is_for(self):
        """The scan itself: each construct, written as a store module would,
        is found; portable spellings are not."""
        bad = {
            'db_exec(d, err, "INSERT OR IGNORE INTO t(a) VALUES(?)", "i", 1);': "INSERT OR",
            'db_query(d, &q, err, "SELECT datetime(\'now\')", "");': "datetime",
            '#define X "json_extract(a.record,\'$.opening.date\')"\n': "json_extract",
            'db_query(d, &q, err, "SELECT rowid FROM t WHERE a=?", "i", 1);': "rowid",
            'db_query(d, &q, err, "SELECT a FROM t LIMIT -1 OFFSET ?", "i", 1);': "LIMIT -1",
            'db_query(d, &q, err, "SELECT SUM(p.kind=\'original\') FROM p", "");': "SUM",
            'db_query(d, &q, err, "SELECT max(a, b) FROM t", "");': "MIN",
            'db_query(d, &q, err, "SELECT a FROM t WHERE b GLOB ?", "t", "x*");': "GLOB",
            'db_query(d, &q, err, "SELECT a FROM r JOIN s JOIN t ON t.id=s.id", "");': "JOIN",
            'db_query(d, &q, err, "SELECT "\n "hex(data) FROM t", "");': "hex",
            'db_exec(d, err, "INSERT INTO t(a) VALUES(?) ON CONFLICT DO UPDATE SET a=1", "i", 1);': "ON CONFLICT",
            'db_exec_script(d, "PRAGMA foreign_keys=ON", err);': "PRAGMA",
        }
        for src, what in bad.items():
            found = findings_in_c(os.path.join(ROOT, "src/store/x.c"), src)
            self.assertTrue(found and any(what in f for f in found), (src, found))
        good = [
            'db_exec(d, err, "INSERT INTO meta(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE '
            'SET value=excluded.value", "tt", k, v);',
            'db_query(d, &q, err, "SELECT " DB_SQL_COUNT_IF("p.kind=\'original\'") " FROM p", "");',
            'db_query(d, &q, err, "SELECT a FROM r JOIN s ON s.id=r.id LEFT JOIN t ON t.id=s.id", "");',
            'gm_fail(err, GM_E_INVALID, "date", "日期应为 YYYY-MM-DD,如 2026-11-01");',
            'db_query(d, &q, err, "SELECT COALESCE(MAX(version),0) FROM schema_version", "");',
        ]
        for src in good:
            self.assertEqual(findings_in_c(os.path.join(ROOT, "src/store/x.c"), src), [], src)
        self.assertTrue(typeless_columns("m.sql", "CREATE TABLE t (\n id INTEGER PRIMARY KEY,\n note\n);"))
        self.assertFalse(typeless_columns("m.sql", "CREATE TABLE t (\n id INTEGER PRIMARY KEY,\n note TEXT\n);"))


if __name__ == "__main__":
    unittest.main()
