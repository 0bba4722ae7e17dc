/*
 * account_form.c - checks of the account application form (see account_form.h).
 *
 * Each rule is a small function that names the field it blames; the form
 * check runs them in the order the fields appear on the paper form.
 */
#include "core/account_form.h"

#include <stdio.h>
#include <string.h>

#define NAME_MAX_CHARS 64
#define PERSON_MAX_CHARS 32
#define TITLE_MAX_CHARS 64
#define UNIT_MAX_CHARS 128
#define PURPOSE_MAX_CHARS 2000

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

/* 1 if s is NULL or only ASCII blanks and full-width spaces (U+3000). */
static int is_blank_text(const char *s)
{
    while (s && *s) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
            s++;
        else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
            s += 3;
        else
            return 0;
    }
    return 1;
}

/* Length of the UTF-8 sequence at s, or 0 if it is malformed. */
static size_t utf8_sequence_length(const unsigned char *s)
{
    size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
             : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || (n == 2 && s[0] < 0xC2) || (n == 4 && s[0] > 0xF4))
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)))
        return 0; /* overlong or surrogate */
    if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

/* Checks a required free-text field: filled, valid UTF-8, no control
 * characters (newlines only when multiline), at most max_chars characters. */
static int text_validate(const char *s, const char *field, const char *label, size_t max_chars,
                         int multiline, gm_err *err)
{
    if (is_blank_text(s))
        return gm_fail(err, GM_E_INVALID, field, "请填写%s", label);
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; chars++) {
        size_t n = utf8_sequence_length(p);
        if (n == 0)
            return gm_fail(err, GM_E_INVALID, field, "%s含有无效的字符编码(须为UTF-8)", label);
        if (n == 1 && (*p < 0x20 || *p == 0x7F) && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t')))
            return gm_fail(err, GM_E_INVALID, field, "%s含有不允许的控制字符", label);
        p += n;
    }
    if (chars > max_chars)
        return gm_fail(err, GM_E_INVALID, field, "%s不能超过%zu个字,实际为%zu个字", label,
                       max_chars, chars);
    return GM_OK;
}

int account_mobile_validate(const char *s, const char *field, gm_err *err)
{
    if (is_blank_text(s))
        return gm_fail(err, GM_E_INVALID, field, "请填写手机号码");
    if (strlen(s) != 11 || !all_digits(s, 11) || s[0] != '1' || s[1] < '3')
        return gm_fail(err, GM_E_INVALID, field,
                       "手机号码“%.32s”格式错误,应为以13至19开头的11位数字", s);
    return GM_OK;
}

/* Length of a run of digits at s. */
static size_t digit_run(const char *s)
{
    size_t n = 0;
    while (is_digit(s[n]))
        n++;
    return n;
}

/* Accepts AREA-LOCAL[EXT]: area code 0 + 2-3 digits, local number 7-8
 * digits not starting with 0 or 1, extension "-", "转" or "ext" + 1-6 digits. */
static int office_phone_is_well_formed(const char *s)
{
    size_t area = digit_run(s);
    if (area < 3 || area > 4 || s[0] != '0' || s[area] != '-')
        return 0;
    const char *local = s + area + 1;
    size_t n = digit_run(local);
    if (n < 7 || n > 8 || local[0] < '2')
        return 0;
    const char *ext = local + n;
    if (*ext == '\0')
        return 1;
    if (*ext == '-')
        ext += 1;
    else if (strncmp(ext, "转", strlen("转")) == 0)
        ext += strlen("转");
    else if (strncmp(ext, "ext", 3) == 0)
        ext += 3;
    else
        return 0;
    n = digit_run(ext);
    return n >= 1 && n <= 6 && ext[n] == '\0';
}

int account_office_phone_validate(const char *s, const char *field, gm_err *err)
{
    if (is_blank_text(s))
        return gm_fail(err, GM_E_INVALID, field, "请填写办公电话");
    if (!office_phone_is_well_formed(s))
        return gm_fail(err, GM_E_INVALID, field,
                       "办公电话“%.40s”格式错误,应为“区号-号码”,如0571-87654321,分机可写作0571-87654321-123",
                       s);
    return GM_OK;
}

int account_qq_validate(const char *s, const char *field, gm_err *err)
{
    size_t n = s ? strlen(s) : 0;
    if (n < 5 || n > 11 || !all_digits(s, n) || s[0] == '0')
        return gm_fail(err, GM_E_INVALID, field, "QQ号码“%.32s”格式错误,应为5至11位数字且不以0开头",
                       s ? s : "");
    return GM_OK;
}

/* WeChat's own rule: 6-20 characters, a letter first, then letters,
 * digits, '_' or '-'.  Older accounts use their mobile number instead. */
int account_wechat_id_validate(const char *s, const char *field, gm_err *err)
{
    size_t n = s ? strlen(s) : 0;
    int ok = n >= 6 && n <= 20 && is_ascii_letter(s[0]);
    for (size_t i = 1; ok && i < n; i++)
        ok = is_ascii_letter(s[i]) || is_digit(s[i]) || s[i] == '_' || s[i] == '-';
    if (ok || account_mobile_validate(s, field, NULL) == GM_OK)
        return GM_OK;
    return gm_fail(err, GM_E_INVALID, field,
                   "微信号“%.32s”格式错误,应为6至20位字母、数字、下划线或减号且以字母开头,或为手机号码",
                   s ? s : "");
}

static const char *who_label(const char *who)
{
    return strcmp(who, "responsible") == 0 ? "负责人" : strcmp(who, "admin") == 0 ? "管理员" : who;
}

int account_contact_validate(const gm_contact *c, const char *who, gm_err *err)
{
    char field[64], label[64];
    const char *whol = who_label(who);
    snprintf(field, sizeof field, "%s.name", who);
    snprintf(label, sizeof label, "%s姓名", whol);
    int rc = text_validate(c->name, field, label, PERSON_MAX_CHARS, 0, err);
    if (rc)
        return rc;
    snprintf(field, sizeof field, "%s.title", who);
    snprintf(label, sizeof label, "%s职务", whol);
    rc = text_validate(c->title, field, label, TITLE_MAX_CHARS, 0, err);
    if (rc)
        return rc;
    snprintf(field, sizeof field, "%s.office_phone", who);
    rc = account_office_phone_validate(c->office_phone, field, err);
    if (rc)
        return rc;
    snprintf(field, sizeof field, "%s.mobile", who);
    return account_mobile_validate(c->mobile, field, err);
}

static int application_date_validate(const char *s, gm_date *out, gm_err *err)
{
    if (is_blank_text(s))
        return gm_fail(err, GM_E_INVALID, "date", "请填写申请时间");
    return date_parse(s, "date", out, err);
}

static int admin_im_validate(const gm_account_application *form, gm_err *err)
{
    if (!is_blank_text(form->admin_qq)) {
        int rc = account_qq_validate(form->admin_qq, "admin.qq", err);
        if (rc)
            return rc;
    }
    if (!is_blank_text(form->admin_wechat))
        return account_wechat_id_validate(form->admin_wechat, "admin.wechat", err);
    return GM_OK;
}

int account_apply_validate(const gm_account_application *form, gm_application_values *values,
                           gm_err *err)
{
    gm_application_values v = {GM_PLATFORM_WEIBO, 0};
    int rc = text_validate(form->name, "name", "名称", NAME_MAX_CHARS, 0, err);
    if (!rc)
        rc = is_blank_text(form->platform) ? gm_fail(err, GM_E_INVALID, "platform", "请填写平台类型")
                                           : platform_parse(form->platform, "platform", &v.platform, err);
    if (!rc)
        rc = text_validate(form->host_unit, "host_unit", "主办单位", UNIT_MAX_CHARS, 0, err);
    if (!rc)
        rc = application_date_validate(form->date, &v.date, err);
    if (!rc)
        rc = account_contact_validate(&form->responsible, "responsible", err);
    if (!rc)
        rc = account_contact_validate(&form->admin, "admin", err);
    if (!rc)
        rc = admin_im_validate(form, err);
    if (!rc)
        rc = text_validate(form->purpose, "purpose", "申请说明", PURPOSE_MAX_CHARS, 1, err);
    if (!rc && values)
        *values = v;
    return rc;
}
