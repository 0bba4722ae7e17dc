/*
 * bench_checker.h - loading a checker and timing the load, shared by the
 * drivers that run the whole check (bench_whole.c, bench_expression.c).
 */
#ifndef BENCH_CHECKER_H
#define BENCH_CHECKER_H

#include "bench_common.h"

#include "check/check.h"

/* The shipped data files under a data directory (GOVMEDIA_DATA's layout). */
typedef struct bench_paths {
    char lexicons[4096], allow[4200], sources[4200], platforms[4200], context[4200];
    char policy[4200], expressions[4200], register_words[4200];
} bench_paths;

static void bench_paths_fill(bench_paths *p, const char *data)
{
    snprintf(p->lexicons, sizeof p->lexicons, "%s/lexicons", data);
    snprintf(p->allow, sizeof p->allow, "%s/check/allow.txt", data);
    snprintf(p->sources, sizeof p->sources, "%s/check/approved_sources.txt", data);
    snprintf(p->platforms, sizeof p->platforms, "%s/check/platforms.json", data);
    snprintf(p->context, sizeof p->context, "%s/check/context.txt", data);
    snprintf(p->policy, sizeof p->policy, "%s/check/policy.txt", data);
    snprintf(p->register_words, sizeof p->register_words, "%s/check/register.txt", data);
    snprintf(p->expressions, sizeof p->expressions, "%s/expressions", data);
}

/* Loads the checker of f or exits with the error; *ms = load time. */
static gm_checker *checker_load_timed(const gm_checker_files *f, double *ms)
{
    gm_checker *c = NULL;
    gm_err err = {0};
    double t = now_s();
    if (gm_checker_load(&c, f, &err)) {
        fprintf(stderr, "%s\n", err.message);
        exit(2);
    }
    *ms = (now_s() - t) * 1e3;
    return c;
}

#endif
