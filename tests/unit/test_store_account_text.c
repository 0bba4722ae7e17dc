/*
 * test_store_account_text.c - the account list written from kept entry
 * texts (account_text.c, account_memo.c, account_query.c, list_page_write)
 * is byte for byte the reply the jansson tree gave: each entry equals
 * json_dumps(account_to_json() without "record", JSON_COMPACT) for every
 * state, platform, certification form, deadline, merge, late filing and
 * text needing escapes; the whole reply equals the former jansson
 * list_page_reply (kept below as the reference) for search, sort and
 * paging; the kept entries follow a row changed behind the program's back,
 * and the overdue flags follow the day asked about, never kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/list_page.h"
#include "store/account_query.h"
#include "store/account_text.h"
#include "store/accounts.h"
#include "store/store.h"
#include "store/units.h"
#include "test_store_helpers.h"

/* ---- one entry ---- */

/* The entry as the jansson tree printed it. */
static char *tree_entry(const gm_account *a, const char *as_of)
{
    json_t *j = account_to_json(a, as_of);
    assert_non_null(j);
    json_object_del(j, "record");
    char *s = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    return s;
}

static void same_entry(const gm_account *a, const char *as_of)
{
    account_text *t;
    gm_err err;
    assert_int_equal(account_text_make(a, &t, &err), GM_OK);
    int filing, refiling;
    account_text_overdue(t, as_of, &filing, &refiling);
    json_text out = {0};
    account_text_write(&out, t, filing, refiling, as_of);
    size_t len;
    char *got = json_text_take(&out, &len);
    char *want = tree_entry(a, as_of);
    assert_non_null(got);
    assert_int_equal(len, strlen(got));
    assert_string_equal(got, want);
    free(got);
    free(want);
    account_text_unref(t);
}

static gm_account plain_account(void)
{
    gm_account a;
    memset(&a, 0, sizeof a);
    a.id = 42;
    a.unit_id = 7;
    a.version = 3;
    snprintf(a.unit_name, sizeof a.unit_name, "示范县卫生健康局");
    snprintf(a.unit_path, sizeof a.unit_path, "/1/2/7/");
    snprintf(a.platform, sizeof a.platform, "wechat");
    snprintf(a.name, sizeof a.name, "健康示范");
    a.state = GM_ACCOUNT_OPENED;
    snprintf(a.created_at, sizeof a.created_at, "2026-01-02T03:04:05Z");
    snprintf(a.updated_at, sizeof a.updated_at, "2026-02-03T04:05:06Z");
    a.filed_late = -1;
    a.record = json_object();
    return a;
}

static void test_entry_text_equals_tree_for_every_state_and_platform(void **state)
{
    (void)state;
    static const char *const platforms[] = {"weibo", "wechat", "douyin", "kuaishou",
                                            "toutiao", "bilibili", "website", "other-made-up"};
    for (int s = 0; s < GM_ACCOUNT_STATE_COUNT; s++)
        for (size_t p = 0; p < sizeof platforms / sizeof platforms[0]; p++) {
            gm_account a = plain_account();
            a.state = (gm_account_state)s;
            snprintf(a.platform, sizeof a.platform, "%s", platforms[p]);
            same_entry(&a, "2026-03-01");
            accounts_release(&a);
        }
}

static void test_entry_text_equals_tree_for_deadlines_merges_and_late_filings(void **state)
{
    (void)state;
    const char *const days[] = {"2026-01-10", "2026-01-13", "2026-01-14", "2027-05-05"};
    for (int s = 0; s < GM_ACCOUNT_STATE_COUNT; s++)
        for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
            gm_account a = plain_account();
            a.state = (gm_account_state)s;
            snprintf(a.filing_due, sizeof a.filing_due, "2026-01-13");
            snprintf(a.refiling_due, sizeof a.refiling_due, "2026-01-12");
            a.merged_into = s == GM_ACCOUNT_MERGED ? 9 : 0;
            a.filed_late = (int)(d % 3) - 1;
            a.filed_late_days = 4;
            same_entry(&a, days[d]);
            accounts_release(&a);
        }
    gm_account a = plain_account();
    snprintf(a.exception_reason, sizeof a.exception_reason, "上级批准的例外");
    same_entry(&a, "not-a-date");   /* as the tree: both flags false */
    accounts_release(&a);
}

static void test_entry_text_equals_tree_for_every_certification_form(void **state)
{
    (void)state;
    const char *const records[] = {
        "{}",
        "{\"certification\":{\"status\":\"certified\",\"date\":\"2026-01-05\"}}",
        "{\"certification\":{\"status\":\"failed\"}}",
        "{\"certification\":{\"status\":\"pending\",\"date\":null}}",
        "{\"certification\":{\"date\":\"2025-12-01\"}}",          /* before statuses: certified */
        "{\"certification\":{\"status\":7,\"date\":8}}",
        "{\"certification\":{\"status\":\"新状态\\\"x\\n\"}}",     /* unknown, needs escapes */
        "{\"certification\":\"yes\"}",
    };
    for (size_t i = 0; i < sizeof records / sizeof records[0]; i++) {
        gm_account a = plain_account();
        json_decref(a.record);
        a.record = json_loads(records[i], 0, NULL);
        assert_non_null(a.record);
        same_entry(&a, "2026-03-01");
        accounts_release(&a);
    }
}

static void test_entry_text_equals_tree_for_texts_needing_escapes(void **state)
{
    (void)state;
    const char *const texts[] = {"引号\"和\\反斜杠", "换行\n制表\t回车\r", "控制\x01\x1f字符",
                                 "斜杠/不转义", "emoji 😀 与 \x7f", "", "a\"b"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        gm_account a = plain_account();
        snprintf(a.name, sizeof a.name, "%s", texts[i]);
        snprintf(a.unit_name, sizeof a.unit_name, "单位%s", texts[i]);
        snprintf(a.exception_reason, sizeof a.exception_reason, "%s理由", texts[i]);
        snprintf(a.created_at, sizeof a.created_at, "%s", texts[i]);
        same_entry(&a, "2026-03-01");
        accounts_release(&a);
    }
}

static void test_entry_refuses_text_that_is_not_utf8(void **state)
{
    (void)state;
    gm_account a = plain_account();
    snprintf(a.name, sizeof a.name, "坏\xe4\xb8");
    account_text *t = NULL;
    gm_err err;
    assert_int_equal(account_text_make(&a, &t, &err), GM_E_DB);
    assert_null(t);
    assert_non_null(strstr(err.message, "UTF-8"));
    accounts_release(&a);
}

/* ---- the whole list, against the former jansson reply ---- */

/* The former list_page_reply, kept verbatim as the reference. */
static int ref_matches(json_t *row, const char *q, const char *const *keys)
{
    for (size_t i = 0; keys && keys[i]; i++) {
        const char *v = json_string_value(json_object_get(row, keys[i]));
        if (v && strstr(v, q))
            return 1;
    }
    return 0;
}

typedef struct { json_t *row; size_t at; } ref_item;

static int ref_compare(const void *a, const void *b, void *arg)
{
    const list_page *p = arg;
    const ref_item *ia = a, *ib = b;
    json_t *x = json_object_get(ia->row, p->sort), *y = json_object_get(ib->row, p->sort);
    int xn = !x || json_is_null(x), yn = !y || json_is_null(y);
    int c = 0;
    if (xn || yn)
        c = xn - yn;
    else if (json_is_number(x) && json_is_number(y))
        c = json_number_value(x) < json_number_value(y)   ? -1
            : json_number_value(x) > json_number_value(y) ? 1
                                                          : 0;
    else if (json_is_string(x) && json_is_string(y))
        c = strcmp(json_string_value(x), json_string_value(y));
    if (c && p->desc && !xn && !yn)
        c = -c;
    return c ? c : (ia->at > ib->at) - (ia->at < ib->at);
}

static json_t *ref_sorted(json_t *rows, const list_page *p)
{
    size_t n = json_array_size(rows);
    ref_item *v = malloc((n ? n : 1) * sizeof *v);
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++)
        v[i] = (ref_item){json_array_get(rows, i), i};
    if (p->sort)
        qsort_r(v, n, sizeof *v, ref_compare, (void *)p);
    for (size_t i = 0; i < n; i++)
        json_array_append(out, v[i].row);
    free(v);
    return out;
}

static json_t *ref_reply(json_t *rows, const list_page *p, const char *const *search_keys,
                         const char *list_key)
{
    json_t *kept = json_array(), *row;
    size_t i;
    json_array_foreach(rows, i, row)
        if (!p->q || ref_matches(row, p->q, search_keys))
            json_array_append(kept, row);
    json_decref(rows);
    json_t *all = ref_sorted(kept, p);
    json_decref(kept);
    size_t total = json_array_size(all);
    json_t *page = all;
    if (p->page_size) {
        page = json_array();
        size_t from = (size_t)((p->page - 1) * p->page_size);
        for (size_t k = from; page && k < total && k < from + (size_t)p->page_size; k++)
            json_array_append(page, json_array_get(all, k));
        json_decref(all);
    }
    return json_pack("{s:o,s:I,s:I,s:I}", list_key, page, "total", (json_int_t)total, "page",
                     (json_int_t)(p->page ? p->page : 1), "page_size",
                     (json_int_t)(p->page_size ? p->page_size : (long long)total));
}

static const char *const search_keys[] = {"name", "unit_name", "platform_label", "state_label",
                                          NULL};

static char path[256];
static long long dept_a, dept_b;

static void add_account(db *d, long long unit, const char *platform, const char *name,
                        const char *st, const char *record, const char *filing_due,
                        const char *exception, long long filed_late)
{
    gm_err err;
    assert_int_equal(db_exec(d, &err,
                             "INSERT INTO accounts(unit_id,platform,name,state,version,record,"
                             "exception_reason,filing_due,created_at,updated_at,filed_late,"
                             "filed_late_days) VALUES(?,?,?,?,2,?,?,?,'2026-01-01T00:00:00Z',"
                             "'2026-01-02T00:00:00Z',?,3)",
                             "itttttti", unit, platform, name, st, record, exception, filing_due,
                             filed_late),
                     GM_OK);
}

static int setup(void **state)
{
    snprintf(path, sizeof path, "/tmp/gm-test-account-text-%d.db", (int)getpid());
    db *d = test_open_migrated(path);
    gm_actor who;
    actor_init_cli(&who, "tester");
    gm_err err;
    long long root, city;
    assert_int_equal(units_add(d, &who, "省", "province", 0, &root, &err), 0);
    assert_int_equal(units_add(d, &who, "市", "city", root, &city, &err), 0);
    assert_int_equal(units_add(d, &who, "甲\"局", "department", city, &dept_a, &err), 0);
    assert_int_equal(units_add(d, &who, "乙局", "department", city, &dept_b, &err), 0);
    const char *cert = "{\"certification\":{\"status\":\"certified\",\"date\":\"2026-01-03\"}}";
    add_account(d, dept_a, "weibo", "甲微博", "opened", "{}", "2026-01-05", NULL, 1);
    add_account(d, dept_a, "wechat", "甲公众号", "certified", cert, "2026-03-05", "例外\n说明", 0);
    add_account(d, dept_b, "douyin", "乙抖音", "applied", "{}", NULL, NULL, 1);
    add_account(d, dept_b, "weibo", "乙\\微博", "filed", cert, "2026-01-04", NULL, 0);
    add_account(d, city, "wechat", "市公众号", "closed", "{}", NULL, NULL, 1);
    add_account(d, dept_a, "bilibili", "甲B站", "refiling_due", "{}", NULL, NULL, 1);
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    test_close_removed(*state, path);
    return 0;
}

/* The former reply: each account read alone, its tree without "record". */
static char *tree_reply(db *d, const account_filter *f, const list_page *p)
{
    json_t *arr = json_array();
    db_stmt *q;
    gm_err err;
    assert_int_equal(db_query(d, &q, &err,
                              "SELECT a.id FROM accounts a JOIN units u ON u.id=a.unit_id "
                              "WHERE ? = 0 OR u.path LIKE (SELECT path FROM units WHERE id=?)||'%' "
                              "ORDER BY u.path, a.id",
                              "ii", f->unit_id, f->unit_id),
                     GM_OK);
    while (db_next(q) == 1) {
        gm_account a;
        assert_int_equal(accounts_get(d, db_int(q, 0), &a, &err), GM_OK);
        json_t *j = account_to_json(&a, f->as_of);
        json_object_del(j, "record");
        json_array_append_new(arr, j);
        accounts_release(&a);
    }
    db_done(q);
    json_t *reply = ref_reply(arr, p, search_keys, "accounts");
    char *s = json_dumps(reply, JSON_COMPACT);
    json_decref(reply);
    return s;
}

static char *text_reply(db *d, const account_filter *f, const list_page *p)
{
    account_entries es;
    gm_err err;
    assert_int_equal(accounts_list_entries(d, NULL, f, &es, &err), GM_OK);
    json_text out = {0};
    assert_int_equal(list_page_write(&out, &es, es.n, account_entry_value, account_entry_write,
                                     p, search_keys, "accounts"),
                     GM_OK);
    account_entries_free(&es);
    size_t len;
    return json_text_take(&out, &len);
}

static void same_reply(db *d, const account_filter *f, const list_page *p)
{
    char *want = tree_reply(d, f, p), *got = text_reply(d, f, p);
    assert_string_equal(got, want);
    free(want);
    free(got);
}

static void test_list_text_equals_tree_reply_for_search_sort_and_paging(void **state)
{
    db *d = *state;
    const list_page pages[] = {
        {0},
        {.q = "甲"},
        {.q = "已认证"},
        {.q = "微博"},
        {.q = "没有这个"},
        {.sort = "name"},
        {.sort = "name", .desc = 1},
        {.sort = "filing_due"},
        {.sort = "filing_due", .desc = 1},
        {.sort = "id", .desc = 1},
        {.sort = "unit_name", .page = 1, .page_size = 2},
        {.sort = "updated_at", .page = 2, .page_size = 4},
        {.page = 3, .page_size = 2},
        {.page = 9, .page_size = 2},
        {.q = "局", .sort = "platform", .desc = 1, .page = 1, .page_size = 3},
    };
    const char *const days[] = {"2026-01-04", "2026-01-20", "2026-06-01"};
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++)
        for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
            account_filter all = {.as_of = days[k]}, one = {.unit_id = dept_a, .as_of = days[k]};
            same_reply(d, &all, &pages[i]);
            same_reply(d, &one, &pages[i]);   /* the subtree range; twice: from the memo */
            same_reply(d, &one, &pages[i]);
        }
}

static void test_kept_entries_follow_rows_changed_behind_the_programs_back(void **state)
{
    db *d = *state;
    gm_err err;
    account_filter f = {.as_of = "2026-01-20"};
    list_page p = {0};
    same_reply(d, &f, &p);   /* kept now */
    assert_int_equal(db_exec(d, &err, "UPDATE accounts SET record=? WHERE name='甲微博'", "t",
                             "{\"certification\":{\"status\":\"failed\"}}"),
                     GM_OK);
    assert_int_equal(db_exec(d, &err, "UPDATE units SET name='甲局(改)' WHERE id=?", "i", dept_a),
                     GM_OK);
    char *got = text_reply(d, &f, &p);
    assert_non_null(strstr(got, "认证未通过"));
    assert_non_null(strstr(got, "甲局(改)"));
    assert_null(strstr(got, "甲\\\"局"));
    free(got);
    same_reply(d, &f, &p);
    /* a damaged record: listed as unreadable every time, never kept */
    assert_int_equal(db_exec(d, &err, "UPDATE accounts SET record='{broken' WHERE name='乙抖音'",
                             ""),
                     GM_OK);
    for (int round = 0; round < 2; round++) {
        got = text_reply(d, &f, &p);
        assert_non_null(strstr(got, "\"unreadable\":true"));
        free(got);
    }
    assert_int_equal(db_exec(d, &err, "UPDATE accounts SET record='{}' WHERE name='乙抖音'", ""),
                     GM_OK);
    got = text_reply(d, &f, &p);
    assert_null(strstr(got, "unreadable"));
    free(got);
}

static void test_overdue_flags_follow_the_day_asked_not_the_kept_entry(void **state)
{
    db *d = *state;
    account_filter early = {.as_of = "2026-01-02", .overdue = "filing"};
    account_filter late = {.as_of = "2026-02-01", .overdue = "filing"};
    list_page p = {0};
    char *none = text_reply(d, &early, &p), *some = text_reply(d, &late, &p);
    assert_non_null(strstr(none, "\"total\":0"));
    assert_non_null(strstr(some, "\"name\":\"甲微博\""));
    assert_non_null(strstr(some, "\"overdue\":{\"filing\":true,\"refiling\":false,\"as_of\":\"2026-02-01\"}"));
    free(none);
    free(some);
    none = text_reply(d, &early, &p);   /* the same kept entries, an earlier day again */
    assert_non_null(strstr(none, "\"total\":0"));
    free(none);
}

static void test_long_mixed_exception_reason_is_listed_whole(void **state)
{
    db *d = *state;
    char reason[2048] = "a";
    for (int i = 0; i < 499; i++)
        strcat(reason, "例");   /* 1 + 1,497 bytes: once cut at 1,023 inside a character */
    add_account(d, dept_b, "toutiao", "乙头条", "opened", "{}", NULL, reason, 0);
    account_filter f = {.unit_id = dept_b, .as_of = "2026-01-20"};
    list_page p = {.q = "乙头条"};
    char *got = text_reply(d, &f, &p);
    assert_non_null(strstr(got, reason));
    assert_null(strstr(got, "unreadable"));
    free(got);
    same_reply(d, &f, &p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entry_text_equals_tree_for_every_state_and_platform),
        cmocka_unit_test(test_entry_text_equals_tree_for_deadlines_merges_and_late_filings),
        cmocka_unit_test(test_entry_text_equals_tree_for_every_certification_form),
        cmocka_unit_test(test_entry_text_equals_tree_for_texts_needing_escapes),
        cmocka_unit_test(test_entry_refuses_text_that_is_not_utf8),
        cmocka_unit_test_setup_teardown(test_list_text_equals_tree_reply_for_search_sort_and_paging,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_kept_entries_follow_rows_changed_behind_the_programs_back,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_overdue_flags_follow_the_day_asked_not_the_kept_entry,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_mixed_exception_reason_is_listed_whole, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
