/*
 * download_audit.h - a download of a report or an export leaves an audit
 * row (REQUIREMENTS §5.4: an audit log of every action, who, when, from
 * where): data that leaves the system is an action an inspector asks about.
 */
#ifndef GM_HTTP_DOWNLOAD_AUDIT_H
#define GM_HTTP_DOWNLOAD_AUDIT_H

#include <jansson.h>
#include <stddef.h>

#include "http/request.h"

/* Records "report.download" of what (object type "report", id what: a
 * report's name, "duty_roster", "review_must_close") with after = detail
 * (the filters the file was made with; taken) plus the format (upper case:
 * XLSX, CSV) and size, in
 * a transaction of its own.  Called before the bytes are handed over: a
 * download whose row cannot be written is refused. */
int download_audit(gm_request *r, const char *what, const char *format, size_t bytes,
                   json_t *detail, gm_err *err);

#endif
