"""Generates the whole-path benchmark's input (see whole_path.sh):

  posts140.txt    posts of exactly 140 code points cut from corpus.txt
  posts140.jsonl  the same posts as `govmedia check --jsonl` lines, with an id
  mix.jsonl       a regression corpus: the same kind of posts with lexicon
                  terms written in pinyin (spaced, joined, mixed case), with
                  homophones, phone numbers, ID numbers, e-mails, addresses,
                  control characters, titles, repost sources and platforms,
                  so that every rule and every output field is exercised

usage: gen_whole.py CORPUS LEXICON OUT_DIR N_POSTS"""
import bz2
import json
import random
import sys
import unicodedata

UNIHAN = "/usr/share/unicode/Unihan_Readings.txt.bz2"


def readings():
    out = {}
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+") and "\tkMandarin\t" in line:
                cp, _, value = line.rstrip("\n").split("\t", 2)
                r = unicodedata.normalize("NFD", value.split()[0])
                r = "".join(c for c in r if not unicodedata.combining(c)).replace("ü", "v")
                out[chr(int(cp[2:], 16))] = r
    return out


def homophones(read):
    by = {}
    for ch, r in read.items():
        if 0x4E00 <= ord(ch) <= 0x9FFF:
            by.setdefault(r, []).append(ch)
    return by


def disguise(rng, post, terms, read, by):
    """Writes one or two lexicon terms into the post in an evasive form."""
    for _ in range(rng.randint(0, 2)):
        t = rng.choice(terms)
        if not all(c in read for c in t):
            continue
        kind = rng.randrange(5)
        if kind == 0:
            form = " ".join(read[c] for c in t)
        elif kind == 1:
            form = "".join(read[c].capitalize() for c in t)
        elif kind == 2:
            form = "".join(read[c] if i % 2 else c for i, c in enumerate(t))
        elif kind == 3:
            form = "".join(rng.choice(by.get(read[c], [c])) for c in t)
        else:
            form = "·".join(t)
        p = rng.randrange(len(post) + 1)
        post = post[:p] + form + post[p:]
    return post


EXTRAS = ["联系电话13812345678", "身份证号110101199003071234", "邮箱 zhang.san@example.com",
          "+86 13912345678", "家住中山区人民路18号3栋2单元501室", "银行卡6222021234567890123",
          "tab\there", "换行\n之后", "引号\"和\\反斜杠", "控制\u0001字符", "😀表情", "ｆｕｌｌ width",
          "打击赌博违法犯罪", "严禁刷单返利", "中华人民共合国", "扫黑险恶", "国家医保句"]


def main():
    corpus, lexicon, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    text = open(corpus, encoding="utf-8").read().replace("\n", "")
    posts = [text[i:i + 140] for i in range(0, min(len(text), 140 * n) - 140, 140)]
    with open(out + "/posts140.txt", "w", encoding="utf-8") as f:
        f.writelines(p + "\n" for p in posts)
    with open(out + "/posts140.jsonl", "w", encoding="utf-8") as f:
        for i, p in enumerate(posts):
            f.write(json.dumps({"text": p, "id": i}, ensure_ascii=False) + "\n")
    terms = [l.split("\t")[0].strip() for l in open(lexicon, encoding="utf-8")
             if l.strip() and not l.startswith("#")]
    read = readings()
    by = homophones(read)
    rng = random.Random(14)
    platforms = [None, "weibo", "wechat", "toutiao", "douyin", "app"]
    with open(out + "/mix.jsonl", "w", encoding="utf-8") as f:
        for i, p in enumerate(posts[:3000]):
            p = disguise(rng, p[:rng.randint(0, 140)], terms, read, by)
            if rng.random() < 0.3:
                q = rng.randrange(len(p) + 1)
                p = p[:q] + rng.choice(EXTRAS) + p[q:]
            line = {"text": p, "id": "m%d" % i if i % 2 else i}
            if rng.random() < 0.2:
                line["title"] = disguise(rng, rng.choice(posts)[:rng.randint(0, 30)], terms, read, by)
            if rng.random() < 0.1:
                line["repost_source"] = rng.choice(["人民日报", "某自媒体", "www.gov.cn", ""])
            pl = rng.choice(platforms)
            if pl:
                line["platform"] = pl
            f.write(json.dumps(line, ensure_ascii=rng.random() < 0.5) + "\n")


main()
