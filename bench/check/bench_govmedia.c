/*
 * bench_govmedia.c - govmedia's scanner (full normalisation on) on the
 * benchmark corpus, line by line as posts are checked, plus build time and
 * memory of the lexicon.
 *   bench_govmedia build LEXICON              lexicon build time and memory
 *   bench_govmedia scan LEXICON CORPUS REPS DUMP_BYTES DUMP_FILE
 * (The whole check, every rule and the report: bench_whole.c.)
 */
#include "bench_common.h"

#include "check/check.h"

#include "check/lexicon.h"
#include "check/matcher.h"
#include "check/normalize.h"

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb;
}

static gm_matcher *build(const char *path, gm_lexicon *lx)
{
    gm_err err = {0};
    memset(lx, 0, sizeof *lx);
    gm_matcher *m = NULL;
    if (gm_lexicon_load_file(lx, path, 0, &err) || gm_matcher_build(&m, lx, &err)) {
        fprintf(stderr, "%s\n", err.message);
        exit(2);
    }
    return m;
}

static int do_build(const char *path)
{
    gm_err err = {0};
    double t0 = now_s();
    if (gm_norm_init(&err)) {
        fprintf(stderr, "%s\n", err.message);
        return 2;
    }
    double t_init = now_s() - t0;
    long before = rss_kb();
    gm_lexicon lx;
    double t = now_s();
    gm_matcher *m = build(path, &lx);
    double best = now_s() - t;
    long after = rss_kb();   /* first build, still loaded: what a server holds */
    printf("govmedia memory: %zu terms: automaton %.1f MB, %zu states; process RSS growth "
           "with lexicon and automaton loaded %.1f MB\n", lx.n, gm_matcher_memory(m) / 1048576.0,
           gm_matcher_states(m), (after - before) / 1024.0);
    gm_matcher_free(m);
    gm_lexicon_free(&lx);
    for (int r = 0; r < 4; r++) {
        t = now_s();
        m = build(path, &lx);
        double dt = now_s() - t;
        if (dt < best)
            best = dt;
        gm_matcher_free(m);
        gm_lexicon_free(&lx);
    }
    printf("govmedia build: %s in %.1f ms (best of 5: read+parse+normalise+compile); "
           "one-off normaliser init (OpenCC, tables) %.1f ms\n", path, best * 1e3, t_init * 1e3);
    return 0;
}

typedef struct dump {
    FILE *f;
    size_t line, hits;
} dump;

static int count_hit(void *ctx, const gm_hit *h)
{
    (void)h;
    ((dump *)ctx)->hits++;
    return 0;
}

static int dump_hit(void *ctx, const gm_hit *h)
{
    dump *d = ctx;
    fprintf(d->f, "%zu %u %zu %zu\n", d->line, h->term, h->b_start, h->b_end);
    return 0;
}

static int do_scan(char **argv)
{
    gm_lexicon lx;
    gm_matcher *m = build(argv[2], &lx);
    corpus c;
    corpus_load(&c, argv[3]);
    int reps = atoi(argv[4]);
    size_t dump_bytes = (size_t)atoll(argv[5]);
    gm_err err = {0};
    double secs[64];
    dump d = {0};
    for (int r = 0; r < reps && r < 64; r++) {
        d.hits = 0;
        double t = now_s();
        for (size_t i = 0; i < c.nlines; i++)
            if (gm_matcher_scan(m, c.buf + c.start[i], c.end[i] - c.start[i], count_hit, &d, &err))
                return 2;
        secs[r] = now_s() - t;
    }
    report("govmedia (normalised)", secs, reps, c.len, d.hits);
    for (int r = 0; r < reps && r < 64; r++) {   /* the corpus as one buffer */
        d.hits = 0;
        double t = now_s();
        if (gm_matcher_scan(m, c.buf, c.len, count_hit, &d, &err))
            return 2;
        secs[r] = now_s() - t;
    }
    report("govmedia whole-buffer", secs, reps, c.len, d.hits);
    d.f = fopen(argv[6], "w");
    for (size_t i = 0; d.f && i < c.nlines && c.start[i] < dump_bytes; i++) {
        d.line = i;
        gm_matcher_scan(m, c.buf + c.start[i], c.end[i] - c.start[i], dump_hit, &d, &err);
    }
    if (d.f)
        fclose(d.f);
    gm_matcher_free(m);
    gm_lexicon_free(&lx);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "build") == 0)
        return do_build(argv[2]);
    if (argc == 7 && strcmp(argv[1], "scan") == 0)
        return do_scan(argv);
    fprintf(stderr, "usage: bench_govmedia build LEX | scan LEX CORPUS REPS DUMP_BYTES DUMP_FILE\n");
    return 2;
}
