/*
 * demo_accounts.c - demo accounts for `govmedia init --demo`, one in each
 * interesting state: a filed WeChat account of 示范县教育局, a pending
 * Weibo application of 示范县卫生健康局, and a Douyin account of 示范县教育局
 * opened months ago and still not filed (filing overdue).  Written through
 * the store like any other action, so each step has its audit row.
 */
#include "cli/demo.h"
#include "store/accounts.h"

#include <string.h>

/* A 1x1 PNG: the QR-code image of the filed demo account. */
static const unsigned char demo_qr_png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a,
    0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x48, 0xaf, 0xa4, 0x71, 0x00, 0x00, 0x00, 0x00, 0x49,
    0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
};

static json_t *demo_form(const char *name, const char *platform, const char *host,
                         const char *date)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:{s:s,s:s,s:s,s:s},s:{s:s,s:s,s:s,s:s,s:s},s:s}",
                     "name", name, "platform", platform, "host_unit", host, "date", date,
                     "responsible", "name", "陈刚", "title", "局长", "office_phone",
                     "0571-87654321", "mobile", "13800138000", "admin", "name", "刘洋", "title",
                     "新媒体运维", "office_phone", "0571-87654322", "mobile", "13900139000",
                     "wechat", "liuyang_edu", "purpose", "发布政务信息、政策解读和办事服务");
}

/* Runs one step with a small JSON input given as text. */
static int demo_step(db *d, const gm_actor *who, long long id, const char *action,
                     const char *input, gm_err *err)
{
    json_t *in = json_loads(input, 0, NULL);
    int rc = in ? accounts_act(d, who, NULL, id, action, in, err)
                : gm_fail(err, GM_E_INTERNAL, NULL, "演示数据有误");
    json_decref(in);
    return rc;
}

static int demo_apply(db *d, const gm_actor *who, long long unit, const char *name,
                      const char *platform, const char *host, const char *date, long long *id,
                      gm_err *err)
{
    json_t *form = demo_form(name, platform, host, date);
    int rc = form ? accounts_apply(d, who, unit, form, NULL, id, NULL, err)
                  : gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    json_decref(form);
    return rc;
}

static int demo_filed_wechat(db *d, const gm_actor *who, long long unit, gm_err *err)
{
    long long id;
    int rc = demo_apply(d, who, unit, "示范县教育发布", "wechat", "示范县教育局", "2026-02-16",
                        &id, err);
    if (!rc) rc = demo_step(d, who, id, "approve", "{}", err);
    if (!rc) rc = demo_step(d, who, id, "open", "{\"platform_account_id\":\"gh_sfxjy2026\",\"date\":\"2026-03-02\"}", err);
    if (!rc) rc = demo_step(d, who, id, "certify", "{\"date\":\"2026-03-03\"}", err);
    if (!rc) rc = accounts_put_qr(d, who, id, demo_qr_png, sizeof demo_qr_png, err);
    if (!rc)
        rc = demo_step(d, who, id, "file",
                       "{\"date\":\"2026-03-04\",\"created_on\":\"2026-03-02\",\"followers\":1280,"
                       "\"introduction\":\"示范县教育局官方公众号,发布教育政策与招生信息。\"}", err);
    return rc;
}

static int demo_overdue_douyin(db *d, const gm_actor *who, long long unit, gm_err *err)
{
    long long id;
    int rc = demo_apply(d, who, unit, "示范县教育局", "douyin", "示范县教育局", "2026-01-05", &id,
                        err);
    if (!rc) rc = demo_step(d, who, id, "approve", "{}", err);
    if (!rc) rc = demo_step(d, who, id, "open", "{\"platform_account_id\":\"sfxjy_dy\",\"date\":\"2026-01-12\"}", err);
    return rc;
}

int demo_accounts(db *d, const gm_actor *who, long long education, long long health, gm_err *err)
{
    long long id;
    int rc = demo_filed_wechat(d, who, education, err);
    if (!rc)
        rc = demo_overdue_douyin(d, who, education, err);
    if (!rc)
        rc = demo_apply(d, who, health, "健康示范县", "weibo", "示范县卫生健康局", "2026-11-02",
                        &id, err);
    return rc;
}
