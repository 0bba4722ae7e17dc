/*
 * field_label.h - Chinese names of API fields, for messages people read.
 *
 * Errors keep the API name in `field` ("responsible.name") for programs;
 * the message names the field in Chinese for people ("负责人姓名").
 * field_label() builds the label of a dotted path segment by segment
 * ("roles[1].role" -> "角色第2项的角色"); an unknown name stays as it is.
 * Add names below when new routes bring new fields.
 */
#ifndef GM_UTIL_FIELD_LABEL_H
#define GM_UTIL_FIELD_LABEL_H

#include <stddef.h>

/* The Chinese label of a dotted field path into out (cap bytes). */
const char *field_label(const char *field, char *out, size_t cap);

#endif
