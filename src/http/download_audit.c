/*
 * download_audit.c - the audit row of a download (see download_audit.h).
 */
#include "http/download_audit.h"
#include "store/audit.h"

#include <ctype.h>
#include <stdlib.h>

int download_audit(gm_request *r, const char *what, const char *format, size_t bytes,
                   json_t *detail, gm_err *err)
{
    json_t *after = detail ? detail : json_object();
    char *text = NULL, kind[8];   /* the file type as people write it: XLSX, CSV */
    size_t i = 0;
    for (; format[i] && i + 1 < sizeof kind; i++)
        kind[i] = (char)toupper((unsigned char)format[i]);
    kind[i] = '\0';
    if (after && !json_object_set_new(after, "format", json_string(kind)) &&
        !json_object_set_new(after, "bytes", json_integer((json_int_t)bytes)))
        text = json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(after);
    if (!text)
        return gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
    int rc = db_begin(r->db, err);
    if (!rc)
        rc = db_end(r->db, audit_append(r->db, &r->actor, "report.download", "report", what, "",
                                        text, err), err);
    free(text);
    return rc;
}
