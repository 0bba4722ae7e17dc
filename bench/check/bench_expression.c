/*
 * bench_expression.c - the whole check (gm_check_json, every rule, the JSON
 * report) post by post, with and without the expression rule, alternating
 * rounds so both see the same machine load.
 *   bench_expression LEXICON CORPUS DATA_DIR ROUNDS
 * "without": no expression lists and no 错别字 model; "with": the shipped
 * data/expressions/ lists and the generated model.
 */
#include "bench_checker.h"

static gm_checker *load(const char *lexicon, const char *data, int with)
{
    char platforms[4200], lists[4200];
    snprintf(platforms, sizeof platforms, "%s/check/platforms.json", data);
    snprintf(lists, sizeof lists, "%s/expressions", data);
    const char *lex[1] = {lexicon};
    gm_checker_files f = {.lexicons = lex, .n_lexicons = 1, .platforms = platforms,
                          .expressions = with ? lists : NULL, .no_typos = !with};
    const char *only = getenv("BENCH_EXPR_ONLY");   /* "lists" | "typos": one half */
    if (with && only && strcmp(only, "lists") == 0)
        f.no_typos = 1;
    if (with && only && strcmp(only, "typos") == 0)
        f.expressions = NULL;
    double ms;
    gm_checker *c = checker_load_timed(&f, &ms);
    printf("checker %s the expression rule loaded in %.1f ms\n", with ? "with" : "without", ms);
    return c;
}

/* One pass over the corpus; returns seconds, adds expression findings. */
static double pass(const gm_checker *c, const corpus *co, size_t *expr)
{
    gm_err err = {0};
    double t = now_s();
    for (size_t i = 0; i < co->nlines; i++) {
        gm_check_input in = {co->buf + co->start[i], co->end[i] - co->start[i], NULL, NULL, NULL, NULL, NULL};
        json_t *out = NULL;
        if (gm_check_json(c, &in, &out, &err)) {
            fprintf(stderr, "line %zu: %s\n", i, err.message);
            exit(2);
        }
        size_t k;
        json_t *f;
        json_array_foreach(json_object_get(out, "findings"), k, f)
            *expr += strcmp(json_string_value(json_object_get(f, "rule")), "expression") == 0;
        json_decref(out);
    }
    return now_s() - t;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: bench_expression LEXICON CORPUS DATA_DIR ROUNDS\n");
        return 2;
    }
    gm_checker *without = load(argv[1], argv[3], 0), *with = load(argv[1], argv[3], 1);
    corpus co;
    corpus_load(&co, argv[2]);
    int rounds = atoi(argv[4]);
    double best_wo = 1e30, best_w = 1e30;
    size_t found = 0, none = 0;
    for (int r = 0; r < rounds; r++) {
        double a = pass(without, &co, &none), b = pass(with, &co, &found);
        best_wo = a < best_wo ? a : best_wo;
        best_w = b < best_w ? b : best_w;
        printf("round %d: without %.1f MB/s, with %.1f MB/s\n", r + 1, co.len / a / 1048576.0,
               co.len / b / 1048576.0);
    }
    printf("%s: %zu posts, %.1f MB; best without %.1f MB/s, best with %.1f MB/s, "
           "with/without = %.2f (target >= 0.5); expression findings per pass %zu\n",
           argv[2], co.nlines, co.len / 1048576.0, co.len / best_wo / 1048576.0,
           co.len / best_w / 1048576.0, best_wo / best_w, found / (size_t)(rounds ? rounds : 1));
    gm_checker_unref(without);
    gm_checker_unref(with);
    return 0;
}
