/*
 * mime_label.c - looks a MIME type up in the generated table of Chinese
 * names (see mime_label.h).
 */
#include "check/mime_label.h"

#include <stdlib.h>
#include <string.h>

static int by_mime(const void *key, const void *entry)
{
    return strcmp(key, ((const gm_mime_name *)entry)->mime);
}

const char *gm_mime_label(const char *mime)
{
    if (!mime)
        return NULL;
    const gm_mime_name *e = bsearch(mime, gm_mime_names, gm_mime_names_count, sizeof *gm_mime_names,
                                    by_mime);
    return e ? e->name : NULL;
}
