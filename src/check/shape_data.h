/*
 * shape_data.h - shape-similar characters (形近字), generated at build time
 * by scripts/gen_shape.py from the expression check's model (its Wubi 86
 * and stroke-sequence confusions, scripts/gen_expr_model.py); never typed
 * by hand.  The sound matcher reads a character written for a term's
 * character by its shape (六含彩, 兔费领取) through sound_shape.c.
 */
#ifndef GM_CHECK_SHAPE_DATA_H
#define GM_CHECK_SHAPE_DATA_H

/* (meant - U+4E00) << 16 | (written - U+4E00), sorted: pairs of common
 * characters whose shapes are alike, the meant one first. */
extern const unsigned gm_shape_pairs[];
extern const unsigned gm_shape_pairs_count;
/* written - U+4E00, sorted: the written characters of the pairs that are of
 * GB 2312's first level (一级汉字, the most used ones). */
extern const unsigned short gm_shape_level1[];
extern const unsigned gm_shape_level1_count;

#endif
