/*
 * account_text.c - an account's list entry kept as JSON text (see
 * account_text.h).
 *
 * Layout of the kept text: head, then tail.  A reply writes head, the
 * "overdue" member of the day asked about, then tail:
 *   head  {"id":..,"unit_id":..,"unit_name":..,"name":..,"platform":..,
 *         "platform_label":..,"state":..,"state_label":..,"version":..,
 *         "filing_due":..,"refiling_due":..,
 *   tail  "merged_into":..,"exception_reason":..,"created_at":..,
 *         "updated_at":..,"certification":{..},"filed_late":..,
 *         "filed_late_days":..}
 * (account_to_json's key order).  The fields the list searches and sorts
 * on are kept beside the text, in one block with it.
 */
#include "store/account_text.h"
#include "util/text.h"

#include <stdlib.h>
#include <string.h>

struct account_text {
    int refs;
    long long id, unit_id, version, merged_into;
    gm_account_state state;
    int filed_late, filed_late_days;
    char filing_due[11], refiling_due[11];
    const char *platform_label;   /* static, or the platform itself */
    char *name, *unit_name, *platform, *exception_reason, *created_at, *updated_at;
    char *text;                   /* head then tail */
    size_t head_len, len;
    char block[];                 /* the strings above, one after another */
};

static void write_head(json_text *o, const gm_account *a, const char *platform_label)
{
    JT_LIT(o, "{\"id\":");
    jt_int(o, a->id);
    JT_LIT(o, ",\"unit_id\":");
    jt_int(o, a->unit_id);
    JT_LIT(o, ",\"unit_name\":");
    jt_string(o, a->unit_name);
    JT_LIT(o, ",\"name\":");
    jt_string(o, a->name);
    JT_LIT(o, ",\"platform\":");
    jt_string(o, a->platform);
    JT_LIT(o, ",\"platform_label\":");
    jt_string(o, platform_label);
    JT_LIT(o, ",\"state\":");
    jt_string(o, account_state_name(a->state));
    JT_LIT(o, ",\"state_label\":");
    jt_string(o, account_state_label(a->state));
    JT_LIT(o, ",\"version\":");
    jt_int(o, a->version);
    JT_LIT(o, ",\"filing_due\":");
    jt_string(o, a->filing_due[0] ? a->filing_due : NULL);
    JT_LIT(o, ",\"refiling_due\":");
    jt_string(o, a->refiling_due[0] ? a->refiling_due : NULL);
    JT_LIT(o, ",");
}

static void write_tail(json_text *o, const gm_account *a)
{
    account_certification c;
    account_certification_of(a, &c);
    JT_LIT(o, "\"merged_into\":");
    if (a->merged_into)
        jt_int(o, a->merged_into);
    else
        JT_LIT(o, "null");
    JT_LIT(o, ",\"exception_reason\":");
    jt_string(o, a->exception_reason[0] ? a->exception_reason : NULL);
    JT_LIT(o, ",\"created_at\":");
    jt_string(o, a->created_at);
    JT_LIT(o, ",\"updated_at\":");
    jt_string(o, a->updated_at);
    JT_LIT(o, ",\"certification\":{\"status\":");
    jt_string(o, c.status);
    JT_LIT(o, ",\"status_label\":");
    jt_string(o, c.status_label);
    JT_LIT(o, ",\"date\":");
    jt_string(o, c.date);
    JT_LIT(o, "},\"filed_late\":");
    if (a->filed_late < 0)
        JT_LIT(o, "null");
    else
        jt_bool(o, a->filed_late);
    JT_LIT(o, ",\"filed_late_days\":");
    jt_int(o, a->filed_late > 0 ? a->filed_late_days : 0);
    JT_LIT(o, "}");
}

/* The row's own texts must be valid UTF-8 to be written as JSON strings
 * (jansson refuses the others, and so does the list: such a row is
 * damaged).  The rest comes from static tables or a parsed record. */
static int check_utf8(const gm_account *a, gm_err *err)
{
    const char *const texts[] = {a->unit_name, a->name, a->platform, a->filing_due,
                                 a->refiling_due, a->exception_reason, a->created_at,
                                 a->updated_at};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (text_first_invalid_utf8(texts[i], strlen(texts[i])) >= 0)
            return gm_fail(err, GM_E_DB, NULL, "账号 %lld 的记录含无效的 UTF-8 文本", a->id);
    return GM_OK;
}

/* Copies s into the block at *at and returns the copy. */
static char *keep(char **at, const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = memcpy(*at, s, n);
    *at += n;
    return copy;
}

static account_text *text_new(const gm_account *a, const char *platform_label, const char *text,
                              size_t head_len, size_t len)
{
    const char *const kept[] = {a->name, a->unit_name, a->platform, a->exception_reason,
                                a->created_at, a->updated_at};
    size_t size = len + 1;
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        size += strlen(kept[i]) + 1;
    account_text *t = malloc(sizeof *t + size);
    if (!t)
        return NULL;
    *t = (account_text){.refs = 1, .id = a->id, .unit_id = a->unit_id, .version = a->version,
                        .merged_into = a->merged_into, .state = a->state,
                        .filed_late = a->filed_late, .filed_late_days = a->filed_late_days,
                        .head_len = head_len, .len = len};
    memcpy(t->filing_due, a->filing_due, sizeof t->filing_due);
    memcpy(t->refiling_due, a->refiling_due, sizeof t->refiling_due);
    char *at = t->block;
    t->name = keep(&at, a->name);
    t->unit_name = keep(&at, a->unit_name);
    t->platform = keep(&at, a->platform);
    t->exception_reason = keep(&at, a->exception_reason);
    t->created_at = keep(&at, a->created_at);
    t->updated_at = keep(&at, a->updated_at);
    t->platform_label = platform_label == a->platform ? t->platform : platform_label;
    t->text = at;
    memcpy(t->text, text, len + 1);
    return t;
}

int account_text_make(const gm_account *a, account_text **out, gm_err *err)
{
    int rc = check_utf8(a, err);
    if (rc)
        return rc;
    const char *label = account_platform_label(a);
    json_text o = {0};
    write_head(&o, a, label);
    size_t head_len = o.len, len;
    write_tail(&o, a);
    char *text = json_text_take(&o, &len);
    *out = text ? text_new(a, label, text, head_len, len) : NULL;
    free(text);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

account_text *account_text_ref(account_text *t)
{
    if (t)
        t->refs++;
    return t;
}

void account_text_unref(account_text *t)
{
    if (t && --t->refs == 0)
        free(t);
}

void account_text_overdue(const account_text *t, const char *as_of, int *filing, int *refiling)
{
    account_overdue_flags(t->state, t->filing_due, t->refiling_due, as_of, filing, refiling);
}

void account_text_write(json_text *out, const account_text *t, int filing, int refiling,
                        const char *as_of)
{
    if (!jt_reserve(out, t->len + 64))
        return;
    jt_raw(out, t->text, t->head_len);
    JT_LIT(out, "\"overdue\":{\"filing\":");
    jt_bool(out, filing);
    JT_LIT(out, ",\"refiling\":");
    jt_bool(out, refiling);
    JT_LIT(out, ",\"as_of\":");
    jt_string(out, as_of);
    JT_LIT(out, "},");
    jt_raw(out, t->text + t->head_len, t->len - t->head_len);
}

static list_value number(long long v) { return (list_value){.kind = LV_NUMBER, .num = (double)v}; }

/* A string field; "" stands for null where the entry writes null. */
static list_value string(const char *s, int empty_is_null)
{
    if (empty_is_null && !s[0])
        return (list_value){.kind = LV_MISSING};
    return (list_value){.kind = LV_STRING, .str = s};
}

list_value account_text_value(const account_text *t, const char *k)
{
    if (!strcmp(k, "id"))
        return number(t->id);
    if (!strcmp(k, "unit_id"))
        return number(t->unit_id);
    if (!strcmp(k, "version"))
        return number(t->version);
    if (!strcmp(k, "merged_into"))
        return t->merged_into ? number(t->merged_into) : (list_value){.kind = LV_MISSING};
    if (!strcmp(k, "filed_late_days"))
        return number(t->filed_late > 0 ? t->filed_late_days : 0);
    const struct { const char *key; const char *value; int empty_is_null; } strings[] = {
        {"name", t->name, 0},
        {"unit_name", t->unit_name, 0},
        {"platform", t->platform, 0},
        {"platform_label", t->platform_label, 0},
        {"state", account_state_name(t->state), 0},
        {"state_label", account_state_label(t->state), 0},
        {"filing_due", t->filing_due, 1},
        {"refiling_due", t->refiling_due, 1},
        {"exception_reason", t->exception_reason, 1},
        {"created_at", t->created_at, 0},
        {"updated_at", t->updated_at, 0}};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        if (!strcmp(k, strings[i].key))
            return string(strings[i].value, strings[i].empty_is_null);
    if (!strcmp(k, "overdue") || !strcmp(k, "certification") ||
        (!strcmp(k, "filed_late") && t->filed_late >= 0))
        return (list_value){.kind = LV_OTHER};
    return (list_value){.kind = LV_MISSING};
}
