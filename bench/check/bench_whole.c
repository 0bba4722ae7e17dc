/*
 * bench_whole.c - the whole check as `govmedia check --jsonl` runs it, in
 * one process: each input line parsed (jansson), every rule run, the report
 * written with its id (gm_check_text, as check_batch.c does), post after
 * post.  BENCH_STAGE=1 stops after parsing, 2 after the check: the cost of
 * each stage.  Checks per second of CPU time
 * (per core) and MB/s of post text.
 *   bench_whole DATA_DIR LEXICON|- JSONL REPS [noexpr|lists]
 * LEXICON "-" loads the shipped lexicons (DATA_DIR/lexicons); "noexpr"
 * leaves the expression rule out (its lists and the 错别字 detector), "lists"
 * keeps its lists but not the 错别字 detector, to
 * measure what that rule costs (issue 15: it must not halve the throughput).
 * Prints the load time of the checker too (what server start, every
 * reload and every CLI call pay).
 */
#include "bench_checker.h"

#include <jansson.h>

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* expr: 0 no expression rule, 1 all of it, 2 its lists without the 错别字 detector */
static gm_checker *load(const char *data, const char *lexicon, int expr)
{
    static bench_paths p;
    bench_paths_fill(&p, data);
    const char *lex[1] = {lexicon};
    int shipped = strcmp(lexicon, "-") == 0;
    gm_checker_files f = {shipped ? NULL : lex, shipped ? 0 : 1, p.lexicons, p.allow,
                          p.sources, p.platforms, p.context, p.policy,
                          expr ? p.expressions : NULL, expr != 1, p.register_words};
    double ms;
    gm_checker *c = checker_load_timed(&f, &ms);
    printf("checker load (%s lexicon, expression rule %s): %.1f ms\n",
           shipped ? "shipped" : lexicon, expr == 1 ? "on" : expr ? "lists only" : "off", ms);
    return c;
}

static int stage = 3;   /* BENCH_STAGE: 1 parse only, 2 + check, 3 + written out */
static FILE *sink;      /* /dev/null, written as the CLI writes stdout */
static char *buf;       /* reused report buffer, as the CLI reuses it */
static size_t cap;

static size_t text_bytes;   /* of the posts' "text", summed over one pass */

/* One line as check_batch.c's check_line handles it; returns report bytes. */
static size_t check_line(const gm_checker *c, const char *line, size_t len, int *blocked)
{
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        exit(2);
    size_t n = 0;
    text_bytes += json_string_length(json_object_get(o, "text"));
    if (stage >= 2) {
        const json_t *pl = json_object_get(o, "platform");
        gm_check_input in = {json_string_value(json_object_get(o, "text")),
                             json_string_length(json_object_get(o, "text")),
                             json_string_value(json_object_get(o, "title")),
                             pl ? json_string_value(pl) : "weibo",
                             json_string_value(json_object_get(o, "repost_source")), NULL, NULL};
        gm_err err = {0};
        int ok;
        if (gm_check_text(c, &in, &buf, &cap, &n, &ok, &err)) {
            fprintf(stderr, "%s\n", err.message);
            exit(2);
        }
        *blocked |= !ok;
    }
    const json_t *id = json_object_get(o, "id");
    if (stage >= 3 && id) {
        fwrite(buf, 1, n - 1, sink);
        fputs(",\"id\":", sink);
        json_dumpf(id, sink, JSON_COMPACT | JSON_ENCODE_ANY);
        fputs("}\n", sink);
    } else if (stage >= 3) {
        fwrite(buf, 1, n, sink);
        fputc('\n', sink);
    }
    json_decref(o);
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: bench_whole DATA_DIR LEXICON|- JSONL REPS [noexpr|lists]\n");
        return 2;
    }
    if (getenv("BENCH_STAGE"))
        stage = atoi(getenv("BENCH_STAGE"));
    int expr = argc > 5 && strcmp(argv[5], "noexpr") == 0 ? 0
               : argc > 5 && strcmp(argv[5], "lists") == 0 ? 2 : 1;
    gm_checker *c = load(argv[1], argv[2], expr);
    corpus co;
    corpus_load(&co, argv[3]);
    int reps = atoi(argv[4]);
    double best = 1e30;
    size_t bytes = 0;
    int blocked = 0;
    sink = fopen("/dev/null", "w");
    for (int r = 0; r < reps; r++) {
        bytes = text_bytes = 0;
        double t = cpu_s();
        for (size_t i = 0; i < co.nlines; i++)
            bytes += check_line(c, co.buf + co.start[i], co.end[i] - co.start[i], &blocked);
        fflush(sink);
        double dt = cpu_s() - t;
        best = dt < best ? dt : best;
    }
    printf("whole check in process (stage %d): %zu posts, best of %d: %.0f checks/s per core, "
           "%.1f MB/s of post text, %.2f us/check, %zu report bytes\n", stage, co.nlines, reps,
           co.nlines / best, text_bytes / best / 1048576.0, best / co.nlines * 1e6, bytes);
    gm_checker_unref(c);
    return 0;
}
