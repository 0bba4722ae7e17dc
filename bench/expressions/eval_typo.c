/*
 * eval_typo.c - runs the typo detector over an ECSpell-format file
 * (N<TAB>as written<TAB>correct) and prints every suggestion with its gain,
 * one a line: "row<TAB>code point index<TAB>replacement<TAB>gain<TAB>path" (a change of several
 * characters prints a line for each character it changes; path: the method step, GM_TYPO_PATH_*).
 * score.py turns this into recall / precision / false-alarm figures for
 * any threshold.  Usage: eval_typo FILE [min_gain] (default: the shipped
 * threshold GM_TYPO_THRESHOLD, what the check reports).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/normalize.h"
#include "check/typo.h"

typedef struct row_ctx {
    unsigned row;
} row_ctx;

static int print_hit(void *ctx, const gm_typo_hit *h, const uint32_t *cps)
{
    for (size_t k = 0; k < h->n; k++) {
        char r[8];
        if (h->replacement[k] == cps[h->cp + k])
            continue;
        r[gm_utf8_put(r, h->replacement[k])] = '\0';
        printf("%u\t%zu\t%s\t%.3f\t%d\n", ((row_ctx *)ctx)->row, h->cp + k, r, h->gain,
               h->path);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: eval_typo FILE [min_gain]\n");
        return 2;
    }
    const gm_typo_model *m;
    gm_err err;
    if (gm_typo_model_get(&m, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    float min_gain = argc > 2 ? strtof(argv[2], NULL) : GM_TYPO_THRESHOLD;
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char line[65536];
    row_ctx rc = {0};
    while (fgets(line, sizeof line, f)) {
        char *a = strchr(line, '\t');
        char *b = a ? strchr(a + 1, '\t') : NULL;
        if (!b)
            continue;
        *b = '\0';
        gm_typo_suggest(m, a + 1, strlen(a + 1), min_gain, print_hit, &rc);
        rc.row++;
    }
    fclose(f);
    return 0;
}
