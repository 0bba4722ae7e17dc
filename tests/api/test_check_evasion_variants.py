"""Evasion variants and quiet official text, generated (issue 14 §1-2 made
robust): bench/evasion/variants.py turns every shipped lexicon term into
evasions of every kind the issue names and their combinations (seeded, so
the same set each run), plus ordinary words that sound like a term,
enforcement sentences and adverts next to an enforcement word; each set
goes through `govmedia check --jsonl` and bench/evasion/measure.py scores it.
Figures of a bigger run: bench/evasion/README.md."""
import os
import subprocess
import sys
import tempfile
import unittest

BIN = os.environ.get("GM_BIN", "build/govmedia")
SRC = os.environ.get("GM_SOURCE_DIR", os.getcwd())
SHARED = os.environ.get("GM_SHARED") or os.path.join(SRC, "..", "shared")
BENCH = os.path.join(SRC, "bench", "evasion")
sys.path.insert(0, BENCH)
import measure  # noqa: E402

LEXICON = os.path.join(SRC, "data", "lexicons", "starter.txt")
POLICY = os.path.join(SRC, "data", "check", "policy.txt")


def generate_and_check(what, args):
    """(expectations, reports) of one generated set."""
    with tempfile.TemporaryDirectory() as d:
        meta, lines, out = (os.path.join(d, n) for n in ("meta", "in.jsonl", "out.jsonl"))
        with open(lines, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, os.path.join(BENCH, "variants.py"), what] + args +
                           ["--meta", meta], stdout=f, check=True, timeout=300)
        env = dict(os.environ, GOVMEDIA_DATA=os.path.join(SRC, "data"))
        with open(lines, "rb") as f, open(out, "wb") as o:
            p = subprocess.run([BIN, "check", "--jsonl"], stdin=f, stdout=o, env=env,
                               timeout=300)
        assert p.returncode in (0, 1), p.returncode
        return measure.load(meta, out)


class EvasionVariants(unittest.TestCase):
    def test_evasion_of_every_kind_is_caught(self):
        """§3.2 §3.5 every kind of evasion (case, width, traditional, noise, repeats, pinyin,
        homophones, combinations) is caught."""
        want, got = generate_and_check("evasion", [LEXICON, "--seed", "14", "--per-kind", "2"])
        stat, misses = measure.score_evasion(want, got, measure.policy_rows(POLICY))
        self.assertGreaterEqual(len(stat), 20)
        total = [sum(v[i] for v in stat.values()) for i in range(2)]
        self.assertGreater(total[0], 1500)
        self.assertGreaterEqual(total[1] / total[0], 0.98, dict(misses))
        for kind, (n, caught, _) in stat.items():
            # shapes: the generator's Wubi one-key pairs include some the
            # engine's model records as a rare same reading (眼 for 限), and a
            # shape forming a word with the carrier is dropped as ordinary
            floor = 0.85 if kind in ("shape", "shape_rare") else 0.9
            self.assertGreaterEqual(caught / n, floor, (kind, misses[kind][:5]))

    def test_hand_written_evasions_of_kinds_the_generator_never_made(self):
        """§3.2 bench/evasion/evasion_h1.tsv (session 23, written before any change):
        43.9 % caught when first measured, 73.0 % after the stand-ins (digits,
        emoji, look-alike letters, radicals) and near-homophones, 79.4 % with
        bopomofo and letters that look like separators; session 24: shapes
        (形近字, 32 -> 72 %), initials mixed with syllables and letters that
        look like a bar.  拆字 and letters for a whole syllable (加V信) are not
        matched: floors only for the kinds the engine reads."""
        want, got = generate_and_check("h1", [LEXICON])
        stat, misses = measure.score_evasion(want, got, measure.policy_rows(POLICY))
        n, caught = (sum(v[i] for v in stat.values()) for i in range(2))
        self.assertGreater(n, 300)
        self.assertGreaterEqual(caught / n, 0.85, dict(misses))
        for kind, floor in (("h1:digit_syl", 0.95), ("h1:enclosed", 0.95),
                            ("h1:lookalike", 0.9), ("h1:radical", 0.85),
                            ("h1:emoji_syl", 0.8), ("h1:fuzzy", 0.8), ("h1:mixmode", 1.0),
                            ("h1:bopomofo", 0.95), ("h1:separator", 0.95),
                            ("h1:shape", 0.65), ("h1:initials", 0.95)):
            k, c, _ = stat[kind]
            self.assertGreaterEqual(c / k, floor, (kind, misses[kind][:5]))
        # near-homophones warn at most (fuzzy pinyin is too often innocent)
        for vid, m in want.items():
            for f in measure.lexicon(got[vid]):
                if f.get("via") == "near":
                    self.assertEqual(f["severity"], "warn", m["variant"])

    def test_hand_written_evasions_of_a_second_unseen_set(self):
        """bench/evasion/evasion_h2.tsv (session 24, written and measured before
        any change, never tuned on): 25.3 % caught on main 6dfbd49.  Floors for
        the kinds session 24 made general: shapes read as the term's character,
        initials mixed with syllables, letters and strokes as separators, rare
        variant and Japanese forms, near finals (uan/an, i/ing); a shape hit of
        a two-character term only warns."""
        want, got = generate_and_check("h2", [LEXICON])
        stat, misses = measure.score_evasion(want, got, measure.policy_rows(POLICY))
        n, caught = (sum(v[i] for v in stat.values()) for i in range(2))
        self.assertGreater(n, 300)
        self.assertGreaterEqual(caught / n, 0.5)
        for kind, floor in (("h2:shape", 0.4), ("h2:initials_syllables", 0.85),
                            ("h2:letter_sep", 0.7), ("h2:cjk_sep", 0.6), ("h2:variant", 0.95),
                            ("h2:near_final", 0.35)):
            k, c, _ = stat[kind]
            self.assertGreaterEqual(c / k, floor, kind)
        for vid, m in want.items():
            for f in measure.lexicon(got[vid]):
                if f.get("via") == "shape" and len(f["term"]) <= 2:
                    self.assertEqual(f["severity"], "warn", m["variant"])

    def test_hand_written_evasions_of_a_third_unseen_set(self):
        """bench/evasion/evasion_h3.tsv (session 25, written and measured before
        any change, never tuned on): 28.7 % caught on main 1b2ad5e, 41.4 % after
        session 25, 51.9 % after session 26.  A floor
        for the whole set only; REQUIREMENTS §3: initials of a two-character
        term only warn, and a word character between a term's characters
        (代一开一发一票) is read literally."""
        want, got = generate_and_check("h3", [LEXICON])
        stat, misses = measure.score_evasion(want, got, measure.policy_rows(POLICY))
        n, caught = (sum(v[i] for v in stat.values()) for i in range(2))
        self.assertGreater(n, 300)
        self.assertGreaterEqual(caught / n, 0.48)   # 41.4 % before session 26's rules
        for vid, m in want.items():
            for f in measure.lexicon(got[vid]):
                if f.get("via") == "initials" and len(f["term"]) <= 2:
                    self.assertEqual(f["severity"], "warn")

    def test_hand_written_evasions_of_a_fourth_unseen_set(self):
        """bench/evasion/evasion_h4.tsv (session 26, written and measured before
        any change, never tuned on): 38.6 % caught on main 3fdf4e5.  A floor
        for the whole set only; REQUIREMENTS §3: an inserted word or filler
        in a two-character term and a mask in a three-character term only
        warn."""
        want, got = generate_and_check("h4", [LEXICON])
        stat, misses = measure.score_evasion(want, got, measure.policy_rows(POLICY))
        n, caught = (sum(v[i] for v in stat.values()) for i in range(2))
        self.assertGreater(n, 350)
        self.assertGreaterEqual(caught / n, 0.6)
        for vid, m in want.items():
            for f in measure.lexicon(got[vid]):
                if (f.get("via") == "inserted" and len(f["term"]) <= 2) or \
                        (f.get("via") == "mask" and len(f["term"]) <= 3):
                    self.assertEqual(f["severity"], "warn")

    def caught_share(self, what, at_least):
        """(expectations, reports, share caught) of a hand-written set of
        more than at_least scored variants."""
        want, got = generate_and_check(what, [LEXICON])
        stat, misses = measure.score_evasion(want, got, measure.policy_rows(POLICY))
        n, caught = (sum(v[i] for v in stat.values()) for i in range(2))
        self.assertGreater(n, at_least)
        return want, got, caught / n

    def test_hand_written_evasions_of_a_fifth_unseen_set(self):
        """bench/evasion/evasion_h5.tsv (session 27, written and measured before
        any change): 67.8 % caught on main fd8bf92, 75.9 % in session 28.  A
        floor for the whole set only, so what caught it keeps catching it."""
        self.assertGreaterEqual(self.caught_share("h5", 300)[2], 0.72)

    def test_hand_written_evasions_of_a_sixth_unseen_set(self):
        """bench/evasion/evasion_h6.tsv (session 28, written and measured before
        any change, never tuned on): 49.7 % caught on main 1c53469, 61.1 %
        after first-character masks and acrostics.  A floor for the whole set
        only; REQUIREMENTS §3: a hidden first character and an acrostic of
        three characters only warn."""
        want, got, share = self.caught_share("h6", 350)
        self.assertGreaterEqual(share, 0.58)
        for vid in want:
            for f in measure.lexicon(got[vid]):
                if (f.get("via") == "acrostic" and len(f["term"]) <= 3) or \
                        (f.get("via") == "mask" and f["match"][:1] in "*＊×✖"):
                    self.assertEqual(f["severity"], "warn", f)

    def test_no_blocking_false_hit_on_official_text(self):
        """§3.5 official text that names what it fights is not blocked."""
        if not os.path.isdir(SHARED):
            self.skipTest("shared/ not beside the repository")
        want, got = generate_and_check("official", [SHARED])
        self.assertGreater(len(want), 1000)
        s, misses = measure.score_quiet(want, got)
        self.assertEqual(s[1], 0, misses["block"])

    def test_ordinary_words_that_sound_like_a_term_do_not_block(self):
        """§3.5 ordinary words that sound like a term do not block."""
        want, got = generate_and_check("quiet", [LEXICON, "--seed", "14", "--per-term", "30"])
        s, misses = measure.score_quiet(want, got)
        self.assertGreater(s[0], 200)
        self.assertLessEqual(s[1] / s[0], 0.01, misses["block"])

    def test_enforcement_sentences_warn_and_adverts_next_to_them_block(self):
        """§3.5 §2.8 enforcement sentences warn; commercial adverts next to them block."""
        want, got = generate_and_check("context", [LEXICON])
        stat, misses = measure.score_context(want, got, measure.policy_rows(POLICY))
        sets = {}
        for kind, (n, ok) in stat.items():
            held = "held_out" in kind or "h3_aside" in kind or ":h4:" in kind
            floor = (0.8 if held else 1.0) if kind.startswith("advert:") else \
                0.7 if held else 0.8 if "h3_tune" in kind else 0.95
            if not any(":%s:" % x in kind for x in ("h5", "h6", "t6", "h7", "t7", "h8", "h9", "t9",
                                                 "h10", "t10", "h11", "t11", "h12", "t12", "h13", "h14", "t14")):   # the last unseen set: judged as a whole below
                self.assertGreaterEqual(ok / n, floor, (kind, misses[kind][:5]))
            s = sets.setdefault(kind.rsplit(":", 1)[0], [0, 0])
            s[0] += n
            s[1] += ok
        # The session-19 sets as a whole (context_heldout.tsv's tune and aside
        # halves, context_fresh.tsv written after tuning, context_final.tsv
        # written last): official styles of
        # notices, police warnings, court news, results, passives, headings,
        # conditions; adverts with contact handles, prices, URLs.
        # context_final.tsv (h5) was written last and never tuned on: 75 %
        # when first measured.
        for name, floor in (("enforcement:h3_tune", 0.95), ("enforcement:h3_aside", 0.9),
                            ("enforcement:h4", 0.9), ("enforcement:h5", 0.7),
                            # session 20's h6, written before any change and never
                            # tuned on: 67.8 % / 97.5 % when first measured, 82.6 %
                            # / 97.5 % after the session's grammar
                            ("enforcement:h6", 0.8), ("advert:h6", 0.95),
                            # session 20's tuning set: 69.2 % / 92.6 % before
                            ("enforcement:t6", 0.9), ("advert:t6", 0.97),
                            # session 21's h7, written before any change and never
                            # tuned on: 70.6 % / 93.1 % when first measured; tuned on in
                            # session 22 (89.1 % / 100 %) and 23 (94.1 % / 100 %)
                            ("enforcement:h7", 0.9), ("advert:h7", 0.97),
                            # session 21's tuning set: 58.8 % / 100 % before
                            ("enforcement:t7", 0.85), ("advert:t7", 0.97),
                            # session 22's h8, written before any change and never
                            # tuned on: 72.3 % / 93.1 % when first measured;
                            # tuned on in session 23 (96.0 % / 99.9 %)
                            ("enforcement:h8", 0.93), ("advert:h8", 0.97),
                            # session 23's h9, written before any change and never
                            # tuned on: 65.4 % / 90.0 % when first measured, 76.9 % /
                            # 92.0 % after session 23; tuned on in session 24
                            ("enforcement:h9", 0.93), ("advert:h9", 0.97),
                            # session 24's tuning set (adverts built to slip through
                            # the new rules)
                            ("enforcement:t10", 0.95), ("advert:t10", 0.97),
                            # session 24's h10, written before any change and never
                            # tuned on: 78.0 % / 97.8 % when first measured, 81.0 % /
                            # 97.8 % after session 24
                            ("enforcement:h10", 0.78), ("advert:h10", 0.95),
                            # session 25's h11, written before any change: 85.0 % / 93.8 %
                            # when first measured, 86.7 % / 93.8 % after session 25;
                            # tuned on in session 26
                            ("enforcement:h11", 0.95), ("advert:h11", 0.97),
                            # session 25's tuning set (dialogues, quizzes, questionnaires,
                            # and adverts built to slip through): 64.5 % / 86.3 % before
                            ("enforcement:t11", 0.95), ("advert:t11", 0.95),
                            # session 26's h12, written before any change and never
                            # tuned on: 79.6 % / 94.8 % when first measured, 82.3 % after
                            # session 26; tuned on in session 27 (91.2 % / 94.8 %) and
                            # 28 (97.3 % / 100 %)
                            ("enforcement:h12", 0.94), ("advert:h12", 0.97),
                            # session 27's h13, written before any change and never
                            # tuned on: 80.7 % / 96.6 % when first measured, 83.5 % after
                            # session 27; tuned on in session 28 (97.2 % / 98.3 %)
                            ("enforcement:h13", 0.94), ("advert:h13", 0.96),
                            # session 28's h14, written before any change and never
                            # tuned on: 74.3 % / 91.6 % when first measured
                            ("enforcement:h14", 0.72), ("advert:h14", 0.9),
                            # session 28's tuning set (comics, quizzes, livestreams,
                            # notices for the elderly, announcements): 67.6 % / 94.7 % before
                            ("enforcement:t14", 0.95), ("advert:t14", 0.97),
                            # session 26's tuning set (trials, emoji posts, PSAs, findings,
                            # case write-ups, hotline replies, adverts borrowing official
                            # wording): 72.2 % / 86.8 % before
                            ("enforcement:t12", 0.9), ("advert:t12", 0.97),
                            # session 23's tuning set: 52.1 % / 89.4 % before
                            ("enforcement:t9", 0.93), ("advert:t9", 0.97),
                            ("advert:h3_tune", 0.97), ("advert:h3_aside", 0.95),
                            ("advert:h4", 0.97), ("advert:h5", 0.97)):
            n, ok = sets[name]
            self.assertGreaterEqual(ok / n, floor, name)


if __name__ == "__main__":
    unittest.main()
