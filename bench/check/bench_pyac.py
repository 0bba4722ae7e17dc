"""pyahocorasick (python3-ahocorasick) on the same lexicon and corpus, line
by line, counting hits the way a Python service would.
usage: bench_pyac.py LEX CORPUS REPS DUMP_BYTES DUMP_FILE"""
import statistics
import sys
import time

import ahocorasick


def main():
    lex, corpus, reps, dump_bytes, dump_file = sys.argv[1:6]
    terms = open(lex, encoding="utf-8").read().split("\n")
    terms = [t for t in terms if t]
    t0 = time.perf_counter()
    a = ahocorasick.Automaton()
    for i, w in enumerate(terms):
        a.add_word(w, i)
    a.make_automaton()
    print(f"pyahocorasick build: {len(terms)} words in {(time.perf_counter() - t0) * 1e3:.1f} ms")
    data = open(corpus, "rb").read()
    lines = data.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    secs = []
    hits = 0
    for _ in range(int(reps)):
        hits = 0
        t = time.perf_counter()
        for line in lines:
            for _hit in a.iter(line):
                hits += 1
        secs.append(time.perf_counter() - t)
    mb = len(data) / 1048576
    print(f"pyahocorasick: best {mb / min(secs):.1f} MB/s, median {mb / statistics.median(secs):.1f} MB/s, hits {hits}")
    limit = int(dump_bytes)
    pos = 0
    with open(dump_file, "w") as out:
        for no, line in enumerate(lines):
            if pos >= limit:
                break
            raw = line.encode("utf-8")
            for end, idx in a.iter(line):
                start = end + 1 - len(terms[idx])
                b0 = len(line[:start].encode("utf-8"))
                out.write(f"{no} {idx} {b0} {b0 + len(terms[idx].encode('utf-8'))}\n")
            pos += len(raw) + 1


if __name__ == "__main__":
    main()
