/*
 * bench_checker.h - loading a checker and timing the load, shared by the
 * drivers that run the whole check (bench_whole.c, bench_expression.c).
 */
#ifndef BENCH_CHECKER_H
#define BENCH_CHECKER_H

#include "bench_common.h"

#include "check/check.h"

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
