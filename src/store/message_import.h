/*
 * message_import.h - importing the messages of one account from a
 * platform's export (CSV or xlsx), and the column mapping of each platform.
 *
 * The mapping names, for each field, the column header of that platform's
 * export ({"received_at":"评论时间","text":"评论内容","from":"用户昵称",
 * "external_id":"评论ID","kind":"类型","channel":"渠道","default_channel":
 * "comment"}); received_at and text are required.  It is set once per
 * platform by the supervisor; shipped presets apply until then.
 * An import is one transaction: any bad row refuses the whole file, naming
 * its line and column; rows already imported (same platform id, or same
 * time, sender and text) are counted as duplicates and skipped, so
 * importing the same file twice adds nothing the second time.
 */
#ifndef GM_STORE_MESSAGE_IMPORT_H
#define GM_STORE_MESSAGE_IMPORT_H

#include <jansson.h>
#include "core/actor.h"
#include "core/calendar.h"
#include "core/instant.h"
#include "store/db.h"

#define GM_IMPORT_MAX_BYTES (16 * 1024 * 1024)

/* The mapping for platform (stored or preset): {"platform","columns":{...},"source"}. */
int message_mapping_get(db *d, const char *platform, json_t **out, gm_err *err);
/* Every platform's mapping. */
int message_mappings_list(db *d, json_t **out, gm_err *err);
/* Validates and stores a mapping; one transaction with its audit row. */
int message_mapping_set(db *d, const gm_actor *who, const char *platform, const json_t *columns,
                        gm_err *err);

/* Imports the file's bytes for account_id.  *out = {"rows","imported",
 * "duplicates","encoding","ids":[...]}. */
int messages_import(db *d, const gm_actor *who, const gm_calendar *cal, long long account_id,
                    const char *data, size_t len, gm_instant now, json_t **out, gm_err *err);

#endif
