/*
 * account_form.h - the application form 《新媒体建设申请表》 and its checks.
 *
 * Fields follow the seed form (附件1 新媒体平台申请表): 名称, 平台类型,
 * 主办单位, 申请时间, 负责人 (姓名, 职务, 办公电话, 手机号码), 管理员
 * (姓名, 职务, 办公电话, 手机号码, QQ号码, 微信号), 申请说明.
 * Strings are borrowed UTF-8; NULL, "" and blank all mean "not filled".
 *
 * Required: everything except the administrator's QQ and WeChat, which are
 * checked only when given.  The first bad field, in form order, is named
 * in gm_err.field with the dotted names listed below.
 */
#ifndef GM_CORE_ACCOUNT_FORM_H
#define GM_CORE_ACCOUNT_FORM_H

#include "core/date.h"
#include "core/platform.h"
#include "util/gm_error.h"

typedef struct gm_contact {
    const char *name;         /* "<who>.name"          姓名 */
    const char *title;        /* "<who>.title"         职务 */
    const char *office_phone; /* "<who>.office_phone"  办公电话, e.g. 0571-87654321[-123] */
    const char *mobile;       /* "<who>.mobile"        手机号码, 11 digits 1[3-9]xxxxxxxxx */
} gm_contact;

typedef struct gm_account_application {
    const char *name;      /* "name"       名称, at most 64 characters */
    const char *platform;  /* "platform"   machine name or label, see platform.h */
    const char *host_unit; /* "host_unit"  主办单位 */
    const char *date;      /* "date"       申请时间, YYYY-MM-DD */
    gm_contact responsible;  /* "responsible.*"  负责人 */
    gm_contact admin;        /* "admin.*"        管理员 */
    const char *admin_qq;     /* "admin.qq"      optional, 5-11 digits, no leading 0 */
    const char *admin_wechat; /* "admin.wechat"  optional, WeChat ID or a mobile number */
    const char *purpose;   /* "purpose"    申请说明, at most 2000 characters */
} gm_account_application;

/* What a valid form parses to. */
typedef struct gm_application_values {
    gm_platform platform;
    gm_date date;
} gm_application_values;

/* Checks every field; on success fills *values (may be NULL). */
int account_apply_validate(const gm_account_application *form, gm_application_values *values,
                           gm_err *err);

/* The single-field rules, for other forms (filing, changes).  field names
 * the input in the error. */
int account_mobile_validate(const char *s, const char *field, gm_err *err);
int account_office_phone_validate(const char *s, const char *field, gm_err *err);
int account_qq_validate(const char *s, const char *field, gm_err *err);
int account_wechat_id_validate(const char *s, const char *field, gm_err *err);
int account_contact_validate(const gm_contact *c, const char *who, gm_err *err);

#endif
