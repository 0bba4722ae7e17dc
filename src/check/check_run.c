/*
 * check_run.c - runs every rule over one draft (gm_check_json) or one
 * media file (gm_check_media_json).  Input is validated first, so a
 * rejected draft produces no partial report.
 */
#include <stdlib.h>
#include <string.h>

#include "check/checker_int.h"
#include "check/mime_label.h"
#include "check/normalize.h"
#include "check/platform.h"
#include "check/privacy.h"
#include "check/typo.h"
#include "util/length_preset.h"

static int validate(const gm_checker *c, const gm_check_input *in, const char *date,
                    gm_length_limits *lim, gm_err *err)
{
    *lim = (gm_length_limits){.text = -1, .title = -1, .summary = -1, .preset = "house"};
    if (!in->text && in->text_len)
        return gm_fail(err, GM_E_INVALID, "text", "缺少正文");
    int rc = gm_utf8_require(in->text, in->text_len, "text", err);
    if (!rc && in->title)
        rc = gm_utf8_require(in->title, strlen(in->title), "title", err);
    if (!rc && in->repost_source)
        rc = gm_utf8_require(in->repost_source, strlen(in->repost_source), "repost_source", err);
    if (!rc && in->summary)
        rc = gm_utf8_require(in->summary, strlen(in->summary), "summary", err);
    if (!rc && in->length_preset)
        rc = gm_length_preset_require(in->length_preset, "length_preset", err);
    if (!rc && in->platform)
        rc = gm_preset_limits(c->presets, in->platform, in->length_preset, lim, err);
    if (!rc && date && (!*date || !gm_exprs_valid_date(date)))
        rc = gm_fail(err, GM_E_INVALID, "date", "日期应为 YYYY-MM-DD");
    return rc;
}

static int has_privacy(const gm_findings *fs)
{
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->v[i].rule, "privacy") == 0 && strcmp(fs->v[i].field, "text") == 0)
            return 1;
    return 0;
}

static int nomem(int rc, gm_err *err)
{
    return rc ? gm_fail(err, GM_E_NOMEM, "", "内存不足") : 0;
}

/* Keeps a finding unless an allow-list occurrence spans it. */
static int outside_allowed(void *allowed, const gm_finding *f)
{
    return !gm_allowed_covers(allowed, f->start, f->end);
}

/* The lexicon, then listed names, titles and formulations, then 错别字
 * outside them; none inside a phrase of the allow list, whose occurrences
 * the lexicon's scan of the field hands on. */
static int field_rules(const gm_checker *c, const char *text, size_t len, const char *field,
                       const char *date, const gm_field_gist *other, gm_field_gist *gist,
                       gm_findings *fs, gm_err *err)
{
    gm_hits allowed = {0};
    gm_typo_quiet quiet = {0};     /* listed office-holders and their titles */
    int rc = gm_lexicon_findings_doc(c, text, len, field, other, gist, fs, &allowed, err);
    size_t from = fs->n;
    if (!rc)
        rc = gm_exprs_findings(&c->exprs, text, len, field, date, fs, &quiet, err);
    if (!rc && c->typo)
        rc = nomem(gm_typo_findings(c->typo, text, len, field, &quiet, fs), err);
    if (!rc && allowed.n)
        gm_findings_keep(fs, from, outside_allowed, &allowed);
    free(allowed.v);
    gm_typo_quiet_free(&quiet);
    return rc;
}

/* The gist of the title for its body (its findings are made again, with
 * the body's gist, by field_rules). */
static int title_gist(const gm_checker *c, const char *title, gm_field_gist *g, gm_err *err)
{
    gm_findings none = {0};
    int rc = gm_lexicon_findings_doc(c, title, strlen(title), "title", NULL, g, &none, NULL, err);
    gm_findings_free(&none);
    return rc;
}

static int run_rules(const gm_checker *c, const gm_check_input *in, const char *date,
                     const char *text, const gm_length_limits *lim, gm_findings *fs,
                     size_t *chars, gm_err *err)
{
    /* a title and its body are read together (context.c): the title's gist
     * first, from a scan of the title alone, then the body's from its own scan */
    gm_field_gist title = {0}, body = {0};
    int rc = in->title ? title_gist(c, in->title, &title, err) : 0;
    if (!rc)
        rc = field_rules(c, text, in->text_len, "text", date, in->title ? &title : NULL,
                         in->title || in->summary ? &body : NULL, fs, err);
    if (!rc && in->title)
        rc = field_rules(c, in->title, strlen(in->title), "title", date, &body, NULL, fs, err);
    if (!rc && in->summary)
        rc = field_rules(c, in->summary, strlen(in->summary), "summary", date, &body, NULL, fs,
                         err);
    if (!rc)
        rc = nomem(gm_privacy_scan(text, in->text_len, "text", fs), err);
    if (!rc && in->title)
        rc = nomem(gm_privacy_scan(in->title, strlen(in->title), "title", fs), err);
    if (!rc && in->summary)
        rc = nomem(gm_privacy_scan(in->summary, strlen(in->summary), "summary", fs), err);
    if (!rc)
        rc = nomem(gm_length_check(text, in->text_len, in->title, in->summary, lim,
                                   in->platform, fs, chars), err);
    if (!rc && in->repost_source)
        rc = nomem(gm_source_check(&c->sources, in->repost_source, fs), err);
    return rc;
}

/* Every rule over one draft: the sorted findings, the text's length, the
 * platform's limit and (with privacy findings) the masked text. */
typedef struct checked {
    gm_findings fs;
    size_t chars;
    long limit;
    char *masked;
} checked;

static int check_all(const gm_checker *c, const gm_check_input *in, const char *date,
                     checked *k, gm_err *err)
{
    gm_length_limits lim;
    *k = (checked){0};
    int rc = validate(c, in, date, &lim, err);
    if (rc)
        return rc;
    k->limit = lim.text;
    const char *text = in->text ? in->text : "";
    rc = run_rules(c, in, date, text, &lim, &k->fs, &k->chars, err);
    if (!rc) {
        gm_findings_sort(&k->fs);
        if (has_privacy(&k->fs))
            rc = nomem(gm_privacy_mask(text, in->text_len, "text", &k->fs, &k->masked), err);
    }
    return rc;
}

static void checked_free(checked *k)
{
    free(k->masked);
    gm_findings_free(&k->fs);
}

int gm_check_json(const gm_checker *c, const gm_check_input *in, json_t **out, gm_err *err)
{
    return gm_check_json_on(c, in, NULL, out, err);
}

int gm_check_json_on(const gm_checker *c, const gm_check_input *in, const char *date,
                     json_t **out, gm_err *err)
{
    checked k;
    int rc = check_all(c, in, date, &k, err);
    if (!rc) {
        *out = gm_report_json(&k.fs, k.chars, k.limit, k.masked);
        if (!*out)
            rc = gm_fail(err, GM_E_NOMEM, "", "内存不足");
    }
    checked_free(&k);
    return rc;
}

int gm_check_text(const gm_checker *c, const gm_check_input *in, char **buf, size_t *cap,
                  size_t *len, int *ok, gm_err *err)
{
    return gm_check_text_on(c, in, NULL, buf, cap, len, ok, err);
}

int gm_check_text_on(const gm_checker *c, const gm_check_input *in, const char *date,
                     char **buf, size_t *cap, size_t *len, int *ok, gm_err *err)
{
    checked k;
    int rc = check_all(c, in, date, &k, err);
    if (!rc)
        rc = nomem(gm_report_text(&k.fs, k.chars, k.limit, k.masked, buf, cap, len, ok), err);
    checked_free(&k);
    return rc;
}

/* Validates platform (NULL: the default policy) by its length preset. */
int gm_check_platform_known(const gm_checker *c, const char *platform, gm_err *err)
{
    gm_length_limits lim;
    return platform ? gm_preset_limits(c->presets, platform, NULL, &lim, err) : GM_OK;
}

/* The media report of one file (see check.h); takes nothing from fs. */
static int media_report(const gm_findings *fs, const char *file, const char *mime,
                        const char *kind, long long bytes, json_t **out, gm_err *err)
{
    const char *label = gm_mime_label(mime);
    json_t *o = gm_report_json(fs, 0, -1, NULL);
    if (!o || json_object_del(o, "chars") || json_object_del(o, "limit") ||
        json_object_set_new(o, "file", file ? json_string(file) : json_null()) ||
        json_object_set_new(o, "mime", json_string(mime)) ||
        json_object_set_new(o, "mime_label", label ? json_string(label) : json_null()) ||
        json_object_set_new(o, "kind", json_string(kind)) ||
        json_object_set_new(o, "bytes", json_integer(bytes))) {
        json_decref(o);
        return gm_fail(err, GM_E_NOMEM, "", "内存不足");
    }
    *out = o;
    return GM_OK;
}

int gm_check_media_json(const gm_checker *c, const char *path, const char *platform,
                        json_t **out, gm_err *err)
{
    gm_findings fs = {0};
    char mime[128] = "";
    const char *kind = "other";
    long long bytes = 0;
    int rc = gm_check_platform_known(c, platform, err);
    if (!rc)
        rc = gm_media_check(path, gm_preset_media(c->presets, platform), &fs, mime, &kind, &bytes,
                            err);
    if (!rc)
        rc = media_report(&fs, path, mime, kind, bytes, out, err);
    gm_findings_free(&fs);
    return rc;
}

int gm_check_media_known_json(const gm_checker *c, const char *mime, long long bytes,
                              const char *platform, json_t **out, gm_err *err)
{
    gm_findings fs = {0};
    const char *kind = "other";
    int rc = gm_check_platform_known(c, platform, err);
    if (!rc)
        rc = gm_media_judge(mime, bytes, gm_preset_media(c->presets, platform), &fs, &kind, err);
    if (!rc)
        rc = media_report(&fs, NULL, mime, kind, bytes, out, err);
    gm_findings_free(&fs);
    return rc;
}
