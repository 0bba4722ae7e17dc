/*
 * check_lists.c - building the server's engine from shipped files and the
 * store's edited lists (see check_lists.h).
 */
#include "http/check_lists.h"
#include "http/check_origin.h"
#include "store/managed_lists.h"

#include <stdlib.h>

/* *text = the stored list in its file format, or NULL when never edited;
 * *version its version (0: never edited). */
static int stored_text(db *d, int kind, char **text, long long *version, gm_err *err)
{
    json_t *entries = NULL;
    *text = NULL;
    *version = 0;
    int rc = d ? managed_list_get(d, gm_list_name(kind), &entries, version, err) : 0;
    if (!rc && entries && !(*text = gm_list_text(kind, entries)))
        rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    json_decref(entries);
    return rc;
}

int check_lists_origin(db *d, const char *data_dir, char out[CHECK_ORIGIN_MAX], gm_err *err)
{
    long long versions[GM_LIST_COUNT] = {0};
    int rc = 0;
    for (int k = 0; k < GM_LIST_COUNT && !rc; k++) {
        char *text = NULL;
        rc = stored_text(d, k, &text, &versions[k], err);
        free(text);
    }
    if (!rc)
        check_origin(data_dir, versions, out);
    return rc;
}

int check_lists_load(db *d, const char *data_dir, gm_checker **out, gm_err *err)
{
    char *texts[GM_LIST_COUNT] = {NULL};
    long long versions[GM_LIST_COUNT] = {0};
    int rc = 0;
    for (int k = 0; k < GM_LIST_COUNT && !rc; k++)
        rc = stored_text(d, k, &texts[k], &versions[k], err);
    if (!rc) {
        gm_checker_texts t = {texts[GM_LIST_LEXICON],   texts[GM_LIST_ALLOW],
                              texts[GM_LIST_CONTEXT],   texts[GM_LIST_SOURCES],
                              texts[GM_LIST_NAMES],     texts[GM_LIST_FORMULATIONS],
                              texts[GM_LIST_OUTDATED],  texts[GM_LIST_OFFICIALS],
                              texts[GM_LIST_REGISTER]};
        rc = gm_checker_load_texts(out, data_dir, &t, err);
    }
    if (!rc) {
        char origin[CHECK_ORIGIN_MAX];
        check_origin(data_dir, versions, origin);
        gm_checker_set_origin(*out, origin);
    }
    for (int k = 0; k < GM_LIST_COUNT; k++)
        free(texts[k]);
    return rc;
}
