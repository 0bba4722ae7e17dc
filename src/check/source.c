/*
 * source.c - the repost rule: a repost names its source, and the source is
 * on the approved list (data/check/approved_sources.txt).
 *
 * Names compare in the engine's normal form (so "新華社", "新华社 " and
 * "新华社。" are the same source); domains compare on the host of a URL or
 * bare host name, a subdomain counting as its parent.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/file.h"
#include "check/lexicon.h"
#include "check/normalize.h"
#include "check/rules.h"

#define SOURCES_FILE_MAX (4u << 20)

/* Normal form as a malloc'd UTF-8 string (noise dropped, repeats kept). */
static char *norm_key(const char *s, size_t len)
{
    char *out = malloc(len * 4 * GM_NORM_MAX + 1);
    if (!out)
        return NULL;
    size_t i = 0, w = 0;
    while (i < len) {
        uint32_t cp, m[GM_NORM_MAX];
        size_t n = gm_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            break;
        i += n;
        int k = gm_norm_map(cp, m);
        for (int j = 0; j < k; j++)
            w += gm_utf8_put(out + w, m[j]);
    }
    out[w] = '\0';
    return out;
}

static int is_domain(const char *s)
{
    if (!strchr(s, '.'))
        return 0;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '.' || *s == '-'))
            return 0;
    return 1;
}

static int push(char ***v, size_t *n, char *s)
{
    char **grown = realloc(*v, (*n + 1) * sizeof *grown);
    if (!grown) {
        free(s);
        return GM_E_NOMEM;
    }
    *v = grown;
    (*v)[(*n)++] = s;
    return 0;
}

static char *lower_dup(const char *s, size_t n)
{
    char *d = strndup(s, n);
    for (size_t i = 0; d && d[i]; i++)
        d[i] = (char)tolower((unsigned char)d[i]);
    return d;
}

static int add_entry(gm_sources *s, char *line, const char *path, unsigned lineno, gm_err *err)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    size_t n = strlen(line);
    while (n > 0 && isspace((unsigned char)line[n - 1]))
        line[--n] = '\0';
    while (*line && isspace((unsigned char)*line))
        line++, n--;
    if (n == 0)
        return 0;
    if (gm_utf8_invalid_at(line, n))
        return gm_fail(err, GM_E_INVALID, "sources", "%s 第 %u 行: 不是有效的 UTF-8", path, lineno);
    char *v = is_domain(line) ? lower_dup(line, n) : norm_key(line, n);
    if (!v || (is_domain(line) ? push(&s->domains, &s->n_domains, v)
                               : push(&s->names, &s->n_names, v)))
        return gm_fail(err, GM_E_NOMEM, "sources", "内存不足");
    return 0;
}

int gm_sources_load(gm_sources *s, const char *path, gm_err *err)
{
    char *buf;
    size_t len;
    int rc = gm_read_file(path, SOURCES_FILE_MAX, &buf, &len, "sources", err);
    if (rc)
        return rc;
    rc = gm_sources_parse(s, path, buf, len, err);
    free(buf);
    return rc;
}

int gm_sources_parse(gm_sources *s, const char *path, const char *text, size_t len, gm_err *err)
{
    int rc = gm_norm_init(err);
    char *buf = rc ? NULL : malloc(len + 1);
    if (rc)
        return rc;
    if (!buf)
        return gm_fail(err, GM_E_NOMEM, "sources", "内存不足");
    memcpy(buf, text, len);
    buf[len] = '\0';
    unsigned lineno = 0;
    char *save = NULL;
    for (char *p = buf; rc == 0 && p && *p; p = save) {
        char *nl = strchr(p, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        rc = add_entry(s, p, path, ++lineno, err);
    }
    free(buf);
    if (rc)
        gm_sources_free(s);
    return rc;
}

void gm_sources_free(gm_sources *s)
{
    for (size_t i = 0; i < s->n_names; i++)
        free(s->names[i]);
    for (size_t i = 0; i < s->n_domains; i++)
        free(s->domains[i]);
    free(s->names);
    free(s->domains);
    memset(s, 0, sizeof *s);
}

/* Host of "https://www.gov.cn/x" or "www.gov.cn/x", lower-cased; NULL if
 * the source does not look like one. */
static char *host_of(const char *src)
{
    const char *p = strstr(src, "://");
    p = p ? p + 3 : src;
    size_t n = strcspn(p, "/:?#");
    if (n == 0)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!(isalnum((unsigned char)p[i]) || p[i] == '.' || p[i] == '-'))
            return NULL;
    return memchr(p, '.', n) ? lower_dup(p, n) : NULL;
}

static int domain_ok(const gm_sources *s, const char *host)
{
    size_t hl = strlen(host);
    for (size_t i = 0; i < s->n_domains; i++) {
        size_t dl = strlen(s->domains[i]);
        if (hl == dl ? strcmp(host, s->domains[i]) == 0
                     : hl > dl && host[hl - dl - 1] == '.' && strcmp(host + hl - dl, s->domains[i]) == 0)
            return 1;
    }
    return 0;
}

int gm_source_approved(const gm_sources *s, const char *source)
{
    const char *trimmed = source;
    while (*trimmed && isspace((unsigned char)*trimmed))
        trimmed++;
    char *host = host_of(trimmed);
    if (host) {
        int ok = domain_ok(s, host);
        free(host);
        if (ok)
            return 1;
    }
    char *key = norm_key(source, strlen(source));
    if (!key)
        return GM_E_NOMEM;
    int ok = 0;
    for (size_t i = 0; i < s->n_names && !ok; i++)
        ok = key[0] && strcmp(key, s->names[i]) == 0;
    free(key);
    return ok;
}

int gm_source_check(const gm_sources *s, const char *source, gm_findings *fs)
{
    size_t len = strlen(source);
    size_t cps = gm_utf8_count(source, len);
    gm_finding f = {.rule = "source", .field = "repost_source", .severity = GM_SEV_BLOCK,
                    .term = (char *)source, .match = (char *)source, .end = cps, .b_end = len};
    char *key = norm_key(source, len);
    if (!key)
        return GM_E_NOMEM;
    int named = key[0] != '\0';
    free(key);
    if (!named) {
        f.category = "missing";
        f.message = "转载须注明来源";
        return gm_findings_add(fs, &f, len);
    }
    int ok = gm_source_approved(s, source);
    if (ok < 0)
        return ok;
    if (ok)
        return 0;
    f.category = "unapproved";
    f.message = "转载来源不在核准稿源名单内";
    return gm_findings_add(fs, &f, len);
}
