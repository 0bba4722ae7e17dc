/*
 * check_split.c - where the server's time of one POST /api/v1/check goes,
 * in process (no HTTP): the request body's parse and field validation
 * (json_body_parse, as routes_check.c calls it; jansson's json_loadb alone
 * too) and the check with every rule and its report (gm_check_text_on),
 * each timed apart over the same body, CPU time, best of 5 runs.
 *   check_split DATA_DIR BODY.json REPS
 * run.sh writes BODY (prepare.py: the 680-character WeChat post of the
 * check scenario) and runs it after the wrk scenarios.
 */
#include "bench_checker.h"

#include <jansson.h>

#include "http/json_in.h"

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The route's fields (routes_check.c). */
static const json_field fields[] = {
    {"text", JF_TEXT, true, 200000}, {"title", JF_STRING, false, 200},
    {"platform", JF_STRING, false, 16}, {"repost_source", JF_STRING, false, 500},
    {"date", JF_STRING, false, 10}, {NULL, 0, 0, 0}};

static gm_checker *load(const char *data)
{
    static bench_paths p;
    bench_paths_fill(&p, data);
    gm_checker_files f = {NULL, 0, p.lexicons, p.allow, p.sources, p.platforms, p.context,
                          p.policy, p.expressions, 0, p.register_words};
    double ms;
    return checker_load_timed(&f, &ms);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: check_split DATA_DIR BODY.json REPS\n");
        return 2;
    }
    size_t len;
    char *body = slurp(argv[2], &len);
    int reps = atoi(argv[3]);
    gm_checker *c = load(argv[1]);
    char *out = NULL;
    size_t cap = 0, n = 0;
    double best[3] = {1e30, 1e30, 1e30};
    for (int run = 0; run < 5; run++) {
        double t[3] = {0, 0, 0};
        for (int i = 0; i < reps; i++) {
            double t0 = cpu_s();
            json_error_t je;
            json_decref(json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je));
            double t1 = cpu_s();
            json_t *b;
            gm_err err = {0};
            if (json_body_parse(body, len, fields, &b, &err)) {
                fprintf(stderr, "%s\n", err.message);
                return 2;
            }
            double t2 = cpu_s();
            const char *text = json_str(b, "text");
            gm_check_input in = {.text = text, .text_len = strlen(text),
                                 .platform = json_str(b, "platform")};
            int ok;
            if (gm_check_text_on(c, &in, "2026-01-01", &out, &cap, &n, &ok, &err)) {
                fprintf(stderr, "%s\n", err.message);
                return 2;
            }
            double t3 = cpu_s();
            json_decref(b);
            t[0] += t1 - t0;
            t[1] += t2 - t1;
            t[2] += t3 - t2;
        }
        for (int k = 0; k < 3; k++)
            best[k] = t[k] < best[k] ? t[k] : best[k];
    }
    printf("POST /check in process, %zu-byte body, best of 5 x %d: json_loadb %.1f us, "
           "json_body_parse %.1f us, check with every rule %.1f us (%zu report bytes)\n",
           len, reps, best[0] / reps * 1e6, best[1] / reps * 1e6, best[2] / reps * 1e6, n);
    free(out);
    free(body);
    gm_checker_unref(c);
    return 0;
}
