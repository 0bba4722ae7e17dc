/*
 * bench_common.h - corpus loading, line splitting and timing shared by the
 * C benchmark drivers (bench_govmedia.c, bench_hyperscan.c).
 */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct corpus {
    char *buf;
    size_t len;
    size_t *start, *end;   /* per line, without the newline */
    size_t nlines;
} corpus;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(2);
    }
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static void corpus_load(corpus *c, const char *path)
{
    c->buf = slurp(path, &c->len);
    size_t cap = 1024;
    c->start = malloc(cap * sizeof *c->start);
    c->end = malloc(cap * sizeof *c->end);
    c->nlines = 0;
    size_t i = 0;
    while (i < c->len) {
        char *nl = memchr(c->buf + i, '\n', c->len - i);
        size_t e = nl ? (size_t)(nl - c->buf) : c->len;
        if (c->nlines == cap) {
            cap *= 2;
            c->start = realloc(c->start, cap * sizeof *c->start);
            c->end = realloc(c->end, cap * sizeof *c->end);
        }
        if (!c->start || !c->end)
            exit(2);
        c->start[c->nlines] = i;
        c->end[c->nlines++] = e;
        i = e + 1;
    }
}

/* Lexicon file: one term a line (no comments in generated files). */
static char **terms_load(const char *path, size_t *n)
{
    size_t len;
    char *buf = slurp(path, &len);
    size_t cap = 1024;
    char **t = malloc(cap * sizeof *t);
    *n = 0;
    for (char *p = strtok(buf, "\n"); p; p = strtok(NULL, "\n")) {
        if (*n == cap)
            t = realloc(t, (cap *= 2) * sizeof *t);
        if (!t)
            exit(2);
        t[(*n)++] = p;
    }
    return t;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *name, const double *secs, int reps, size_t bytes, size_t hits)
{
    qsort((void *)secs, (size_t)reps, sizeof *secs, cmp_double);
    double mb = (double)bytes / 1048576.0;
    printf("%s: best %.1f MB/s, median %.1f MB/s, hits %zu\n", name, mb / secs[0],
           mb / secs[reps / 2], hits);
}

#endif
