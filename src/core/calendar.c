/*
 * calendar.c - working calendar: year-file parser and working-day
 * arithmetic (see calendar.h for the file format and the rules).
 *
 * Each loaded year is one byte per day of the year (DAY_NORMAL, DAY_OFF,
 * DAY_WORK) and one byte naming the entry the day came from (0: none, else
 * 1 + an index into the year's names, "国庆节"); years are kept sorted so
 * listing them is trivial.
 */
#include "core/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DAY_NORMAL = 0, DAY_OFF = 1, DAY_WORK = 2 };

#define CAL_MAX_NAMES 48   /* distinct entry names a year may hold */
#define CAL_NAME_SIZE 64   /* bytes of one name, NUL included */

typedef struct cal_year {
    int year;
    unsigned char kind[366]; /* indexed by date_day_of_year() */
    unsigned char name[366]; /* 0 or 1 + index into names */
    char names[CAL_MAX_NAMES][CAL_NAME_SIZE];
    int n_names;
} cal_year;

struct gm_calendar {
    cal_year *years;
    size_t n, cap;
    int weekend_fallback;
};

#define CAL_FIELD "calendar"

int calendar_new(gm_calendar **out, gm_err *err)
{
    gm_calendar *cal = calloc(1, sizeof *cal);
    if (!cal)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    *out = cal;
    return GM_OK;
}

void calendar_free(gm_calendar *cal)
{
    if (!cal)
        return;
    free(cal->years);
    free(cal);
}

static const cal_year *find_year(const gm_calendar *cal, int year)
{
    for (size_t i = 0; i < cal->n; i++)
        if (cal->years[i].year == year)
            return &cal->years[i];
    return NULL;
}

int calendar_has_year(const gm_calendar *cal, int year)
{
    return find_year(cal, year) != NULL;
}

size_t calendar_year_count(const gm_calendar *cal)
{
    return cal->n;
}

int calendar_year_at(const gm_calendar *cal, size_t i)
{
    return i < cal->n ? cal->years[i].year : 0;
}

void calendar_set_weekend_fallback(gm_calendar *cal, int on)
{
    cal->weekend_fallback = on != 0;
}

/* ---- year-file parser ------------------------------------------------ */

typedef struct line_parser {
    cal_year y;
    int have_year;
    int lineno;
    gm_err *err;
} line_parser;

typedef struct span {
    const char *p;
    size_t len;
} span;

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static span trim(span s)
{
    while (s.len && is_blank(*s.p)) {
        s.p++;
        s.len--;
    }
    while (s.len && is_blank(s.p[s.len - 1]))
        s.len--;
    return s;
}

/* Splits the next blank-separated token off *rest. */
static span next_token(span *rest)
{
    span s = trim(*rest);
    size_t n = 0;
    while (n < s.len && !is_blank(s.p[n]))
        n++;
    span tok = {s.p, n};
    rest->p = s.p + n;
    rest->len = s.len - n;
    return tok;
}

static int token_is(span t, const char *word)
{
    return t.len == strlen(word) && memcmp(t.p, word, t.len) == 0;
}

static int parse_fail(line_parser *lp, const char *what, span t)
{
    return gm_fail(lp->err, GM_E_INVALID, CAL_FIELD, "日历文件第%d行:%s“%.*s”", lp->lineno,
                   what, (int)(t.len > 60 ? 60 : t.len), t.p);
}

static int parse_year_header(line_parser *lp, span rest)
{
    span t = next_token(&rest);
    if (lp->have_year)
        return parse_fail(lp, "年份声明重复:", t);
    int year = 0;
    for (size_t i = 0; i < t.len; i++) {
        if (t.p[i] < '0' || t.p[i] > '9')
            return parse_fail(lp, "年份应为四位数字:", t);
        year = year * 10 + (t.p[i] - '0');
    }
    if (t.len != 4 || year < 1900)
        return parse_fail(lp, "年份应为四位数字:", t);
    if (trim(rest).len)
        return parse_fail(lp, "年份声明后有多余内容:", trim(rest));
    lp->y.year = year;
    lp->have_year = 1;
    return GM_OK;
}

static int parse_dates(line_parser *lp, span t, gm_date *from, gm_date *to)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < t.len; i++)
        if (t.p[i] == '.' && t.p[i + 1] == '.') {
            dots = t.p + i;
            break;
        }
    size_t first_len = dots ? (size_t)(dots - t.p) : t.len;
    if (date_parse_n(t.p, first_len, NULL, from, NULL) != GM_OK)
        return parse_fail(lp, "日期格式错误(应为YYYY-MM-DD或YYYY-MM-DD..YYYY-MM-DD):", t);
    *to = *from;
    if (dots && date_parse_n(dots + 2, t.len - first_len - 2, NULL, to, NULL) != GM_OK)
        return parse_fail(lp, "日期格式错误(应为YYYY-MM-DD或YYYY-MM-DD..YYYY-MM-DD):", t);
    if (*to < *from)
        return parse_fail(lp, "日期范围的结束早于开始:", t);
    if (date_year(*from) != lp->y.year || date_year(*to) != lp->y.year) {
        char msg[96];
        snprintf(msg, sizeof msg, "日期不属于本文件声明的%d年:", lp->y.year);
        return parse_fail(lp, msg, t);
    }
    return GM_OK;
}

static int mark_days(line_parser *lp, gm_date from, gm_date to, int kind)
{
    for (gm_date d = from; d <= to; d++) {
        char buf[GM_DATE_TEXT_SIZE];
        span day = {date_format(d, buf), 10};
        if (kind == DAY_WORK && !date_is_weekend(d))
            return parse_fail(lp, "调休上班日必须是周六或周日:", day);
        unsigned char *slot = &lp->y.kind[date_day_of_year(d)];
        if (*slot != DAY_NORMAL)
            return parse_fail(lp, "日期重复出现:", day);
        *slot = (unsigned char)kind;
    }
    return GM_OK;
}

/* *slot = index + 1 of the entry's name among the year's names (added when
 * new), 0 when the entry has none.  Over-long names are cut at a character. */
static int name_slot(line_parser *lp, span name, int *slot)
{
    name = trim(name);
    *slot = 0;
    if (!name.len)
        return GM_OK;
    if (name.len >= CAL_NAME_SIZE) {
        name.len = CAL_NAME_SIZE - 1;
        while (name.len && ((unsigned char)name.p[name.len] & 0xC0) == 0x80)
            name.len--;   /* do not end inside a UTF-8 sequence */
    }
    for (int i = 0; i < lp->y.n_names; i++)
        if (strlen(lp->y.names[i]) == name.len && memcmp(lp->y.names[i], name.p, name.len) == 0) {
            *slot = i + 1;
            return GM_OK;
        }
    if (lp->y.n_names == CAL_MAX_NAMES)
        return parse_fail(lp, "一年的名称种类过多(最多 48 种):", name);
    memcpy(lp->y.names[lp->y.n_names], name.p, name.len);
    lp->y.names[lp->y.n_names][name.len] = '\0';
    *slot = ++lp->y.n_names;
    return GM_OK;
}

static int name_days(line_parser *lp, gm_date from, gm_date to, span rest)
{
    int slot;
    int rc = name_slot(lp, rest, &slot);
    for (gm_date d = from; !rc && d <= to; d++)
        lp->y.name[date_day_of_year(d)] = (unsigned char)slot;
    return rc;
}

static int parse_day_entry(line_parser *lp, span first, span rest)
{
    if (!lp->have_year)
        return parse_fail(lp, "文件须以年份声明开头(如“year 2026”),实际为:", first);
    gm_date from, to;
    int rc = parse_dates(lp, first, &from, &to);
    if (rc)
        return rc;
    span kind = next_token(&rest);
    if (token_is(kind, "off"))
        rc = mark_days(lp, from, to, DAY_OFF);
    else if (token_is(kind, "work"))
        rc = mark_days(lp, from, to, DAY_WORK);
    else
        return parse_fail(lp, "类型应为off(放假)或work(调休上班):", kind);
    return rc ? rc : name_days(lp, from, to, rest);
}

static int parse_line(line_parser *lp, span line)
{
    line = trim(line);
    if (line.len == 0 || line.p[0] == '#')
        return GM_OK;
    span rest = line;
    span first = next_token(&rest);
    if (token_is(first, "year"))
        return parse_year_header(lp, rest);
    return parse_day_entry(lp, first, rest);
}

static int parse_year_file(const char *text, size_t len, cal_year *out, gm_err *err)
{
    line_parser lp;
    memset(&lp, 0, sizeof lp);
    lp.err = err;
    if (!text)
        len = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* UTF-8 BOM */
        text += 3;
        len -= 3;
    }
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        lp.lineno++;
        span line = {text + pos, end - pos};
        if (memchr(line.p, '\0', line.len))
            return gm_fail(err, GM_E_INVALID, CAL_FIELD, "日历文件第%d行含有非法的空字符",
                           lp.lineno);
        int rc = parse_line(&lp, line);
        if (rc)
            return rc;
        pos = end + 1;
    }
    if (!lp.have_year)
        return gm_fail(err, GM_E_INVALID, CAL_FIELD,
                       "日历文件缺少年份声明(应以“year 2026”这样的一行开头)");
    *out = lp.y;
    return GM_OK;
}

static int insert_year(gm_calendar *cal, const cal_year *y, gm_err *err)
{
    size_t i = 0;
    while (i < cal->n && cal->years[i].year < y->year)
        i++;
    if (i < cal->n && cal->years[i].year == y->year) {
        cal->years[i] = *y;
        return GM_OK;
    }
    if (cal->n == cal->cap) {
        size_t cap = cal->cap ? cal->cap * 2 : 4;
        cal_year *grown = realloc(cal->years, cap * sizeof *grown);
        if (!grown)
            return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
        cal->years = grown;
        cal->cap = cap;
    }
    memmove(&cal->years[i + 1], &cal->years[i], (cal->n - i) * sizeof *cal->years);
    cal->years[i] = *y;
    cal->n++;
    return GM_OK;
}

int calendar_load_year(gm_calendar *cal, const char *text, size_t len, gm_err *err)
{
    cal_year y;
    int rc = parse_year_file(text, len, &y, err);
    if (rc)
        return rc;
    return insert_year(cal, &y, err);
}

/* ---- working-day arithmetic ------------------------------------------ */

int calendar_is_working_day(const gm_calendar *cal, gm_date d, int *is_working, gm_err *err)
{
    int year = date_year(d);
    const cal_year *y = find_year(cal, year);
    if (!y && !cal->weekend_fallback)
        return gm_fail(err, GM_E_INVALID, CAL_FIELD,
                       "未加载%d年的工作日历(节假日安排),无法计算工作日;请管理员导入%d年的日历文件",
                       year, year);
    int kind = y ? y->kind[date_day_of_year(d)] : DAY_NORMAL;
    if (kind == DAY_OFF)
        *is_working = 0;
    else if (kind == DAY_WORK)
        *is_working = 1;
    else
        *is_working = !date_is_weekend(d);
    return GM_OK;
}

const char *calendar_day_name(const gm_calendar *cal, gm_date d)
{
    const cal_year *y = find_year(cal, date_year(d));
    int slot = y ? y->name[date_day_of_year(d)] : 0;
    return slot ? y->names[slot - 1] : NULL;
}

int calendar_add_days(gm_date from, int n, gm_date *out, gm_err *err)
{
    return date_add_days(from, n, out, err);
}

int calendar_add_working_days(const gm_calendar *cal, gm_date from, int n, gm_date *out,
                              gm_err *err)
{
    if (n < 0 || n > GM_CALENDAR_MAX_WORKING_DAYS)
        return gm_fail(err, GM_E_INVALID, "working_days", "工作日天数应在0到%d之间,实际为%d",
                       GM_CALENDAR_MAX_WORKING_DAYS, n);
    gm_date d = from;
    while (n > 0) {
        int rc = date_add_days(d, 1, &d, err);
        if (rc)
            return rc;
        int working = 0;
        rc = calendar_is_working_day(cal, d, &working, err);
        if (rc)
            return rc;
        n -= working;
    }
    *out = d;
    return GM_OK;
}

static int count_working_days(const gm_calendar *cal, gm_date after, gm_date upto, int *out,
                              gm_err *err)
{
    int count = 0;
    for (gm_date d = after + 1; d <= upto; d++) {
        int working = 0;
        int rc = calendar_is_working_day(cal, d, &working, err);
        if (rc)
            return rc;
        count += working;
    }
    *out = count;
    return GM_OK;
}

int calendar_working_days_between(const gm_calendar *cal, gm_date from, gm_date to, int *out,
                                  gm_err *err)
{
    if (from <= to)
        return count_working_days(cal, from, to, out, err);
    int n;
    int rc = count_working_days(cal, to, from, &n, err);
    if (rc == GM_OK)
        *out = -n;
    return rc;
}
