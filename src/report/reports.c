/*
 * reports.c - building a report by name (see reports.h).
 */
#include "report/reports.h"
#include "report/assessment.h"
#include "report/weekly.h"

#include <string.h>

static const gm_field account_cols[] = {
    {"account_id", "账号ID", COL_INT}, {"name", "账号名称", COL_TEXT},
    {"platform_label", "平台", COL_TEXT}, {"unit_name", "主办单位", COL_TEXT},
    {"state_label", "状态", COL_TEXT}, {"platform_account_id", "平台账号ID", COL_TEXT},
    {"applied_on", "申请日期", COL_DATE}, {"opened_on", "开通日期", COL_DATE},
    {"certified_on", "认证日期", COL_DATE}, {"filed_on", "备案日期", COL_DATE},
    {"created_on", "注册日期", COL_DATE}, {"followers", "粉丝数", COL_INT},
    {"introduction", "账号简介", COL_TEXT}, {"purpose", "申请说明", COL_TEXT},
    {"responsible_name", "负责人", COL_TEXT}, {"responsible_title", "负责人职务", COL_TEXT},
    {"responsible_office_phone", "负责人办公电话", COL_TEXT},
    {"responsible_mobile", "负责人手机", COL_TEXT}, {"admin_name", "管理员", COL_TEXT},
    {"admin_title", "管理员职务", COL_TEXT}, {"admin_office_phone", "管理员办公电话", COL_TEXT},
    {"admin_mobile", "管理员手机", COL_TEXT}, {"admin_qq", "管理员QQ", COL_TEXT},
    {"admin_wechat", "管理员微信", COL_TEXT}, {"qr_sha256", "二维码SHA-256", COL_TEXT},
    {"filing_due", "备案期限", COL_DATE}, {"refiling_due", "重新备案期限", COL_DATE},
    {"closed_on", "注销日期", COL_DATE}, {"closing_reason", "注销原因", COL_TEXT},
    {"merged_into", "合并至", COL_TEXT}, {"updated_at", "最后更新", COL_TIME}};

static const gm_field review_cols[] = {
    {"year", "年度", COL_INT}, {"account_id", "账号ID", COL_INT},
    {"account_name", "账号名称", COL_TEXT}, {"platform_label", "平台", COL_TEXT},
    {"unit_name", "主办单位", COL_TEXT}, {"review_state_label", "年审结果", COL_TEXT},
    {"submitted_at", "提交时间", COL_TIME}, {"decided_at", "审核时间", COL_TIME},
    {"decision_reason", "审核意见", COL_TEXT}, {"must_close", "应关停", COL_TEXT},
    {"must_close_reason", "关停原因", COL_TEXT}};

static const gm_field closed_active_cols[] = {
    {"account_id", "账号ID", COL_INT}, {"account_name", "账号名称", COL_TEXT},
    {"platform_label", "平台", COL_TEXT}, {"unit_name", "主办单位", COL_TEXT},
    {"state_label", "状态", COL_TEXT}, {"closed_on", "注销或合并日期", COL_DATE},
    {"publications_after", "此后发布条数", COL_INT}, {"first_after", "此后首次发布", COL_TIME},
    {"last_after", "此后最近发布", COL_TIME}};

static const char *const names[] = {"accounts", "reviews", "weekly", "activity", "zombies",
                                    "assessment", "closed_active"};

int report_known(const char *name)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

static int build_json(db *d, const report_scope *scope, const char *name, const report_params *p,
                      const gm_calendar *cal, json_t **out, gm_err *err)
{
    if (strcmp(name, "accounts") == 0) return report_accounts(d, scope, out, err);
    if (strcmp(name, "reviews") == 0) return report_reviews(d, scope, p->year, out, err);
    if (strcmp(name, "weekly") == 0) return report_weekly(d, scope, p->as_of, out, err);
    if (strcmp(name, "assessment") == 0) return report_assessment(d, scope, p->year, p->as_of, p->security, out, err);
    if (strcmp(name, "closed_active") == 0) return report_closed_active(d, scope, out, err);
    json_t *act;
    int rc = report_activity(d, scope, p->as_of, cal, &act, err);
    if (rc || strcmp(name, "zombies") != 0) {
        if (!rc) *out = act;
        return rc;
    }
    *out = report_zombies(act);
    json_decref(act);
    return GM_OK;
}

static int build_table(const char *name, const json_t *j, gm_sheet *t, gm_err *err)
{
    if (strcmp(name, "accounts") == 0)
        return sheet_from_objects(t, "账号备案登记", account_cols,
                                  sizeof account_cols / sizeof account_cols[0], j, err);
    if (strcmp(name, "reviews") == 0)
        return sheet_from_objects(t, "年审结果", review_cols, sizeof review_cols / sizeof review_cols[0],
                                  j, err);
    if (strcmp(name, "weekly") == 0) return report_weekly_table(j, t, err);
    if (strcmp(name, "assessment") == 0) return report_assessment_table(j, t, err);
    if (strcmp(name, "closed_active") == 0)
        return sheet_from_objects(t, "已注销账号仍在更新", closed_active_cols,
                                  sizeof closed_active_cols / sizeof closed_active_cols[0], j, err);
    int rc = report_activity_table(j, t, err);
    if (!rc && strcmp(name, "zombies") == 0)
        t->title = "僵尸账号";
    return rc;
}

int report_build(db *d, const report_scope *scope, const char *name, const report_params *p,
                 const gm_calendar *cal, json_t **json, gm_sheet *table, gm_err *err)
{
    json_t *j = NULL;
    if (!report_known(name))
        return gm_fail(err, GM_E_NOTFOUND, "name",
                       "没有名为“%s”的报表(可用:accounts、reviews、weekly、activity、zombies、assessment、"
                       "closed_active)",
                       name);
    int rc = build_json(d, scope, name, p, cal, &j, err);
    if (!rc && table)
        rc = build_table(name, j, table, err);
    if (!rc && json)
        *json = j;
    else
        json_decref(j);
    return rc;
}
