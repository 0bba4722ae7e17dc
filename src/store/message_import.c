/*
 * message_import.c - platform column mappings and importing an export file
 * (see message_import.h).  Reading the file (CSV, GBK detection, xlsx) is
 * util/table.c's job; this maps its columns and inserts through
 * messages_insert() inside one transaction.
 */
#include "store/message_import.h"
#include "core/message.h"
#include "core/platform.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/messages.h"
#include "util/clock.h"
#include "util/table.h"
#include "util/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const mapped_fields[] = {"received_at", "text", "from", "external_id", "kind",
                                            "channel"};
#define N_FIELDS 6

static const struct {
    const char *platform, *json;
} presets[] = {
    {"weibo", "{\"received_at\":\"评论时间\",\"text\":\"评论内容\",\"from\":\"评论用户\","
              "\"external_id\":\"评论ID\",\"default_channel\":\"comment\"}"},
    {"wechat", "{\"received_at\":\"留言时间\",\"text\":\"留言内容\",\"from\":\"用户昵称\","
               "\"external_id\":\"留言ID\",\"default_channel\":\"message\"}"},
    {"toutiao", "{\"received_at\":\"评论时间\",\"text\":\"评论内容\",\"from\":\"用户名\","
                "\"default_channel\":\"comment\"}"},
    {"douyin", "{\"received_at\":\"评论时间\",\"text\":\"评论内容\",\"from\":\"用户昵称\","
               "\"default_channel\":\"comment\"}"},
    {"app", "{\"received_at\":\"提交时间\",\"text\":\"内容\",\"from\":\"留言人\",\"kind\":\"类型\","
            "\"external_id\":\"编号\",\"default_channel\":\"message\"}"},
};
#define N_PRESETS (sizeof presets / sizeof presets[0])

static int check_platform(const char *platform, gm_err *err)
{
    for (size_t i = 0; i < N_PRESETS; i++)
        if (platform && strcmp(platform, presets[i].platform) == 0)
            return GM_OK;
    return gm_fail(err, GM_E_INVALID, "platform", "未知平台“%s”(可选 weibo、wechat、toutiao、douyin、app)",
                   platform ? platform : "");
}

static json_t *preset_columns(const char *platform)
{
    for (size_t i = 0; i < N_PRESETS; i++)
        if (strcmp(platform, presets[i].platform) == 0)
            return json_loads(presets[i].json, 0, NULL);
    return json_loads(presets[N_PRESETS - 1].json, 0, NULL);
}

int message_mapping_get(db *d, const char *platform, json_t **out, gm_err *err)
{
    db_stmt *q;
    json_t *cols = NULL;
    const char *source = "preset";
    int rc = check_platform(platform, err);
    if (!rc)
        rc = db_query(d, &q, err, "SELECT columns FROM message_mappings WHERE platform=?", "t", platform);
    if (rc)
        return rc;
    if ((rc = db_next(q)) == 1) {
        cols = json_loads(db_text(q, 0), 0, NULL);
        source = "store";
    }
    db_done(q);
    if (rc < 0)
        return rc;
    if (!cols)
        cols = preset_columns(platform);
    *out = json_pack("{s:s,s:o,s:s}", "platform", platform, "columns", cols, "source", source);
    return *out ? GM_OK : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
}

int message_mappings_list(db *d, json_t **out, gm_err *err)
{
    json_t *arr = json_array(), *m;
    for (size_t i = 0; i < N_PRESETS; i++) {
        int rc = message_mapping_get(d, presets[i].platform, &m, err);
        if (rc) {
            json_decref(arr);
            return rc;
        }
        json_array_append_new(arr, m);
    }
    *out = arr;
    return GM_OK;
}

static int validate_columns(const json_t *columns, gm_err *err)
{
    const char *key;
    json_t *v;
    if (!json_is_object(columns))
        return gm_fail(err, GM_E_INVALID, "columns", "列对应应为“字段 → 表头列名”的对象");
    json_object_foreach((json_t *)columns, key, v) {
        int known = strcmp(key, "default_channel") == 0, c;
        for (int i = 0; i < N_FIELDS; i++)
            known |= strcmp(key, mapped_fields[i]) == 0;
        char field[80];
        snprintf(field, sizeof field, "columns.%s", key);
        if (!known)
            return gm_fail(err, GM_E_INVALID, field,
                           "未知字段“%s”(可映射 received_at、text、from、external_id、kind、channel、"
                           "default_channel)", key);
        if (!json_is_string(v) || text_require(json_string_value(v), field, 1, 100, err))
            return gm_fail(err, GM_E_INVALID, field, "%s 应为 1 到 100 字的列名", field);
        if (strcmp(key, "default_channel") == 0 &&
            msg_channel_parse(json_string_value(v), field, &c, err))
            return GM_E_INVALID;
    }
    if (!json_object_get(columns, "received_at") || !json_object_get(columns, "text"))
        return gm_fail(err, GM_E_INVALID, "columns", "列对应必须包含收到时间和内容两列");
    return GM_OK;
}

static int mapping_set_in_transaction(db *d, const gm_actor *who, const char *platform,
                                      const json_t *columns, gm_err *err)
{
    char now[GM_ISO_LEN], *before = NULL;
    clock_iso_from_now(now, 0);
    char *text = json_dumps(columns, JSON_COMPACT | JSON_SORT_KEYS);
    db_stmt *q;
    int rc = text ? db_query(d, &q, err, "SELECT columns FROM message_mappings WHERE platform=?",
                             "t", platform)
                  : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    if (!rc) {   /* the mapping it replaces, for the audit row */
        if (db_next(q) == 1)
            before = strdup(db_text(q, 0));
        db_done(q);
        rc = db_exec(d, err, "DELETE FROM message_mappings WHERE platform=?", "t", platform);
    }
    if (!rc)
        rc = db_exec(d, err, "INSERT INTO message_mappings(platform,columns,updated_at) VALUES(?,?,?)",
                     "ttt", platform, text, now);
    if (!rc)
        rc = audit_append(d, who, "message.mapping_set", "message_mapping", platform,
                          before ? before : "", text, err);
    free(before);
    free(text);
    return rc;
}

int message_mapping_set(db *d, const gm_actor *who, const char *platform, const json_t *columns,
                        gm_err *err)
{
    int rc = check_platform(platform, err);
    if (!rc)
        rc = validate_columns(columns, err);
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, mapping_set_in_transaction(d, who, platform, columns, err), err);
    return rc;
}

/* ---- the import ---- */

typedef struct column_map {
    int col[N_FIELDS];          /* -1: not mapped or absent */
    const char *header[N_FIELDS];
    const char *default_channel;
} column_map;

static int find_columns(const gm_table *t, const json_t *columns, const char *platform_label,
                        column_map *m, gm_err *err)
{
    const gm_table_row *head = &t->rows[0];
    m->default_channel = json_string_value(json_object_get(columns, "default_channel"));
    for (int f = 0; f < N_FIELDS; f++) {
        m->col[f] = -1;
        m->header[f] = json_string_value(json_object_get(columns, mapped_fields[f]));
        for (size_t c = 0; m->header[f] && c < head->n; c++) {
            const char *h = head->cells[c];
            while (*h == ' ')
                h++;
            if (strcmp(h, m->header[f]) == 0)
                m->col[f] = (int)c;
        }
        if (m->header[f] && m->col[f] < 0)
            return gm_fail(err, GM_E_INVALID, "file",
                           "文件第 %ld 行(表头)缺少列“%s”(%s 导出文件的列映射要求 %s 对应此列;"
                           "可由归口管理部门修改列映射)",
                           head->line, m->header[f], platform_label, mapped_fields[f]);
    }
    return GM_OK;
}

static const char *cell(const gm_table_row *r, int col) { return col >= 0 && (size_t)col < r->n ? r->cells[col] : ""; }

static int row_is_empty(const gm_table_row *r)
{
    for (size_t c = 0; c < r->n; c++)
        if (r->cells[c][strspn(r->cells[c], " \t")])
            return 0;
    return 1;
}

/* received_at of a row: text, or an xlsx serial date-time number. */
static int row_time(const gm_table_row *r, int col, char *buf, const char **out, gm_err *err)
{
    *out = cell(r, col);
    if (col >= 0 && (size_t)col < r->n && r->is_number[col]) {
        gm_instant t;
        int rc = instant_from_excel_serial(atof(r->cells[col]), &t, err);
        if (rc)
            return rc;
        *out = instant_format_utc(t, buf);
    }
    return GM_OK;
}

static int import_row(db *d, const gm_actor *who, const gm_calendar *cal, long long account_id,
                      const gm_table_row *r, const column_map *m, gm_instant now, long long *id,
                      int *dup, gm_err *err)
{
    char tbuf[GM_INSTANT_TEXT_SIZE];
    gm_message_in in = {account_id, cell(r, m->col[4]), cell(r, m->col[5]), cell(r, m->col[1]),
                        cell(r, m->col[2]), NULL, cell(r, m->col[3])};
    if (!*in.channel)
        in.channel = m->default_channel;
    int rc = row_time(r, m->col[0], tbuf, &in.received_at, err);
    if (!rc)
        rc = messages_insert(d, who, cal, &in, "import", now, id, dup, err);
    if (rc && rc != GM_E_NOMEM && rc != GM_E_DB && err) {
        /* name the line and the column of the file */
        const char *column = "";
        for (int f = 0; f < N_FIELDS; f++)
            if (m->header[f] && (strcmp(err->field, mapped_fields[f]) == 0 ||
                                 (f == 2 && strcmp(err->field, "from") == 0)))
                column = m->header[f];
        char msg[sizeof err->message + 200];
        int n = snprintf(msg, sizeof msg, "第 %ld 行%s%.100s%s:%s", r->line, *column ? "(列“" : "",
                         column, *column ? "”)" : "", err->message);
        if (n > 0)
            memcpy(err->message, msg, sizeof err->message - 1);
        err->message[sizeof err->message - 1] = '\0';
        snprintf(err->field, sizeof err->field, "file");
        if (rc == GM_E_CONFLICT)
            rc = GM_E_INVALID;
    }
    return rc;
}

/* One notice per department that received imported messages. */
static int notify_imported(db *d, json_t *ids, gm_err *err)
{
    long long units[256], counts[256];
    size_t k = 0, i;
    json_t *v;
    int rc = GM_OK;
    json_array_foreach(ids, i, v) {
        long long unit = 0;
        if ((rc = db_query_int(d, &unit, err, "SELECT unit_id FROM messages WHERE id=?", "i",
                               (long long)json_integer_value(v))) != GM_OK)
            return rc;
        size_t j = 0;
        while (j < k && units[j] != unit)
            j++;
        if (j == k && k < 256) {
            units[k] = unit;
            counts[k++] = 0;
        }
        if (j < k)
            counts[j]++;
    }
    for (i = 0; !rc && i < k; i++) {
        char title[96];
        snprintf(title, sizeof title, "新导入留言 %lld 条待办", counts[i]);
        rc = messages_notify_department(d, units[i], 0, "message.new", title,
                                        "请在首次回应期限前受理", err);
    }
    return rc;
}

static int import_in_transaction(db *d, const gm_actor *who, const gm_calendar *cal,
                                 long long account_id, const gm_table *t, const column_map *m,
                                 gm_instant now, json_t *ids, int *dups, gm_err *err)
{
    int rc = GM_OK;
    for (size_t i = 1; !rc && i < t->n_rows; i++) {
        long long id = 0;
        int dup = 0;
        if (row_is_empty(&t->rows[i]))
            continue;
        rc = import_row(d, who, cal, account_id, &t->rows[i], m, now, &id, &dup, err);
        if (!rc && dup)
            (*dups)++;
        else if (!rc)
            json_array_append_new(ids, json_integer(id));
    }
    if (!rc)
        rc = notify_imported(d, ids, err);
    if (!rc)
        rc = audit_append_json(d, who, "message.import_file", "account", account_id, NULL,
                               json_pack("{s:I,s:i,s:s}", "imported", (json_int_t)json_array_size(ids),
                                         "duplicates", *dups, "encoding", t->encoding),
                               err);
    return rc;
}

static int load_mapping(db *d, long long account_id, json_t **mapping, char *label, size_t cap,
                        gm_err *err)
{
    gm_account a;
    int rc = accounts_get(d, account_id, &a, err);
    if (rc)
        return rc;
    gm_platform p;
    snprintf(label, cap, "%s", platform_parse(a.platform, NULL, &p, NULL) ? a.platform : platform_label(p));
    rc = message_mapping_get(d, a.platform, mapping, err);
    accounts_release(&a);
    return rc;
}

int messages_import(db *d, const gm_actor *who, const gm_calendar *cal, long long account_id,
                    const char *data, size_t len, gm_instant now, json_t **out, gm_err *err)
{
    gm_table t;
    json_t *mapping = NULL;
    column_map m;
    char label[64];
    int dups = 0;
    if (!len)
        return gm_fail(err, GM_E_INVALID, "file", "导入文件为空");
    if (len > GM_IMPORT_MAX_BYTES)
        return gm_fail(err, GM_E_TOOLARGE, "file", "导入文件不能超过 16 MB");
    int rc = load_mapping(d, account_id, &mapping, label, sizeof label, err);
    if (rc)
        return rc;
    if ((rc = table_read(data, len, &t, err)) != GM_OK) {
        json_decref(mapping);
        return rc;
    }
    if (t.n_rows < 1)
        rc = gm_fail(err, GM_E_INVALID, "file", "文件没有表头行");
    if (!rc)
        rc = find_columns(&t, json_object_get(mapping, "columns"), label, &m, err);
    json_t *ids = json_array();
    if (!rc && !(rc = db_begin(d, err)))
        rc = db_end(d, import_in_transaction(d, who, cal, account_id, &t, &m, now, ids, &dups, err),
                    err);
    if (!rc)
        *out = json_pack("{s:I,s:I,s:i,s:s,s:O}", "rows", (json_int_t)(t.n_rows - 1), "imported",
                         (json_int_t)json_array_size(ids), "duplicates", dups, "encoding",
                         t.encoding, "ids", ids);
    json_decref(ids);
    json_decref(mapping);
    table_free(&t);
    return rc;
}
