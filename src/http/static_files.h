/*
 * static_files.h - serving the browser console from memory.
 *
 * At start the server loads every file under the console directory it is
 * given (web/ or a build output directory) into memory with a content hash
 * as ETag; requests are answered from there, with 304 when the browser's
 * If-None-Match still matches.  A new console build needs a restart of
 * `serve`.
 */
#ifndef GM_HTTP_STATIC_FILES_H
#define GM_HTTP_STATIC_FILES_H

#include <microhttpd.h>
#include "util/gm_error.h"

typedef struct static_files static_files;

/* Loads the files under dir (recursively, skipping dot-files).  A missing
 * directory gives an empty set (every path 404) rather than an error. */
int static_files_load(static_files **out, const char *dir, gm_err *err);
void static_files_free(static_files *sf);

/* Answers GET/HEAD for url ("/" and page URLs without an extension ->
 * index.html); refuses paths with ".." (400), other methods (405) and
 * unknown files (404). */
enum MHD_Result static_files_answer(struct MHD_Connection *c, const static_files *sf,
                                    const char *url, const char *method);

#endif
