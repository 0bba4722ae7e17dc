"""Bad input over EVERY command form of the CLI, read from the program's own
help (`govmedia --help` lists the subcommands, each `SUB --help` its usage
lines), so a new command or option is walked without editing this file:

- an unknown option: exit 2, a Chinese message naming it;
- each option that takes a value, given last without one: exit 2, naming it;
- each number option (N, ID, YYYY, …) given "12x": exit 2, naming it;
- each text option given invalid UTF-8: exit 2, naming it;
- each date option (YYYY-MM-DD, DATE) given a day that does not exist
  (2026-13-01): exit 2, naming the option the user typed, not the API field;
- each file option (and a positional FILE) naming a file that does not
  exist: exit 2, naming the file;
- a --db that does not exist: exit 2, naming it, and no file is created.

The rest of each command line is filled with values a user would give, so
the probe reaches the check it is about.  Nothing changes: every table's
content (not only its row count) and the audit chain are the same after
the whole sweep (DESIGN.md "Bad input ... nothing changed").
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402
from test_bad_input_sweep import fingerprint  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")
SUBCOMMAND = re.compile(r"^  (\S+)\s")
# What kind of value an option takes, from its placeholder in the usage line.
DATE_HINTS = ("YYYY-MM-DD", "DATE")
NUMBER_HINTS = ("N", "ID", "YYYY", "M", "SECONDS", "编号", "上级单位ID")
FILE_HINTS = ("FILE", "PATH", "DIR", "文件", "目录", ".json", ".png", ".csv")
# A value a user would give for an option of that name (the probe of one
# option must get past every other).
PLAUSIBLE = {"--login": "contributor", "--name": "测试单位", "--role": "contributor:4",
             "--kind": "department", "--parent": "3", "--id": "1", "--unit": "4", "--account": "1",
             "--year": "2026", "--round": "1", "--as": "admin", "--platform": "weibo",
             "--limit": "5", "--month": "3", "--date": "2026-11-20", "--as-of": "2026-11-20",
             "--from": "2026-11-01", "--to": "2026-11-20", "--since": "2026-01-01",
             "--state": "draft", "--overdue": "any", "--filed-late": "true", "--late": "any",
             "--format": "csv", "--set": "national", "--disclosure": "punishment",
             "--at": "2026-11-20T01:00:00Z", "--listen": "127.0.0.1:0", "--threads": "2",
             "--job-tick": "30", "--webhook-retry": "30", "--max-login-failures-per-address": "30",
             "--object-id": "1", "--into": "2", "--url": "https://example.org/a"}
# Options that only work together with another one (report --out with a
# --format, post create --basis with a --disclosure): the probe of the first
# brings the second along.
COMPANIONS = {"--out": ["--format", "csv"], "--basis": ["--disclosure", "punishment"]}
MISSING = "/nonexistent-gm-sweep/缺失的文件.json"


def run_bytes(args, timeout=60):
    """govmedia ARGS (bytes allowed); (exit code, stderr text), or (None, …)
    when it did not end (a serve that started despite bad input)."""
    try:
        p = subprocess.run([gmtest.BIN, *args], capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "did not exit"
    return p.returncode, p.stderr.decode("utf-8", "replace") + p.stdout.decode("utf-8", "replace")


def help_text(*args):
    return subprocess.run([gmtest.BIN, *args], capture_output=True, text=True).stdout


def usage_forms():
    """(subcommand, usage line with its continuation lines) of every form."""
    out = []
    for line in help_text("--help").splitlines():
        m = SUBCOMMAND.match(line)
        if not m:
            continue
        sub, cur = m.group(1), None
        text = help_text(sub, "--help")
        for raw in text.splitlines():
            s = raw.strip()
            s2 = re.sub(r"^用法[::]\s*", "", s)
            if s2.startswith("govmedia "):
                cur = [s2]
                out.append((sub, cur, text))
            elif cur is not None and s[:1] in ("[", "("):
                cur.append(s)
            else:
                cur = None
    return [(sub, " ".join(parts), text) for sub, parts, text in out]


def placeholder_words(name, text):
    """The words a placeholder (ACTION, NAME) stands for, from its help line
    "NAME: accounts(备案登记) reviews(…)" and the lines continuing it."""
    words, on = [], False
    for raw in text.splitlines():
        s = raw.strip()
        if s.startswith(name + ":"):
            on, s = True, s[len(name) + 1:]
        elif on and (s.startswith("-") or s.startswith("govmedia") or not s):
            break
        if on:
            words += re.findall(r"(?<![A-Za-z_])([a-z][a-z_-]+)(?=\(|\s|$)", s)
    return words


def commands():
    """Every form as (argv prefix, [(option, placeholder)], positional FILE?, required options)."""
    out = []
    for sub, line, text in usage_forms():
        toks = line.split()
        action = toks[2] if len(toks) > 2 and not toks[2].startswith(("-", "[", "(")) else None
        actions = [action]
        if action and action.isupper():
            actions = placeholder_words(action, text) or [action]
        opts, required, positional = parse_options(line)
        for act in actions:
            prefix = [sub] + ([act] if act else [])
            out.append((prefix, opts, positional, required))
    return out


def parse_options(line):
    """The options of a usage line as [(option, placeholder)], those outside
    every [...] (and, of an (a | b) choice, the first) as required, and
    whether it takes a positional FILE."""
    opts, required, positional = [], [], False
    depth, chosen, prev = 0, [], None
    for tok in re.findall(r"\[|\]|\(|\)|\||[^\s\[\]()|]+", line):
        if tok in ("[", "("):
            depth += 1
            chosen.append(tok == "(")
        elif tok in ("]", ")"):
            depth -= 1
            chosen.pop()
        elif tok == "|":
            if chosen and chosen[-1]:
                chosen[-1] = False       # past the first choice of ( … | … )
        elif tok.startswith("--"):
            opts.append([tok, ""])
            if all(chosen) and tok not in [r[0] for r in required]:
                required.append(opts[-1])
        elif prev and prev.startswith("--") and not opts[-1][1]:
            opts[-1][1] = tok
        elif re.fullmatch(r"FILE(\.csv)?", tok):
            positional = True
            if all(chosen):
                required.append(["FILE", "x"])     # calendar load FILE: an existing file
        elif tok == "NAME" and opts and all(chosen):
            required.append(["NAME", "messages.escalate"])   # jobs run NAME: a job that exists
        prev = tok if tok != "|" else None
    seen, out = set(), []
    for name, hint in opts:
        if name not in seen and hint != "...":
            seen.add(name)
            out.append((name, hint))
    return out, [tuple(r) for r in required], positional


# Ids that are text: an account's id on its platform, an audit row's object
# (a list's name, a login, a number).
TEXT_IDS = {"--platform-id", "--object-id"}


def kind_of(name, hint):
    if not hint:
        return "flag"
    if name in TEXT_IDS:
        return "text"
    if name == "--db" or any(h in hint for h in FILE_HINTS):
        return "file"
    if hint in NUMBER_HINTS or name in ("--id", "--unit", "--account", "--year", "--round"):
        return "number"
    return "text"


class CliBadInputSweepTest(gmtest.CliDbTest):
    def setUp(self):
        self.db = self.srv.db
        self.problems = []
        self.dir = tempfile.mkdtemp(prefix="gmclisweep-")
        os.mkdir(os.path.join(self.dir, "out"))
        self.input_file = os.path.join(self.dir, "x.json")
        with open(self.input_file, "w") as f:
            f.write("{}" + " " * 40)      # also long enough to be read as a key file

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def line(self, prefix, required, extra=(), drop=None):
        """prefix + --db + every required option with a plausible value
        (except `drop`) + extra."""
        args = list(prefix)
        for name, hint in required:
            if name == drop or name == "--db":
                continue
            if name == "NAME":
                args.append(hint)
            elif name == "FILE":
                if MISSING not in extra:
                    args.append(self.input_file)
            elif name in ("--out", "--key", "--out-dir"):       # written: must not exist yet
                args += [name, os.path.join(self.dir, "out", "new.csv")]
            elif kind_of(name, hint) == "file":
                args += [name, self.input_file]
            elif hint:
                args += [name, PLAUSIBLE.get(name, "测试")]
            else:
                args.append(name)
        if drop != "--db" and any(r[0] == "--db" for r in required):
            args += ["--db", self.db]
        for name, more in COMPANIONS.items():
            if name in extra and more[0] in self.form_options and more[0] not in args + list(extra):
                args += more
        return args + list(extra)

    def expect(self, args, what, named):
        rc, err = run_bytes(args, timeout=20 if args[0] == "serve" else 60)
        shown = " ".join(a if isinstance(a, str) else repr(a) for a in args)
        if rc != 2:
            self.problems.append(f"{what}: exit {rc}, not 2: govmedia {shown}\n    {err.strip()[:300]}")
        elif not CJK.search(err):
            self.problems.append(f"{what}: no Chinese message: govmedia {shown}\n    {err.strip()[:300]}")
        elif named not in err:
            self.problems.append(f"{what}: the message does not name {named!r}: govmedia {shown}\n"
                                 f"    {err.strip()[:300]}")
        return rc, err

    def expect_date(self, args, what, option):
        """Exit 2, and the day named as the option typed: never as the API
        field behind it ("字段 as_of" for --as-of).  A form whose other
        required fields are refused first (account open without its
        platform id) names those instead."""
        rc, err = self.expect(args, what, "")
        field = "字段 " + option[2:].replace("-", "_")
        if rc == 2 and (field + ")" in err or ("日期" in err and option not in err)):
            self.problems.append(f"{what}: the day is not named as {option!r}: {err.strip()[:300]}")

    def test_every_command_refuses_bad_input_with_exit_2_naming_it_and_changes_nothing(self):
        before = fingerprint(self.db)
        forms = commands()
        self.assertGreater(len(forms), 40, "the help lists fewer command forms than expected")
        for prefix, opts, positional, required in forms:
            cmd = " ".join(prefix)
            self.form_options = {name for name, _ in opts}
            self.expect(self.line(prefix, required, ["--zz-bogus"]), f"{cmd} unknown option",
                        "--zz-bogus")
            for name, hint in opts:
                kind = kind_of(name, hint)
                if kind == "flag":
                    continue
                self.expect(self.line(prefix, required, [name], drop=name),
                            f"{cmd} {name} without its value", name)
                if kind == "number":
                    self.expect(self.line(prefix, required, [name, "12x"], drop=name),
                                f"{cmd} {name} 12x", name)
                elif kind == "text":
                    self.expect(self.line(prefix, required, [name, b"\xff\xfe"], drop=name),
                                f"{cmd} {name} invalid UTF-8", name)
                    if hint in DATE_HINTS:
                        self.expect_date(self.line(prefix, required, [name, "2026-13-01"], drop=name),
                                         f"{cmd} {name} 2026-13-01", name)
                elif name == "--db" and prefix[0] != "init":     # init creates it
                    missing = os.path.join(self.dir, f"无此库-{len(os.listdir(self.dir))}.db")
                    self.expect(self.line(prefix, required, ["--db", missing], drop=name),
                                f"{cmd} --db missing", missing)
                    if os.path.exists(missing):
                        self.problems.append(f"{cmd}: --db of a missing file created it")
                else:
                    self.expect(self.line(prefix, required, [name, MISSING], drop=name),
                                f"{cmd} {name} missing file", MISSING)
            if positional:
                self.expect(self.line(prefix, required, [MISSING]), f"{cmd} FILE missing", MISSING)
        self.assertEqual(self.problems, [], f"{len(self.problems)} problems:\n" + "\n".join(self.problems))
        self.assertEqual(fingerprint(self.db), before, "a refused command changed something")
        self.assertEqual(gmtest.run("audit", "verify", "--db", self.db).returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
