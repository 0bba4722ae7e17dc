/*
 * policy.c - parsing and looking up the per-category match policy (see
 * policy.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/lexicon.h"
#include "check/policy.h"
#include "util/file.h"

void gm_policy_init(gm_policy *p)
{
    memset(p, 0, sizeof *p);
    p->dflt = (gm_cat_policy){NULL, GM_POL_TERM, GM_POL_TERM, 1};
}

void gm_policy_free(gm_policy *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i].category);
    free(p->v);
    gm_policy_init(p);
}

const gm_cat_policy *gm_policy_for(const gm_policy *p, const char *category)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->v[i].category, category ? category : "") == 0)
            return &p->v[i];
    return &p->dflt;
}

static int sev_word(const char *w, int *out)
{
    if (strcmp(w, "term") == 0)
        *out = GM_POL_TERM;
    else if (strcmp(w, "warn") == 0)
        *out = GM_SEV_WARN;
    else if (strcmp(w, "off") == 0)
        *out = GM_SEV_NONE;
    else
        return -1;
    return 0;
}

static int parse_line(gm_policy *p, char *line, const char *name, unsigned no, gm_err *err)
{
    char *save, *f[5];
    int n = 0;
    for (char *t = strtok_r(line, " \t\r", &save); t && n < 5; t = strtok_r(NULL, " \t\r", &save))
        f[n++] = t;
    if (n == 0 || f[0][0] == '#')
        return 0;
    gm_cat_policy c = {NULL, 0, 0, 0};
    if (n != 4 || sev_word(f[1], &c.pinyin) || sev_word(f[2], &c.homophone) ||
        (strcmp(f[3], "yes") != 0 && strcmp(f[3], "no") != 0))
        return gm_fail(err, GM_E_INVALID, "policy",
                       "%s 第 %u 行:应为“类别 拼音(term|warn|off) 谐音(term|warn|off) 语境(yes|no)”",
                       name, no);
    c.context = strcmp(f[3], "yes") == 0;
    if (strcmp(f[0], "*") == 0) {
        p->dflt = c;
        return 0;
    }
    gm_cat_policy *g = realloc(p->v, (p->n + 1) * sizeof *g);
    if (!g || !(c.category = strdup(f[0]))) {
        if (g)
            p->v = g;
        return gm_fail(err, GM_E_NOMEM, "policy", "内存不足");
    }
    p->v = g;
    p->v[p->n++] = c;
    return 0;
}

int gm_policy_parse(gm_policy *p, const char *name, const char *buf, size_t len, gm_err *err)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return gm_fail(err, GM_E_NOMEM, "policy", "内存不足");
    memcpy(copy, buf, len);
    copy[len] = '\0';
    int rc = 0;
    unsigned no = 0;
    char *save;
    for (char *line = strtok_r(copy, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save))
        rc = parse_line(p, line, name, ++no, err);
    free(copy);
    return rc;
}

int gm_policy_load_file(gm_policy *p, const char *path, gm_err *err)
{
    char *buf;
    size_t len;
    int rc = gm_read_file(path, 64 * 1024, &buf, &len, "policy", err);
    if (rc)
        return rc;
    rc = gm_policy_parse(p, path, buf, len, err);
    free(buf);
    return rc;
}
