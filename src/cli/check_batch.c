/*
 * check_batch.c - `govmedia check --jsonl`: one JSON object a line in, the
 * report `--json` prints for it a line out, in order, with its id echoed.
 * Used to re-check a whole archive after the lexicon changed (回溯检查).
 *
 * Each report is written (and flushed) before the next line is read, so on
 * a malformed line everything printed before it stays valid; the bad line
 * is named on stderr and the exit code is 2.  Otherwise exit 1 when any
 * line has a blocking finding, else 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check_batch.h"

static const char *const line_fields[] = {"text", "title", "platform", "repost_source", "id",
                                          "summary", "length_preset", NULL};

static int known_field(const char *k)
{
    for (size_t i = 0; line_fields[i]; i++)
        if (strcmp(k, line_fields[i]) == 0)
            return 1;
    return 0;
}

static const char *opt_string(const json_t *o, const char *key, int *bad)
{
    const json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v)) {
        *bad = 1;
        return NULL;
    }
    return json_string_value(v);
}

/* Validates one parsed line; fills in, or names what is wrong in err. */
static int line_input(const json_t *o, const char *platform, gm_check_input *in, gm_err *err)
{
    if (!json_is_object(o))
        return gm_fail(err, GM_E_INVALID, "line", "应为 JSON 对象");
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)o, k, v)
        if (!known_field(k))
            return gm_fail(err, GM_E_INVALID, k, "未知字段 %s", k);
    const json_t *text = json_object_get(o, "text");
    if (!json_is_string(text))
        return gm_fail(err, GM_E_INVALID, "text", "缺少字符串字段 text");
    const json_t *id = json_object_get(o, "id");
    if (id && !json_is_string(id) && !json_is_integer(id) && !json_is_null(id))
        return gm_fail(err, GM_E_INVALID, "id", "id 应为字符串或整数");
    int bad = 0;
    *in = (gm_check_input){json_string_value(text), json_string_length(text),
                           opt_string(o, "title", &bad), opt_string(o, "platform", &bad),
                           opt_string(o, "repost_source", &bad), opt_string(o, "summary", &bad),
                           opt_string(o, "length_preset", &bad)};
    if (!in->platform)
        in->platform = platform;
    return bad ? gm_fail(err, GM_E_INVALID, "title",
                         "title、platform、repost_source、summary、length_preset 应为字符串")
               : 0;
}

/* The reusable buffer reports are written into, one line after another. */
typedef struct report_buf {
    char *s;
    size_t cap;
} report_buf;

/* The report text with the line's id appended as its last member, as
 * json_object_set(report, "id", id) would place it. */
static int write_report(FILE *out, const char *report, size_t len, const json_t *id)
{
    if (!id)
        return fwrite(report, 1, len, out) != len || fputc('\n', out) == EOF;
    return fwrite(report, 1, len - 1, out) != len - 1 || fputs(",\"id\":", out) == EOF ||
           json_dumpf(id, out, JSON_COMPACT | JSON_ENCODE_ANY) != 0 || fputs("}\n", out) == EOF;
}

static int check_line(const gm_checker *c, const char *line, size_t len, const char *platform,
                      FILE *out, int *blocked, report_buf *rb, gm_err *err)
{
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        return gm_fail(err, GM_E_INVALID, "line", "不是有效的 JSON:%s", je.text);
    gm_check_input in;
    size_t n = 0;
    int ok = 1;
    int rc = line_input(o, platform, &in, err);
    if (!rc)
        rc = gm_check_text(c, &in, &rb->s, &rb->cap, &n, &ok, err);
    if (!rc) {
        *blocked |= !ok;
        if (write_report(out, rb->s, n, json_object_get(o, "id")))
            rc = gm_fail(err, GM_E_IO, NULL, "无法写出结果");
    }
    json_decref(o);
    return rc;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

int check_jsonl(const gm_checker *c, FILE *in, const char *platform, FILE *out)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long no = 0;
    int blocked = 0, code = 0;
    report_buf rb = {NULL, 0};
    while ((n = getline(&line, &cap, in)) >= 0) {
        no++;
        size_t len = (size_t)n;
        if (len && line[len - 1] == '\n')
            len--;
        if (blank(line, len))
            continue;
        gm_err err = {0};
        if (check_line(c, line, len, platform, out, &blocked, &rb, &err) != 0) {
            fflush(out);
            fprintf(stderr, "govmedia check: 第 %ld 行%s%s:%s\n", no, err.field[0] ? " 字段 " : "",
                    err.field, err.message);
            code = 2;
            break;
        }
    }
    free(line);
    free(rb.s);
    fflush(out);
    return code ? code : blocked ? 1 : 0;
}

typedef struct archive_ctx {
    const gm_checker *c;
    FILE *out;
    long checked, listed;
    int blocked;
    gm_err *err;
} archive_ctx;

static int archive_one(void *ctx, const recheck_item *it)
{
    archive_ctx *a = ctx;
    json_t *r;
    a->checked++;
    int rc = recheck_report(a->c, it, &r, a->err);
    if (rc || !r)
        return rc;
    a->listed++;
    a->blocked |= !json_is_true(json_object_get(r, "ok"));
    if (json_dumpf(r, a->out, JSON_COMPACT) != 0 || fputc('\n', a->out) == EOF)
        rc = gm_fail(a->err, GM_E_IO, NULL, "无法写出结果");
    json_decref(r);
    return rc;
}

int check_archive(const gm_checker *c, db *d, long long account_id, const char *since,
                  FILE *out, long *checked, long *listed, gm_err *err)
{
    archive_ctx a = {c, out, 0, 0, 0, err};
    int rc = recheck_published(d, account_id, since, archive_one, &a, err);
    fflush(out);
    *checked = a.checked;
    *listed = a.listed;
    return rc ? rc : a.blocked;
}
