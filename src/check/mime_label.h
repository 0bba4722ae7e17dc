/*
 * mime_label.h - the Chinese name of a file type ("JPEG 图像" for
 * image/jpeg), for messages and tables people read.  The table is generated
 * at build time from shared-mime-info (scripts/gen_mime.py).
 */
#ifndef GM_CHECK_MIME_LABEL_H
#define GM_CHECK_MIME_LABEL_H

typedef struct gm_mime_name {
    const char *mime;
    const char *name;
} gm_mime_name;

extern const gm_mime_name gm_mime_names[];   /* sorted by mime (strcmp) */
extern const unsigned gm_mime_names_count;

/* The Chinese name of mime, or NULL when shared-mime-info has none. */
const char *gm_mime_label(const char *mime);

#endif
