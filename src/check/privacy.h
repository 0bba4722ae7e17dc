/*
 * privacy.h - personal data that must be de-identified before publishing:
 * resident ID numbers (18 digits with the GB 11643 check digit, and the old
 * 15-digit form), mainland mobile numbers, bank card numbers (Luhn) and
 * e-mail addresses.  Each finding carries a masked replacement.
 */
#ifndef GM_CHECK_PRIVACY_H
#define GM_CHECK_PRIVACY_H

#include <stddef.h>

#include "check/finding.h"

/* Appends privacy findings for text (valid UTF-8) as field. */
int gm_privacy_scan(const char *text, size_t len, const char *field, gm_findings *fs);

/* Detailed postal addresses (a district-level place, then a road, street
 * or lane followed by a house number, building or room): the number part
 * is the finding, masked digit by digit (address.c). */
int gm_address_scan(const char *text, size_t len, const char *field, gm_findings *fs);

/* Writes text with every privacy finding of field replaced by its mask into
 * a malloc'd string (*out).  fs must be sorted. */
int gm_privacy_mask(const char *text, size_t len, const char *field, const gm_findings *fs,
                    char **out);

/* The checks, exposed for tests: 1 when valid. */
int gm_id_checksum_ok(const char *digits18);
int gm_luhn_ok(const char *digits, size_t n);

#endif
