/*
 * fuzz_exprlist.c - libFuzzer target: the expression lists (names,
 * formulations, outdated formulations, office-holders) on arbitrary files,
 * then the expression rule and the 错别字 detector on arbitrary text.
 * Input: byte 0 picks the list file the rest goes to (low 2 bits); the rest
 * up to the first NUL is that file, after it the text to check.  A list
 * either loads or fails with GM_E_INVALID; a loaded list must scan any
 * valid text and report findings whose spans lie inside the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/exprlist.h"
#include "check/normalize.h"
#include "check/typo.h"

static char dir[] = "/tmp/gm_fuzz_expr_XXXXXX";
static const gm_typo_model *model;

/* The model is loaded once, before the clock of the first input starts. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gm_err err = {0};
    if (!mkdtemp(dir) || gm_typo_model_get(&model, &err) != 0)
        abort();
    return 0;
}

static void write_only(const char *name, const char *buf, size_t len)
{
    static const char *const all[] = {"names.txt", "formulations.txt", "outdated.txt",
                                      "officials.txt"};
    char path[256];
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, all[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, len, f) != len)
        abort();
    fclose(f);
}

static void check_spans(const gm_findings *fs, size_t len)
{
    for (size_t i = 0; i < fs->n; i++)
        if (fs->v[i].b_start >= fs->v[i].b_end || fs->v[i].b_end > len ||
            fs->v[i].start >= fs->v[i].end)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const names[] = {"names.txt", "formulations.txt", "outdated.txt",
                                        "officials.txt"};
    const char *body = (const char *)data + 1;
    size_t n = size - 1;
    const char *nul = memchr(body, '\0', n);
    size_t flen = nul ? (size_t)(nul - body) : n;
    const char *text = nul ? nul + 1 : "";
    size_t tlen = nul ? n - flen - 1 : 0;
    write_only(names[data[0] & 3], body, flen);
    gm_exprs x;
    gm_err err = {0};
    int rc = gm_exprs_load(&x, dir, model, &err);
    if (rc != 0 && rc != GM_E_INVALID)
        abort();
    if (rc == 0 && gm_utf8_invalid_at(text, tlen) == 0) {
        gm_findings fs = {0};
        const char *date = (data[0] & 4) ? "2020-06-30" : NULL;   /* a text's day, or none */
        gm_typo_quiet quiet = {0};
        if (gm_exprs_findings(&x, text, tlen, "text", date, &fs, &quiet, &err) != 0 ||
            gm_typo_findings(model, text, tlen, "text", &quiet, &fs) != 0)
            abort();
        gm_typo_quiet_free(&quiet);
        check_spans(&fs, tlen);
        gm_findings_free(&fs);
    }
    if (rc == 0)
        gm_exprs_free(&x);
    return 0;
}
