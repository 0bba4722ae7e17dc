"""scripts/rules_named.py (CTest rules.named, docs/RULES.md) is the check that every
rule of REQUIREMENTS.md has a test naming it: here it is shown a specification with
a rule no test names, a bullet reworded under its number, and a test naming a rule
that does not exist, and must fail naming each; on the real one it passes."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import gmtest  # noqa: E402

SCRIPT = os.path.join(gmtest.SRC, "scripts", "rules_named.py")
SHARED = os.environ.get("GM_SHARED") or os.path.join(gmtest.SRC, "..", "shared")
REQ = os.path.join(SHARED, "REQUIREMENTS.md")


@unittest.skipUnless(os.path.exists(REQ), "REQUIREMENTS.md not found (GM_SHARED)")
class RulesNamedTest(unittest.TestCase):
    def run_on(self, text, root=None):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        with open(os.path.join(d, "REQUIREMENTS.md"), "w", encoding="utf-8") as f:
            f.write(text)
        env = dict(os.environ, GM_SHARED=d)
        return subprocess.run([sys.executable, root or SCRIPT, "--check"], env=env, capture_output=True,
                              text=True, timeout=60)

    def spec(self):
        with open(REQ, encoding="utf-8") as f:
            return f.read()

    def test_the_real_specification_has_a_test_for_every_rule(self):
        p = self.run_on(self.spec())
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertRegex(p.stdout, r"rules_named: (\d+)/\1 rules named by a test")

    def test_a_rule_without_a_test_fails_naming_it(self):
        text = self.spec().replace("\n## 6. ", "\n- Robots file a weekly report too.\n\n## 6. ", 1)
        p = self.run_on(text)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("no test names §5.5: Robots file a weekly report too.", p.stdout)
        self.assertIn("docs/RULES.md does not match", p.stdout)

    def test_a_rule_reworded_under_its_number_fails(self):
        text = self.spec().replace("- The supervisor approves or rejects", "- The admin approves or rejects", 1)
        p = self.run_on(text)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("docs/RULES.md does not match", p.stdout)

    def test_a_test_naming_a_rule_that_does_not_exist_fails(self):
        # the script over a copy of the tree with one test naming §9.1
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        for sub in ("scripts", "docs", "tests"):
            shutil.copytree(os.path.join(gmtest.SRC, sub), os.path.join(d, sub),
                            ignore=shutil.ignore_patterns("node_modules", "screenshots", "*.png"))
        with open(os.path.join(d, "tests", "api", "test_zz_stray.py"), "w", encoding="utf-8") as f:
            f.write('import unittest\n\n\nclass T(unittest.TestCase):\n'
                    '    def test_x(self):\n        """§9.1 a section the specification lacks."""\n')
        p = self.run_on(self.spec(), root=os.path.join(d, "scripts", "rules_named.py"))
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("api.test_zz_stray.T.test_x names §9.1, which is not a rule of REQUIREMENTS.md", p.stdout)


if __name__ == "__main__":
    unittest.main()
