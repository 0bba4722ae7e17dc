/*
 * gm_error.c - filling and naming gm_err values (see gm_error.h).
 */
#include "gm_error.h"
#include "util/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int gm_fail(gm_err *err, int code, const char *field, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->field, sizeof err->field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    /* A value quoted with a precision ("“%.40s”") or a message longer than
     * the buffer may end mid-character; the reply must stay valid UTF-8. */
    text_utf8_repair(err->field);
    text_utf8_repair(err->message);
    return code;
}

void gm_err_clear(gm_err *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

static const struct {
    int code;
    const char *name;
    int status;
} code_table[] = {
    {GM_OK, "ok", 200},
    {GM_E_INVALID, "invalid", 400},
    {GM_E_NOTFOUND, "not_found", 404},
    {GM_E_CONFLICT, "conflict", 409},
    {GM_E_DENIED, "forbidden", 403},
    {GM_E_AUTH, "unauthenticated", 401},
    {GM_E_LOCKED, "locked", 423},
    {GM_E_TOOLARGE, "too_large", 413},
    {GM_E_NOMEM, "out_of_memory", 500},
    {GM_E_IO, "io_error", 500},
    {GM_E_DB, "store_error", 500},
    {GM_E_BUSY, "busy", 503},
    {GM_E_INTERNAL, "internal", 500},
    {GM_E_METHOD, "method_not_allowed", 405},
    {GM_E_TOOMANY, "too_many_requests", 429},
};

const char *gm_code_name(int code)
{
    for (size_t i = 0; i < sizeof code_table / sizeof code_table[0]; i++)
        if (code_table[i].code == code)
            return code_table[i].name;
    return "internal";
}

int gm_code_http_status(int code)
{
    for (size_t i = 0; i < sizeof code_table / sizeof code_table[0]; i++)
        if (code_table[i].code == code)
            return code_table[i].status;
    return 500;
}
