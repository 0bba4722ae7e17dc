/*
 * bench_hyperscan.c - Intel Hyperscan's literal matcher (hs_compile_lit_multi,
 * block mode, no normalisation) on the same lexicon and corpus, line by
 * line like bench_govmedia.
 *   bench_hyperscan LEXICON CORPUS REPS DUMP_BYTES DUMP_FILE
 */
#include "bench_common.h"

#include <hs/hs.h>

typedef struct dump {
    FILE *f;
    size_t line, hits;
    const size_t *lens;
} dump;

static int count_hit(unsigned id, unsigned long long from, unsigned long long to,
                     unsigned flags, void *ctx)
{
    (void)id, (void)from, (void)to, (void)flags;
    ((dump *)ctx)->hits++;
    return 0;
}

static int dump_hit(unsigned id, unsigned long long from, unsigned long long to,
                    unsigned flags, void *ctx)
{
    (void)from, (void)flags;
    dump *d = ctx;
    fprintf(d->f, "%zu %u %llu %llu\n", d->line, id, to - d->lens[id], to);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: bench_hyperscan LEX CORPUS REPS DUMP_BYTES DUMP_FILE\n");
        return 2;
    }
    size_t n;
    char **terms = terms_load(argv[1], &n);
    size_t *lens = malloc(n * sizeof *lens);
    unsigned *ids = malloc(n * sizeof *ids), *flags = calloc(n, sizeof *flags);
    for (size_t i = 0; i < n; i++) {
        lens[i] = strlen(terms[i]);
        ids[i] = (unsigned)i;
    }
    hs_database_t *db = NULL;
    hs_compile_error_t *cerr = NULL;
    double t = now_s();
    if (hs_compile_lit_multi((const char *const *)terms, flags, ids, lens, (unsigned)n,
                             HS_MODE_BLOCK, NULL, &db, &cerr) != HS_SUCCESS) {
        fprintf(stderr, "hyperscan compile: %s\n", cerr->message);
        return 2;
    }
    double t_build = now_s() - t;
    size_t db_size = 0;
    hs_database_size(db, &db_size);
    hs_scratch_t *scratch = NULL;
    hs_alloc_scratch(db, &scratch);
    printf("hyperscan build: %zu literals in %.1f ms, database %.1f MB\n", n, t_build * 1e3,
           db_size / 1048576.0);
    corpus c;
    corpus_load(&c, argv[2]);
    int reps = atoi(argv[3]);
    size_t dump_bytes = (size_t)atoll(argv[4]);
    double secs[64];
    dump d = {.lens = lens};
    for (int r = 0; r < reps && r < 64; r++) {
        d.hits = 0;
        t = now_s();
        for (size_t i = 0; i < c.nlines; i++)
            hs_scan(db, c.buf + c.start[i], (unsigned)(c.end[i] - c.start[i]), 0, scratch,
                    count_hit, &d);
        secs[r] = now_s() - t;
    }
    report("hyperscan (raw literals)", secs, reps, c.len, d.hits);
    for (int r = 0; r < reps && r < 64; r++) {   /* the corpus as one buffer */
        d.hits = 0;
        t = now_s();
        hs_scan(db, c.buf, (unsigned)c.len, 0, scratch, count_hit, &d);
        secs[r] = now_s() - t;
    }
    report("hyperscan whole-buffer", secs, reps, c.len, d.hits);
    d.f = fopen(argv[5], "w");
    for (size_t i = 0; d.f && i < c.nlines && c.start[i] < dump_bytes; i++) {
        d.line = i;
        hs_scan(db, c.buf + c.start[i], (unsigned)(c.end[i] - c.start[i]), 0, scratch, dump_hit, &d);
    }
    if (d.f)
        fclose(d.f);
    hs_free_scratch(scratch);
    hs_free_database(db);
    return 0;
}
