/*
 * static_files.h - serving the browser console (web/) from disk.
 */
#ifndef GM_HTTP_STATIC_FILES_H
#define GM_HTTP_STATIC_FILES_H

#include <microhttpd.h>

/* Answers GET/HEAD for url from web_dir ("/" -> index.html); refuses
 * paths with "..", other methods (405) and missing files (404). */
enum MHD_Result static_files_answer(struct MHD_Connection *c, const char *web_dir,
                                    const char *url, const char *method);

#endif
