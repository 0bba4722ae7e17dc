/*
 * post_input.c - the create/edit body of a post, shared by the API and the
 * CLI (see post_input.h), so both refuse the same input the same way.
 */
#include "http/post_input.h"
#include "core/post_disclosure.h"
#include "http/json_in.h"

#include <string.h>

/* account_ids: an array of positive integers, at most POST_MAX_ACCOUNTS. */
static int account_ids_from(const json_t *a, long long *ids, int *n, gm_err *err)
{
    size_t i;
    json_t *v;
    *n = 0;
    if (json_array_size(a) > POST_MAX_ACCOUNTS)
        return gm_fail(err, GM_E_INVALID, "account_ids", "发布账号最多 %d 个",
                       POST_MAX_ACCOUNTS);
    json_array_foreach(a, i, v) {
        if (!json_is_integer(v) || json_integer_value(v) < 1)
            return gm_fail(err, GM_E_INVALID, "account_ids", "发布账号应为账号编号的列表");
        ids[(*n)++] = json_integer_value(v);
    }
    return GM_OK;
}

static int input_from(const json_t *b, post_input *in, long long *ids, gm_err *err)
{
    json_t *major = json_object_get(b, "major"), *acc = json_object_get(b, "account_ids");
    json_t *src = json_object_get(b, "repost_source");
    memset(in, 0, sizeof *in);
    in->title = json_str(b, "title");
    in->body = json_str(b, "body");
    in->major = major ? json_is_true(major) : -1;
    if (src && !json_is_null(src) && !json_is_string(src))
        return gm_fail(err, GM_E_INVALID, "repost_source", "转载来源应为来源名称或空");
    in->set_repost_source = src != NULL;
    in->repost_source = json_string_value(src);
    in->corrects = json_int_or(b, "corrects", 0);
    /* the lawful-disclosure declaration: present (even null) replaces it */
    in->set_disclosure = json_object_get(b, "disclosure_type") != NULL ||
                         json_object_get(b, "disclosure_basis") != NULL;
    in->disclosure_type = json_str(b, "disclosure_type");
    in->disclosure_basis = json_str(b, "disclosure_basis");
    json_t *sum = json_object_get(b, "summary");   /* present (even null) replaces it */
    if (sum && !json_is_null(sum) && !json_is_string(sum))
        return gm_fail(err, GM_E_INVALID, "summary", "摘要应为文字或空");
    in->set_summary = sum != NULL;
    in->summary = json_string_value(sum);
    if (acc) {
        int rc = account_ids_from(acc, ids, &in->n_accounts, err);
        if (rc)
            return rc;
        in->account_ids = ids;
    }
    return GM_OK;
}

static const json_field create_fields[] = {
    {"title", JF_STRING, true, POST_TITLE_MAX}, {"body", JF_TEXT, true, POST_BODY_MAX},
    {"account_ids", JF_ARRAY, true, 0},         {"major", JF_BOOL, false, 0},
    {"repost_source", JF_STRING, false, 200},      {"corrects", JF_INT, false, 0},
    {"disclosure_type", JF_STRING, false, 16},
    {"disclosure_basis", JF_STRING, false, POST_DISCLOSURE_BASIS_MAX},
    {"summary", JF_STRING, false, POST_SUMMARY_MAX},
    {NULL, 0, 0, 0}};

static const json_field edit_fields[] = {
    {"title", JF_STRING, false, POST_TITLE_MAX}, {"body", JF_TEXT, false, POST_BODY_MAX},
    {"account_ids", JF_ARRAY, false, 0},         {"major", JF_BOOL, false, 0},
    {"repost_source", JF_STRING, false, 200},
    {"disclosure_type", JF_STRING, false, 16},
    {"disclosure_basis", JF_STRING, false, POST_DISCLOSURE_BASIS_MAX},
    {"summary", JF_STRING, false, POST_SUMMARY_MAX},
    {NULL, 0, 0, 0}};

static int parse_with(const json_field *fields, const char *text, size_t len, json_t **b,
                      post_input *in, long long *ids, gm_err *err)
{
    int rc = json_body_parse(text, len, fields, b, err);
    if (rc)
        return rc;
    rc = input_from(*b, in, ids, err);
    if (rc) {
        json_decref(*b);
        *b = NULL;
    }
    return rc;
}

int post_input_create(const char *text, size_t len, json_t **b, post_input *in, long long *ids,
                      gm_err *err)
{
    int rc = parse_with(create_fields, text, len, b, in, ids, err);
    if (!rc && in->n_accounts < 1) {
        json_decref(*b);
        *b = NULL;
        rc = gm_fail(err, GM_E_INVALID, "account_ids", "至少选择一个发布账号");
    }
    return rc;
}

int post_input_edit(const char *text, size_t len, json_t **b, post_input *in, long long *ids,
                    gm_err *err)
{
    return parse_with(edit_fields, text, len, b, in, ids, err);
}
