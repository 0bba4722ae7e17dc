/*
 * sound.c - the pinyin and homophone matcher (see sound.h).
 *
 * The scan walks the text once.  Partial matches ("states": a trie node and
 * where the match started) live at lattice boundaries; boundaries are kept
 * in a small ring because no step spans more than one syllable's letters.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "check/lookalike_data.h"
#include "check/normalize.h"
#include "check/pinyin_data.h"
#include "check/sound.h"

#define CJK_LO 0x3400u
#define CJK_HI 0xA000u
#define MAX_SYL_LETTERS 6
#define RING 8            /* > MAX_SYL_LETTERS, a power of two */
#define MAX_STATES 32
#define MAX_PATHS 256     /* reading combinations compiled per term */
#define MAX_FUZZY_PATHS 16 /* ... per near-homophone of one character */
#define FUZZY_MIN 3       /* terms shorter than this have no near-homophones */
#define SHAPE_MIN 3       /* shape hits of shorter terms only warn */
#define INITIALS_MIX_MIN 3 /* terms shorter than this are not spelt by initials and syllables */
#define PAIR_TERMS_MAX 4   /* two letters that spell more terms than this say nothing */
#define MAX_RUN 64        /* longest Latin run read as pinyin */
#define CHAR_RING 64      /* >= GM_TERM_MAX, a power of two */
#define LATIN_KEY 0x80000000u  /* REPEAT_KEY of a pinyin syllable */

/* ---- process-wide reading table ---------------------------------------- */

static uint32_t *dense;   /* CJK_LO..CJK_HI: first << 8 | count, 0 = none */
static pthread_once_t dense_once = PTHREAD_ONCE_INIT;

static void build_dense(void)
{
    uint32_t *d = calloc(CJK_HI - CJK_LO, sizeof *d);
    if (!d)
        return;
    for (unsigned i = 0; i < gm_py_char_count; i++) {
        unsigned cp = gm_py_chars[i].cp;
        if (cp >= CJK_LO && cp < CJK_HI)
            d[cp - CJK_LO] = gm_py_chars[i].first << 8 | gm_py_chars[i].count;
    }
    dense = d;
}

static int by_cp(const void *k, const void *e)
{
    unsigned cp = *(const unsigned *)k, x = ((const gm_py_char *)e)->cp;
    return cp < x ? -1 : cp > x;
}

unsigned gm_sound_readings(uint32_t cp, const unsigned short **ids)
{
    pthread_once(&dense_once, build_dense);
    if (cp >= CJK_LO && cp < CJK_HI) {
        uint32_t v = dense ? dense[cp - CJK_LO] : 0;
        *ids = gm_py_readings + (v >> 8);
        return v & 0xFF;
    }
    if (cp < 0x20000)
        return 0;
    unsigned key = cp;
    const gm_py_char *c = bsearch(&key, gm_py_chars, gm_py_char_count, sizeof *c, by_cp);
    if (!c)
        return 0;
    *ids = gm_py_readings + c->first;
    return c->count;
}

int gm_sound_syllable(const char *letters, size_t n)
{
    size_t lo = 0, hi = gm_py_syllable_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *s = gm_py_syllables[mid];
        int c = strncmp(s, letters, n);
        if (c == 0 && s[n] != '\0')
            c = 1;
        if (c == 0)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Common two-character words, and the first and last two characters of
 * longer ones, as hash sets (process-wide, built once): one probe instead
 * of a binary search over 16,000 words per look-up. */
typedef struct word_set {
    const unsigned long long *sorted;
    const unsigned *count;
    uint64_t *slots;
    unsigned bits;
    pthread_once_t once;
} word_set;

static word_set words = {gm_py_words, &gm_py_word_count, NULL, 0, PTHREAD_ONCE_INIT};
static word_set heads = {gm_py_word_heads, &gm_py_word_head_count, NULL, 0, PTHREAD_ONCE_INIT};
static word_set tails = {gm_py_word_tails, &gm_py_word_tail_count, NULL, 0, PTHREAD_ONCE_INIT};

static size_t word_slot(const word_set *ws, uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> (64 - ws->bits));
}

static void build_set(word_set *ws)
{
    unsigned bits = 4;
    while ((1u << bits) < *ws->count * 2u)
        bits++;
    uint64_t *w = calloc((size_t)1 << bits, sizeof *w);
    if (!w)
        return;
    ws->bits = bits;
    for (unsigned i = 0; i < *ws->count; i++) {
        size_t j = word_slot(ws, ws->sorted[i]);
        while (w[j])
            j = (j + 1) & (((size_t)1 << bits) - 1);
        w[j] = ws->sorted[i];
    }
    ws->slots = w;
}

static void build_words(void) { build_set(&words); }
static void build_heads(void) { build_set(&heads); }
static void build_tails(void) { build_set(&tails); }

static int in_sorted(const word_set *ws, unsigned long long key)
{
    size_t lo = 0, hi = *ws->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ws->sorted[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < *ws->count && ws->sorted[lo] == key;
}

static int in_set(word_set *ws, void (*build)(void), uint32_t a, uint32_t b)
{
    uint64_t key = (uint64_t)a << 32 | b;   /* never 0: both are CJK characters */
    pthread_once(&ws->once, build);
    if (!ws->slots)
        return in_sorted(ws, key);   /* out of memory: the slow way */
    size_t mask = ((size_t)1 << ws->bits) - 1;
    for (size_t j = word_slot(ws, key); ws->slots[j]; j = (j + 1) & mask)
        if (ws->slots[j] == key)
            return 1;
    return 0;
}

static int common_word(uint32_t a, uint32_t b)
{
    return in_set(&words, build_words, a, b);
}

int gm_sound_common_word(uint32_t a, uint32_t b)
{
    return common_word(a, b);
}

/* a b is a common word or the start of a longer one (越来 of 越来越). */
static int word_or_head(uint32_t a, uint32_t b)
{
    return common_word(a, b) || in_set(&heads, build_heads, a, b);
}

/* a b is a common word or the end of a longer one. */
static int word_or_tail(uint32_t a, uint32_t b)
{
    return common_word(a, b) || in_set(&tails, build_tails, a, b);
}

/* ---- the trie ---------------------------------------------------------- */

#define DENSE_KIDS 8      /* nodes with this many children get a full bitmap */

typedef struct node {
    int32_t first_term;   /* index into term_next chain, -1 none */
    int32_t bits;         /* dense nodes: first word of their bitmap, else -1 */
    uint64_t mask;        /* bit syllable % 64 set for each child; 0 = a leaf */
} node;

/* A transition (open addressing).  Once built it also carries what the
 * scan needs of the child, so one cache line answers a step. */
typedef struct slot {
    uint64_t key;         /* parent << 16 | syllable + 1; 0 = empty */
    uint32_t child;
    int32_t first_end;    /* the child's node.first_term */
    uint64_t mask;        /* the child's node.mask */
    int32_t bits;         /* the child's node.bits */
    uint32_t unused;
} slot;

typedef struct end {      /* a term ending at a node, chained */
    uint32_t term;
    int32_t next;         /* next end at the same node, -1 none */
    uint32_t chars, n;    /* its characters: gm_sound.chars + chars, n of them */
    uint32_t fuzzy;       /* reached only through a near-homophone (sound_fuzzy.c) */
} end;

struct gm_sound {
    node *nodes;
    size_t n_nodes, cap_nodes;
    slot *slots;
    size_t n_slots, n_used;
    int32_t *root;        /* syllable id -> child of the root, -1 none */
    slot *root_slots;     /* the same as slots with the child's data (key 0: none) */
    uint64_t *bitmaps;    /* children of dense nodes, one bit per syllable */
    end *ends;            /* chains of terms ending at a node */
    size_t n_ends, cap_ends;
    uint32_t *chars;      /* per term: its characters, repeats expanded ... */
    uint32_t *chars_at;   /* ... at chars + chars_at[t], chars_at[t + 1] - chars_at[t] of them */
    uint8_t *useful;      /* bit per CJK_LO..CJK_HI: some reading occurs in the trie */
    uint8_t *classes;     /* 2 bits per BMP code point: CLASS_* (NULL: none built) */
    gm_initials initials; /* terms by their pinyin initials (dkfp) */
    gm_shape_index shape; /* characters written for a term's by their shape */
    gm_mask_index mask;   /* terms by the characters around a hidden one (六*彩) */
};

/* What a BMP code point does to the lattice, known without normalising it. */
/* CLASS_STANDIN: looked at closely and maybe a stand-in (a look-alike
 * letter, an emoji for a character): the only ones the tables are asked. */
enum { CLASS_BREAK = 0, CLASS_NOISE = 1, CLASS_SLOW = 2, CLASS_STANDIN = 3 };

static size_t slot_of(const gm_sound *s, uint64_t key)
{
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (s->n_slots - 1);
    while (s->slots[i].key && s->slots[i].key != key)
        i = (i + 1) & (s->n_slots - 1);
    return i;
}

static int32_t trie_child(const gm_sound *s, uint32_t parent, unsigned syl)
{
    if (parent == 0)
        return s->root[syl];
    const slot *sl = &s->slots[slot_of(s, (uint64_t)parent << 16 | (syl + 1))];
    return sl->key ? (int32_t)sl->child : -1;
}

/* 0 when parent surely has no child by syl (most lookups: no hashing). */
static int may_have_child(const gm_sound *s, const node *parent, unsigned syl)
{
    if (parent->bits >= 0)
        return (int)(s->bitmaps[parent->bits + (syl >> 6)] >> (syl & 63) & 1);
    return (int)(parent->mask >> (syl & 63) & 1);
}

static int grow_slots(gm_sound *s)
{
    size_t n = s->n_slots ? s->n_slots * 2 : 1024;
    slot *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    gm_sound old = *s;
    s->slots = slots;
    s->n_slots = n;
    for (size_t i = 0; i < old.n_slots; i++)
        if (old.slots[i].key)
            s->slots[slot_of(s, old.slots[i].key)] = old.slots[i];
    free(old.slots);
    return 0;
}

static int64_t add_node(gm_sound *s)
{
    if (s->n_nodes == s->cap_nodes) {
        size_t cap = s->cap_nodes ? s->cap_nodes * 2 : 256;
        node *g = realloc(s->nodes, cap * sizeof *g);
        if (!g)
            return -1;
        s->nodes = g;
        s->cap_nodes = cap;
    }
    s->nodes[s->n_nodes] = (node){-1, -1, 0};
    return (int64_t)s->n_nodes++;
}

static int64_t trie_step_add(gm_sound *s, uint32_t parent, unsigned syl)
{
    int32_t c = trie_child(s, parent, syl);
    if (c >= 0)
        return c;
    if (parent && (s->n_used + 1) * 2 > s->n_slots && grow_slots(s))
        return -1;
    int64_t n = add_node(s);
    if (n < 0)
        return -1;
    s->nodes[parent].mask |= 1ULL << (syl & 63);
    if (parent == 0) {
        s->root[syl] = (int32_t)n;
        return n;
    }
    uint64_t key = (uint64_t)parent << 16 | (syl + 1);
    s->slots[slot_of(s, key)] = (slot){key, (uint32_t)n, -1, 0, -1, 0};
    s->n_used++;
    return n;
}

static int add_end(gm_sound *s, uint32_t nd, uint32_t term, int fuzzy)
{
    for (int32_t e = s->nodes[nd].first_term; e >= 0; e = s->ends[e].next)
        if (s->ends[e].term == term) {
            s->ends[e].fuzzy &= (uint32_t)fuzzy;   /* a true reading wins */
            return 0;
        }
    if (s->n_ends == s->cap_ends) {
        size_t cap = s->cap_ends ? s->cap_ends * 2 : 64;
        end *g = realloc(s->ends, cap * sizeof *g);
        if (!g)
            return -1;
        s->ends = g;
        s->cap_ends = cap;
    }
    s->ends[s->n_ends] = (end){term, s->nodes[nd].first_term, s->chars_at[term],
                               s->chars_at[term + 1] - s->chars_at[term], (uint32_t)fuzzy};
    s->nodes[nd].first_term = (int32_t)s->n_ends++;
    return 0;
}

/* The term's characters, repeats expanded; 0 when it is not all CJK with
 * readings or shorter than two characters. */
static size_t term_chars(const gm_term *t, uint32_t *out)
{
    size_t n = 0;
    for (uint32_t i = 0; i < t->len; i++) {
        const unsigned short *ids;
        if (gm_sound_readings(t->norm[i], &ids) == 0)
            return 0;
        for (unsigned r = 0; r < (t->runs ? t->runs[i] : 1u) && n < GM_TERM_MAX; r++)
            out[n++] = t->norm[i];
    }
    return n >= 2 ? n : 0;
}

/* Adds every reading combination of chars[0..n) (at most max); with
 * at < n, character at reads only the near-homophone syllable near and the
 * ends are fuzzy. */
static int add_paths(gm_sound *s, const uint32_t *chars, size_t n, uint32_t term, size_t at,
                     unsigned short near, int max)
{
    size_t pick[GM_TERM_MAX] = {0};
    for (int paths = 0; paths < max; paths++) {
        uint32_t nd = 0;
        for (size_t i = 0; i < n; i++) {
            const unsigned short *ids = NULL;
            gm_sound_readings(chars[i], &ids);
            int64_t c = trie_step_add(s, nd, i == at ? near : ids[pick[i]]);
            if (c < 0)
                return -1;
            nd = (uint32_t)c;
        }
        if (add_end(s, nd, term, at < n))
            return -1;
        size_t i = n;   /* next combination, odometer style */
        while (i > 0) {
            const unsigned short *ids;
            unsigned cnt = i - 1 == at ? 1 : gm_sound_readings(chars[i - 1], &ids);
            if (++pick[i - 1] < cnt)
                break;
            pick[i - 1] = 0;
            i--;
        }
        if (i == 0)
            return 0;
    }
    return 0;
}

/* Adds the paths of a term of FUZZY_MIN or more characters in which one
 * character reads a near-homophone of one of its readings (sound_fuzzy.c)
 * that is none of its own readings. */
static int add_fuzzy_paths(gm_sound *s, const uint32_t *chars, size_t n, uint32_t term)
{
    if (n < FUZZY_MIN)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned short *ids;
        unsigned cnt = gm_sound_readings(chars[i], &ids);
        for (unsigned r = 0; r < cnt; r++) {
            unsigned short near[GM_FUZZY_MAX];
            unsigned k = gm_fuzzy_syllables(ids[r], near);
            for (unsigned j = 0; j < k; j++) {
                int own = 0;
                for (unsigned q = 0; q < cnt; q++)
                    own |= ids[q] == near[j];
                if (!own && add_paths(s, chars, n, term, i, near[j], MAX_FUZZY_PATHS))
                    return -1;
            }
        }
    }
    return 0;
}

/* Gives nodes with many children a bitmap of them (see may_have_child). */
static int add_bitmaps(gm_sound *s)
{
    size_t words = (gm_py_syllable_count + 63) / 64, dense = 0;
    uint32_t *kids = calloc(s->n_nodes, sizeof *kids);
    if (!kids)
        return -1;
    for (size_t i = 0; i < s->n_slots; i++)
        if (s->slots[i].key)
            kids[s->slots[i].key >> 16]++;
    for (size_t nd = 1; nd < s->n_nodes; nd++)
        if (kids[nd] >= DENSE_KIDS)
            s->nodes[nd].bits = (int32_t)(dense++ * words);
    free(kids);
    s->bitmaps = calloc(dense * words + 1, sizeof *s->bitmaps);
    if (!s->bitmaps)
        return -1;
    for (size_t i = 0; i < s->n_slots; i++) {
        uint64_t key = s->slots[i].key;
        const node *p = &s->nodes[key >> 16];
        unsigned syl = (unsigned)(key & 0xFFFF) - 1;
        if (key && p->bits >= 0)
            s->bitmaps[p->bits + (syl >> 6)] |= 1ULL << (syl & 63);
    }
    return 0;
}

/* Marks the characters with a reading some term uses: any other character
 * ends every partial match at once, without looking at the trie. */
static int add_useful(gm_sound *s)
{
    uint8_t *used = calloc(gm_py_syllable_count, 1);
    s->useful = calloc((CJK_HI - CJK_LO) / 8 + 1, 1);
    if (!used || !s->useful) {
        free(used);
        return -1;
    }
    for (size_t i = 0; i < gm_py_syllable_count; i++)
        used[i] = s->root[i] >= 0;
    for (size_t i = 0; i < s->n_slots; i++)
        if (s->slots[i].key)
            used[(s->slots[i].key & 0xFFFF) - 1] = 1;
    for (uint32_t cp = CJK_LO; cp < CJK_HI; cp++) {
        const unsigned short *ids;
        unsigned n = gm_sound_readings(cp, &ids);
        for (unsigned k = 0; k < n; k++)
            if (used[ids[k]]) {
                s->useful[(cp - CJK_LO) >> 3] |= (uint8_t)(1u << ((cp - CJK_LO) & 7));
                break;
            }
    }
    free(used);
    return 0;
}

static int useful(const gm_sound *s, uint32_t c);
static int latin_letter(uint32_t c);
static uint32_t lookalike_letter(uint32_t cp);

/* Sorts every BMP code point once per trie: noise, a break (a digit, a
 * character no term reads like, another script), or one to look at
 * closely (a letter that may be pinyin, a useful CJK character, one that
 * normalises to several).  Most characters of a post then cost one load
 * from a 16 KB table. */
static int add_classes(gm_sound *s)
{
    const uint32_t *bmp = gm_norm_bmp();
    if (!bmp)
        return 0;   /* normaliser not ready: every character the slow way */
    s->classes = calloc(0x10000 / 4, 1);
    if (!s->classes)
        return -1;
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        uint32_t c = bmp[cp];
        const unsigned short *ids;
        unsigned k = CLASS_BREAK;
        if ((cp >= 0x2000 && gm_la_find(gm_la_emoji, gm_la_emoji_count, cp)) ||
            (!latin_letter(c) && lookalike_letter(cp)))
            k = CLASS_STANDIN;   /* ➕ for 加, a Cyrillic а */
        else if (c == GM_NORM_NOISE)
            k = CLASS_NOISE;
        else if (c == GM_NORM_EXPAND || latin_letter(c) ||
                 (useful(s, c) && gm_sound_readings(c, &ids)) || gm_shape_written(&s->shape, c))
            k = CLASS_SLOW;
        s->classes[cp >> 2] |= (uint8_t)(k << ((cp & 3) * 2));
    }
    return 0;
}

/* Copies each child's data into the transitions that lead to it. */
static int fill_slots(gm_sound *s)
{
    s->root_slots = calloc(gm_py_syllable_count, sizeof *s->root_slots);
    if (!s->root_slots)
        return -1;
    for (size_t i = 0; i < gm_py_syllable_count; i++)
        if (s->root[i] >= 0)
            s->root_slots[i] = (slot){i + 1, (uint32_t)s->root[i], -1, 0, -1, 0};
    for (int pass = 0; pass < 2; pass++) {
        slot *v = pass ? s->slots : s->root_slots;
        size_t n = pass ? s->n_slots : gm_py_syllable_count;
        for (size_t i = 0; i < n; i++)
            if (v[i].key) {
                const node *c = &s->nodes[v[i].child];
                v[i].first_end = c->first_term;
                v[i].mask = c->mask;
                v[i].bits = c->bits;
            }
    }
    return 0;
}

/* Records term t's characters for the homophone verdict. */
static int add_chars(gm_sound *s, uint32_t t, const uint32_t *chars, size_t n, size_t *cap)
{
    size_t at = s->chars_at[t];
    if (at + n > *cap) {
        size_t c = *cap ? *cap * 2 : 1024;
        while (c < at + n)
            c *= 2;
        uint32_t *g = realloc(s->chars, c * sizeof *g);
        if (!g)
            return -1;
        s->chars = g;
        *cap = c;
    }
    if (n)   /* terms the trie does not hold have none (and chars may still be NULL) */
        memcpy(s->chars + at, chars, n * sizeof *chars);
    s->chars_at[t + 1] = (uint32_t)(at + n);
    return 0;
}

void gm_sound_free(gm_sound *s)
{
    if (!s)
        return;
    free(s->nodes);
    free(s->slots);
    free(s->root);
    free(s->bitmaps);
    free(s->root_slots);
    free(s->ends);
    free(s->chars);
    free(s->chars_at);
    free(s->useful);
    free(s->classes);
    gm_initials_free(&s->initials);
    gm_shape_free(&s->shape);
    gm_mask_free(&s->mask);
    free(s);
}

int gm_sound_build(gm_sound **out, const gm_lexicon *lx, gm_err *err)
{
    gm_sound *s = calloc(1, sizeof *s);
    size_t cap = 0;
    int bad = !s || !(s->root = malloc(gm_py_syllable_count * sizeof *s->root)) ||
              !(s->chars_at = calloc(lx->n + 1, sizeof *s->chars_at)) || add_node(s) < 0 ||
              grow_slots(s);
    for (size_t i = 0; !bad && i < gm_py_syllable_count; i++)
        s->root[i] = -1;
    for (size_t t = 0; !bad && t < lx->n; t++) {
        uint32_t chars[GM_TERM_MAX];
        size_t n = lx->terms[t].allow ? 0 : term_chars(&lx->terms[t], chars);
        bad = add_chars(s, (uint32_t)t, chars, n, &cap) != 0;
        if (n && !bad)
            bad = add_paths(s, chars, n, (uint32_t)t, n, 0, MAX_PATHS) != 0 ||
                  add_fuzzy_paths(s, chars, n, (uint32_t)t) != 0 ||
                  gm_initials_add(&s->initials, chars, n, (uint32_t)t) != 0 ||
                  gm_mask_add(&s->mask, chars, n, (uint32_t)t) != 0;
        if (n && !bad)
            bad = gm_shape_add_term(&s->shape, chars, n) != 0;
    }
    gm_initials_finish(&s->initials);
    gm_mask_finish(&s->mask);
    if (bad || gm_shape_finish(&s->shape) || add_bitmaps(s) || add_useful(s) || fill_slots(s) || add_classes(s)) {
        gm_sound_free(s);
        return gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
    }
    *out = s;
    return 0;
}

/* ---- the scan ---------------------------------------------------------- */

typedef struct state {
    uint32_t node;
    uint32_t latin;
    size_t cp_start, b_start;
    size_t bd;                 /* boundary where the match started */
    uint64_t mask;             /* the node's child filter (see may_have_child) */
    int32_t bits;
    uint32_t last;             /* what the last step read: REPEAT_KEY */
    uint64_t skip;             /* steps after bd read as repeats (bit per step) */
    uint64_t shape;            /* the step after bd read by its shape (one bit at most) */
    uint32_t inits;            /* steps read as a syllable's initial letter (dai kai fp) */
} state;

typedef struct step {          /* one lattice edge */
    size_t from, to;           /* boundaries */
    const unsigned short *syl;
    unsigned n_syl;
    int latin;
    size_t cp_start, b_start, cp_end, b_end;
    int skippable;             /* an emoji: it may also be mere decoration */
    int shape;                 /* a character read as one it looks like (sound_shape.c) */
    int initial;               /* a letter read as the initial of any syllable (fp) */
    int inner_from, inner_to;  /* ... not at the start / the end of its stretch */
} step;

typedef struct scan {
    const gm_sound *s;
    const gm_lexicon *lx;
    const char *text;
    size_t len;
    gm_sound_fn fn;
    void *ctx;
    int stop;
    size_t cleared;            /* slots for boundaries <= cleared are ready */
    state ring[RING][MAX_STATES];
    unsigned n[RING];
    /* The normalised character of the CJK step leaving each recent
     * boundary (0: it normalises to several), so a hit's characters need
     * no second decoding: a path without Latin steps is only CJK steps. */
    uint32_t chars[CHAR_RING];
    /* STANDIN_* of the same steps: a digit or an emoji read as a character. */
    unsigned char standin[CHAR_RING];
} scan;

enum { STANDIN_NONE = 0, STANDIN_DIGIT = 1, STANDIN_EMOJI = 2 };

static void clear_upto(scan *sc, size_t to)
{
    while (sc->cleared < to) {
        sc->cleared++;
        sc->n[sc->cleared & (RING - 1)] = 0;
    }
}

static void push(scan *sc, size_t at, const state *st)
{
    clear_upto(sc, at);
    unsigned *n = &sc->n[at & (RING - 1)];
    state *v = sc->ring[at & (RING - 1)];
    for (unsigned i = 0; i < *n; i++)
        if (v[i].node == st->node && v[i].b_start == st->b_start && !v[i].shape == !st->shape) {
            v[i].latin |= st->latin;
            if (st->inits < v[i].inits)
                v[i].inits = st->inits;   /* whole syllables win */
            return;
        }
    if (*n < MAX_STATES)
        v[(*n)++] = *st;
}

/* The normalised character just before byte b (0 if none or noise),
 * passing over repeats of same (带开发票票 ends on 票, not on 票票). */
static uint32_t char_before(const char *text, size_t b, uint32_t same)
{
    for (int k = 0; b > 0 && k < 8; k++) {
        size_t p = b - 1;
        while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
            p--;
        uint32_t cp, norm[GM_NORM_MAX];
        if (!gm_utf8_decode((const unsigned char *)text + p, b - p, &cp))
            return 0;
        uint32_t c = gm_norm_map(cp, norm) == 1 ? norm[0] : 0;
        if (c != same)
            return c;
        b = p;
    }
    return 0;
}

/* The normalised character at byte e (0 if none or noise), passing over
 * repeats of same. */
static uint32_t char_after(const char *text, size_t len, size_t e, uint32_t same)
{
    for (int k = 0; e < len && k < 8; k++) {
        uint32_t cp, norm[GM_NORM_MAX];
        size_t l = gm_utf8_decode((const unsigned char *)text + e, len - e, &cp);
        if (!l)
            return 0;
        uint32_t c = gm_norm_map(cp, norm) == 1 ? norm[0] : 0;
        if (c != same)
            return c;
        e += l;
    }
    return 0;
}

/* A homophone hit's verdict:
 *   0 when its characters are the term's (the literal matcher reports it)
 *     or when a substituted character at its edge forms a common word with
 *     the text just outside (实时采集 is not 时时彩: ordinary words that
 *     merely sound like the term run across the hit's edge);
 *     or when the hit is ordinary words throughout: every character
 *     substituted and in such a word, or two characters that are one (院校
 *     is not 援交, 公事 is not 公式);
 *   GM_VIA_HOMOPHONE_WEAK when a substituted character forms a common word
 *     with a neighbour inside the hit (大开发票, 中将通知), or is linked to the
 *     term's only through a reading that is not the usual one of both
 *     (结 jié ~ 家 jiē in 百分百结了婚, 个 ~ 合 gě): an evasion or an
 *     unlucky phrase, so at most a warning;
 *   GM_VIA_HOMOPHONE otherwise (带开发票, 六和彩).
 * Steps the scan read as repeats (带带开发票) are left out. */
/* 1 when a and b share their usual reading (kMandarin's, first in the table). */
static int usual_alike(uint32_t a, uint32_t b)
{
    const unsigned short *ra, *rb;
    return gm_sound_readings(a, &ra) && gm_sound_readings(b, &rb) && ra[0] == rb[0];
}

static int homophone_verdict(const scan *sc, const end *t, const state *st, const step *e)
{
    const uint32_t *want = sc->s->chars + t->chars;
    size_t span = e->to - st->bd, n = 0, same = 0;
    if (span > CHAR_RING || span < t->n)
        return 0;
    uint32_t got[GM_TERM_MAX];
    unsigned char in[GM_TERM_MAX];   /* STANDIN_* of each */
    int standin = 0;
    for (size_t i = 0; i < span; i++) {
        if (st->skip >> i & 1)
            continue;
        if (n == t->n || !(got[n] = sc->chars[(st->bd + i) & (CHAR_RING - 1)]))
            return 0;
        in[n] = sc->standin[(st->bd + i) & (CHAR_RING - 1)];
        standin |= in[n];
        same += got[n] == want[n] && !in[n];
        n++;
    }
    if (n != t->n || same == n)
        return 0;
    uint32_t before = char_before(sc->text, st->b_start, got[0]);
    uint32_t after = char_after(sc->text, sc->len, e->b_end, got[n - 1]);
    size_t in_words = 0;   /* substituted characters that form a word inside */
    for (size_t i = 0; i < n; i++) {
        if (got[i] == want[i] || in[i])
            continue;   /* a digit or an emoji forms no word with its neighbours */
        if ((i == 0 && before && word_or_tail(before, got[i])) ||
            (i + 1 == n && after && word_or_head(got[i], after)))
            return 0;
        in_words += (i > 0 && common_word(got[i - 1], got[i])) ||
                    (i + 1 < n && common_word(got[i], got[i + 1]));
    }
    if ((same == 0 && in_words == n) || (n == 2 && in_words))
        return 0;   /* ordinary words throughout (院校 is not 援交, 公事 is not 公式) */
    if (standin && !in_words)
        return standin & STANDIN_EMOJI ? GM_VIA_EMOJI : GM_VIA_DIGIT;
    for (size_t i = 0; !in_words && !t->fuzzy && i < n; i++)
        if (got[i] != want[i] && !in[i] && !usual_alike(got[i], want[i]))
            return GM_VIA_HOMOPHONE_WEAK;   /* linked through a reading not usual to both */
    return in_words ? GM_VIA_HOMOPHONE_WEAK : GM_VIA_HOMOPHONE;
}

/* A hit with one character read by its shape (st->shape):
 *   0 when another character is not the term's own (的报 is not 约炮: 报
 *     sounds like 炮 only through a rare reading), when that character is
 *     not a shape-alike of the term's character there, or forms a common
 *     word with the text just outside the hit, or the term has two
 *     characters and it forms a word with the other (缓交 is not 援交) or
 *     is a common character (GB 2312's first level: 和重 is no 加重, 睹博
 *     no 赌博 — only a rarer look-alike, 祼聊, reads as the term);
 *   GM_VIA_SHAPE when the term has SHAPE_MIN or more characters and every
 *     other one is the term's own (六含彩, 兔费领取);
 *   GM_VIA_SHAPE_WEAK otherwise: a two-character term (棵聊), other
 *     characters spelt in pinyin (考hu机, terms of SHAPE_MIN or more), or
 *     the shape forming a common word inside the hit (无抵押货款): at most a
 *     warning. */
static int shape_verdict(const scan *sc, const end *t, const state *st, const step *e)
{
    if (st->skip)
        return 0;   /* 对时时彩: a repeat beside the shape, the term itself is there */
    if (st->latin)
        return t->n >= SHAPE_MIN ? GM_VIA_SHAPE_WEAK : 0;
    const uint32_t *want = sc->s->chars + t->chars;
    size_t span = e->to - st->bd, n = 0, own = 0, at = GM_TERM_MAX;
    if (span > CHAR_RING || span < t->n)
        return 0;
    uint32_t got[GM_TERM_MAX];
    for (size_t i = 0; i < span; i++) {
        if (st->skip >> i & 1)
            continue;
        if (n == t->n || !(got[n] = sc->chars[(st->bd + i) & (CHAR_RING - 1)]))
            return 0;
        if (st->shape >> i & 1)
            at = n;
        else
            own += got[n] == want[n] && !sc->standin[(st->bd + i) & (CHAR_RING - 1)];
        n++;
    }
    if (n != t->n || own + 1 != n || at == GM_TERM_MAX ||
        !gm_shape_alike(&sc->s->shape, got[at], want[at]) ||
        (n < SHAPE_MIN && gm_shape_common(got[at])))
        return 0;
    uint32_t before = char_before(sc->text, st->b_start, got[0]);
    uint32_t after = char_after(sc->text, sc->len, e->b_end, got[n - 1]);
    if ((at == 0 && before && word_or_tail(before, got[0])) ||
        (at + 1 == n && after && word_or_head(got[at], after)))
        return 0;
    int in_word = (at > 0 && common_word(got[at - 1], got[at])) ||
                  (at + 1 < n && common_word(got[at], got[at + 1]));
    if (n == 2 && in_word)
        return 0;
    return n >= SHAPE_MIN && !in_word ? GM_VIA_SHAPE : GM_VIA_SHAPE_WEAK;
}

static void report(scan *sc, int32_t first_end, const state *st, const step *e)
{
    const gm_sound *s = sc->s;
    for (int32_t x = first_end; x >= 0 && !sc->stop; x = s->ends[x].next) {
        const end *t = &s->ends[x];
        if (st->shape && t->fuzzy)
            continue;   /* a shape and a near-homophone in one hit: too far */
        if (st->inits && (st->shape || t->fuzzy || t->n < INITIALS_MIX_MIN || st->inits >= t->n))
            continue;   /* initials alone are initials_of_run's (dkfp) */
        int via = st->inits   ? GM_VIA_INITIALS
                  : st->shape ? shape_verdict(sc, t, st, e)
                  : st->latin ? GM_VIA_PINYIN
                              : homophone_verdict(sc, t, st, e);
        if (!via)
            continue;
        if (t->fuzzy && via == GM_VIA_HOMOPHONE_WEAK)
            continue;   /* near, and ordinary words inside: 江苏省 is not 蒋树声 */
        if (t->fuzzy)
            via = GM_VIA_NEAR;
        gm_sound_hit h = {t->term, via, st->cp_start, e->cp_end, st->b_start, e->b_end};
        sc->stop = sc->fn(sc->ctx, &h);
    }
}

/* The transition from st by syl, or NULL. */
static const slot *step_slot(const gm_sound *s, const state *st, unsigned syl)
{
    if (st->node == 0)
        return s->root_slots[syl].key ? &s->root_slots[syl] : NULL;
    if (!may_have_child(s, &(node){-1, st->bits, st->mask}, syl))
        return NULL;
    const slot *sl = &s->slots[slot_of(s, (uint64_t)st->node << 16 | (syl + 1))];
    return sl->key ? sl : NULL;
}

/* What a step reads, to know a repeat: the character of a CJK step (0
 * when it normalises to several), LATIN_KEY | syllable of a pinyin one. */
static uint32_t repeat_key(const scan *sc, const step *e, unsigned k)
{
    if (e->latin)
        return LATIN_KEY | e->syl[k];
    /* a stand-in repeats only itself: 1一般 is no 一般 */
    return sc->chars[e->from & (CHAR_RING - 1)] |
           (uint32_t)sc->standin[e->from & (CHAR_RING - 1)] << 28;
}

/* A repeated character or syllable (发发发票, dai dai kai fa piao) leaves
 * the match where it is, as the literal matcher folds repeats. */
static void stay_on_repeat(scan *sc, const state *st, const step *e)
{
    size_t at = e->from - st->bd;
    if (st->node == 0 || !st->last || at >= 64 || st->last != repeat_key(sc, e, 0))
        return;
    state same = *st;
    same.latin |= (uint32_t)e->latin;
    same.skip |= 1ULL << at;
    push(sc, e->to, &same);
}

static void advance(scan *sc, const state *st, const step *e)
{
    uint64_t shape = st->shape;
    if (e->shape) {   /* one character read by its shape per hit at most */
        if (st->shape || e->from - st->bd >= 64)
            return;
        shape = 1ULL << (e->from - st->bd);
    }
    for (unsigned k = 0; k < e->n_syl && !sc->stop; k++) {
        const slot *sl = step_slot(sc->s, st, e->syl[k]);
        if (!sl)
            continue;
        state next = {sl->child, st->latin | (uint32_t)e->latin, st->cp_start, st->b_start,
                      st->bd, sl->mask, sl->bits, repeat_key(sc, e, k), st->skip, shape,
                      st->inits + (uint32_t)e->initial};
        if (sl->mask)   /* leaves end here: no state to carry on */
            push(sc, e->to, &next);
        if (sl->first_end >= 0 && !e->inner_to)
            report(sc, sl->first_end, &next, e);
    }
}

static void take_step(scan *sc, const step *e)
{
    clear_upto(sc, e->to);
    unsigned slot = e->from & (RING - 1), n = sc->n[slot];
    if (e->from > sc->cleared)
        n = 0;
    for (unsigned i = 0; i < n && !sc->stop; i++) {
        state st = sc->ring[slot][i];
        advance(sc, &st, e);
        stay_on_repeat(sc, &st, e);
        if (e->skippable && st.node && e->from - st.bd < 64) {   /* 赌🐍博: decoration */
            st.skip |= 1ULL << (e->from - st.bd);
            push(sc, e->to, &st);
        }
    }
    for (unsigned k = 0; k < e->n_syl && !e->inner_from; k++)
        if (sc->s->root[e->syl[k]] >= 0) {
            state root = {0, 0, e->cp_start, e->b_start, e->from, ~0ULL, -1, 0, 0, 0, 0};
            advance(sc, &root, e);
            break;
        }
}

/* Latin letters since the last CJK character or break.  Noise between
 * letters does not end the run, it marks a "cut" (so d a i k a i and
 * dai-kai read as dai kai); a tone digit after a letter (dai4kai1) is a
 * cut too. */
typedef struct latin_run {
    char letters[MAX_RUN];
    size_t cp[MAX_RUN], b[MAX_RUN];          /* where each letter starts */
    size_t cp_end[MAX_RUN], b_end[MAX_RUN];  /* and ends */
    unsigned char cut[MAX_RUN + 1];          /* noise before letter i */
    size_t n;
    int too_long;
    int tone;                                /* a tone digit was just read */
} latin_run;

/* lu, nu, lue, nue written for lü, nü, lüe, nüe (a keyboard without ü, or
 * lü with its dots stripped as accents are): the id of the v spelling, or
 * -1. */
static int u_as_v(const char *letters, size_t l)
{
    if ((l != 2 && l != 3) || (letters[0] != 'l' && letters[0] != 'n') || letters[1] != 'u' ||
        (l == 3 && letters[2] != 'e'))
        return -1;
    char v[3] = {letters[0], 'v', 'e'};
    return gm_sound_syllable(v, l);
}

/* The syllable letters[0..l) spell (nue as nve when only that is one), or -1. */
static int latin_syllable(const char *letters, size_t l)
{
    int id = gm_sound_syllable(letters, l);
    return id >= 0 ? id : u_as_v(letters, l);
}

/* letters[from, to) of the run split completely into syllables. */
static int all_pinyin(int16_t syl[][MAX_SYL_LETTERS + 1], size_t from, size_t to)
{
    unsigned char reach[MAX_RUN + 1] = {0};
    reach[from] = 1;
    for (size_t p = from; p < to; p++)
        for (size_t l = 1; reach[p] && l <= MAX_SYL_LETTERS && p + l <= to; l++)
            if (syl[p][l] >= 0)
                reach[p + l] = 1;
    return reach[to];
}

/* Reports the terms whose pinyin initials letters[from, to) spell, when
 * that is not pinyin itself (nor two letters of many terms: with a lexicon
 * of common words db spells dozens). */
static void initials_at(scan *sc, const latin_run *r, int16_t syl[][MAX_SYL_LETTERS + 1],
                        size_t from, size_t to)
{
    uint32_t terms[8];
    size_t k = gm_initials_find(&sc->s->initials, r->letters + from, to - from, terms, 8);
    if (!k || all_pinyin(syl, from, to) || (to - from == 2 && k > PAIR_TERMS_MAX))
        return;
    for (size_t i = 0; i < k && !sc->stop; i++) {
        gm_sound_hit h = {terms[i], GM_VIA_INITIALS, r->cp[from], r->cp_end[to - 1], r->b[from],
                          r->b_end[to - 1]};
        sc->stop = sc->fn(sc->ctx, &h);
    }
}

/* 1 when the code point ending at byte b (or starting at b, after) is a
 * CJK ideograph; *digit set when it is an ASCII digit. */
static int han_beside(const char *text, size_t len, size_t b, int after, int *digit)
{
    uint32_t cp = 0;
    if (after) {
        if (b >= len || !gm_utf8_decode((const unsigned char *)text + b, len - b, &cp))
            return 0;
    } else {
        size_t p = b;
        while (p > 0 && ((unsigned char)text[--p] & 0xC0) == 0x80) {}
        if (b == 0 || !gm_utf8_decode((const unsigned char *)text + p, b - p, &cp))
            return 0;
    }
    *digit |= cp >= '0' && cp <= '9';
    return cp >= CJK_LO && cp < CJK_HI;
}

/* The run is a two-letter word as a writer abbreviates a two-character term
 * (找db平台, 附近yp): lower-case ASCII letters side by side, a Chinese
 * character right before or after, no digit touching (5km, 60db are
 * units).  Upper-case pairs (AI, VR, WC) are the abbreviations official
 * prose uses. */
static int pair_word(const scan *sc, const latin_run *r)
{
    for (size_t i = 0; i < 2; i++)
        if (r->b_end[i] != r->b[i] + 1 || sc->text[r->b[i]] < 'a' || sc->text[r->b[i]] > 'z')
            return 0;
    int digit = 0;
    int han = han_beside(sc->text, sc->len, r->b[0], 0, &digit) |
              han_beside(sc->text, sc->len, r->b_end[1], 1, &digit);
    return han && !digit && r->b_end[0] == r->b[1];
}

/* A whole Latin run (d.k.f.p, DKFP) or a stretch of it between noise (lhc
 * bjl) that spells a term's pinyin initials; a lower-case two-letter word
 * beside a character (pair_word) spells a two-character term's. */
static void initials_of_run(scan *sc, const latin_run *r, int16_t syl[][MAX_SYL_LETTERS + 1],
                            size_t n)
{
    if (!sc->s->initials.n)
        return;
    if (n == 2 && !r->cut[1] && pair_word(sc, r)) {
        initials_at(sc, r, syl, 0, 2);
        return;
    }
    size_t stretches = 0;
    for (size_t p = 0, from = 0; p <= n; p++)
        if (p == n || (p > from && r->cut[p])) {
            if (p - from >= 3 && p - from <= GM_INITIALS_MAX)
                initials_at(sc, r, syl, from, p);
            stretches++;
            from = p;
        }
    if (stretches > 1 && n >= 3 && n <= GM_INITIALS_MAX)
        initials_at(sc, r, syl, 0, n);
}

/* The syllables starting with each letter (a contiguous range of the
 * sorted syllable list) and every syllable id in order, built once. */
static unsigned short *all_ids;
static unsigned short first_of[27];
static pthread_once_t initials_once = PTHREAD_ONCE_INIT;

static void build_initials(void)
{
    unsigned short *ids = malloc(gm_py_syllable_count * sizeof *ids);
    if (!ids)
        return;
    for (unsigned i = 0; i < gm_py_syllable_count; i++)
        ids[i] = (unsigned short)i;
    unsigned i = 0;
    for (int c = 0; c < 26; c++) {
        first_of[c] = (unsigned short)i;
        while (i < gm_py_syllable_count && gm_py_syllables[i][0] == 'a' + c)
            i++;
    }
    first_of[26] = (unsigned short)i;
    all_ids = ids;
}

/* The end of the stretch of initials starting at cut p: a stretch (up to
 * the next cut) of 1..GM_INITIALS_MAX letters that does not split into
 * syllables (fp, sd, lh: 代开fp is gm_initials_mixed's); p when it is none. */
static size_t initials_stretch(const latin_run *r, int16_t syl[][MAX_SYL_LETTERS + 1], size_t p,
                               size_t n)
{
    size_t e = p + 1;
    while (e < n && !r->cut[e])
        e++;
    return e - p <= GM_INITIALS_MAX && !all_pinyin(syl, p, e) ? e : p;
}

/* A step reading letter p of the run as the initial of any syllable; a
 * match neither starts (inner_from) nor ends (inner_to) inside a stretch
 * of initials, so no Latin word is cut. */
static void initial_step(scan *sc, const latin_run *r, size_t bd, size_t p, int inner_from,
                         int inner_to)
{
    pthread_once(&initials_once, build_initials);
    int c = r->letters[p] - 'a';
    if (!all_ids || c < 0 || c >= 26 || first_of[c] == first_of[c + 1])
        return;
    step e = {bd + p, bd + p + 1, all_ids + first_of[c], (unsigned)(first_of[c + 1] - first_of[c]),
              1, r->cp[p], r->b[p], r->cp_end[p], r->b_end[p], 0, 0, 1, inner_from, inner_to};
    take_step(sc, &e);
}

/* Steps of a Latin run: every syllable that lies inside a stretch from one
 * cut (or the run's ends) to another that splits completely into
 * syllables.  A stretch that does not (an English word) gives no step, so
 * a match cannot run through it; the run's letters move the boundary on
 * either way. */
static size_t flush_run(scan *sc, latin_run *r, size_t bd)
{
    size_t n = r->n;
    r->n = 0;
    r->tone = 0;
    if (n == 0)
        return bd;
    if (r->too_long) {
        r->too_long = 0;
        return bd + 1;
    }
    r->cut[0] = r->cut[n] = 1;
    unsigned char fwd[MAX_RUN + 1], back[MAX_RUN + 1];
    int16_t syl[MAX_RUN][MAX_SYL_LETTERS + 1];
    for (size_t p = 0; p <= n; p++)
        fwd[p] = back[p] = r->cut[p];
    for (size_t p = 0; p < n; p++)
        for (size_t l = 1; l <= MAX_SYL_LETTERS; l++)
            syl[p][l] = (int16_t)(p + l <= n ? latin_syllable(r->letters + p, l) : -1);
    for (size_t p = 0; p < n; p++)
        for (size_t l = 1; fwd[p] && l <= MAX_SYL_LETTERS; l++)
            if (syl[p][l] >= 0)
                fwd[p + l] = 1;
    for (size_t p = n; p-- > 0;)
        for (size_t l = 1; !back[p] && l <= MAX_SYL_LETTERS && p + l <= n; l++)
            if (syl[p][l] >= 0 && back[p + l])
                back[p] = 1;
    initials_of_run(sc, r, syl, n);
    int any = 0;
    size_t stretch_end = 0;   /* a stretch of initials (the fp of dai kai fp) ends here */
    for (size_t p = 0; p < n && !sc->stop; p++) {
        if (r->cut[p])
            stretch_end = initials_stretch(r, syl, p, n);
        if (p < stretch_end) {
            initial_step(sc, r, bd, p, r->cut[p] == 0, p + 1 < stretch_end);
            any = 1;
        }
        if (!fwd[p])
            continue;
        for (size_t l = 1; l <= MAX_SYL_LETTERS && !sc->stop; l++) {
            if (syl[p][l] < 0 || !back[p + l])
                continue;
            unsigned short ids[2] = {(unsigned short)syl[p][l]};
            int v = u_as_v(r->letters + p, l);   /* nue read as nve besides itself */
            int two = v >= 0 && v != syl[p][l];
            step e = {bd + p, bd + p + l, ids, 1u + (unsigned)two, 1, r->cp[p], r->b[p],
                      r->cp_end[p + l - 1], r->b_end[p + l - 1], 0, 0, 0, 0, 0};
            if (two)
                ids[1] = (unsigned short)v;
            take_step(sc, &e);
            any = 1;
        }
    }
    return any ? bd + n : bd + n + 1;   /* no pinyin at all: a word break */
}

static void run_letter(latin_run *r, uint32_t c, size_t cp_i, size_t b, size_t l)
{
    if (r->n == MAX_RUN) {
        r->too_long = 1;
        return;
    }
    r->cut[r->n] = r->n == 0 || r->tone;
    r->tone = 0;
    r->letters[r->n] = (char)c;
    r->cp[r->n] = cp_i;
    r->b[r->n] = b;
    r->cp_end[r->n] = cp_i + 1;
    r->b_end[r->n++] = b + l;
}

/* Noise inside a run: a cut.  A long run is read up to here first, so a
 * paragraph of English never makes one run too long to read. */
static size_t run_noise(scan *sc, latin_run *r, size_t bd)
{
    if (r->n >= MAX_RUN / 2)
        return flush_run(sc, r, bd);
    r->tone = r->n > 0;
    return bd;
}

/* 1 when cp is a tone digit that may follow a syllable (1-5, ASCII or
 * full width) and the run is open and has no digit just before it. */
static int tone_digit(const latin_run *r, uint32_t cp)
{
    return r->n > 0 && !r->tone && ((cp >= '1' && cp <= '5') || (cp >= 0xFF11 && cp <= 0xFF15));
}

/* 0 when c surely moves no match on (a CJK character no term reads like). */
static int useful(const gm_sound *s, uint32_t c)
{
    if (c < CJK_LO || c >= CJK_HI)
        return 1;
    return s->useful[(c - CJK_LO) >> 3] >> ((c - CJK_LO) & 7) & 1;
}

static int latin_letter(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

/* The Latin letter cp looks like (Cyrillic а, Greek ο, 🅓, 🇩), or 0. */
static uint32_t lookalike_letter(uint32_t cp)
{
    const gm_la_pair *p = gm_la_find(gm_la_letters, gm_la_letters_count, cp);
    return p ? p->to : 0;
}

/* 1 when the code point at byte b is a letter or a CJK character (after
 * normalising): what a digit standing for a syllable runs into (6合彩), while
 * a number goes on with a digit, a point, a percent sign or a space (6.
 * 严格, 1%, 2 号). */
static int word_char_at(const char *text, size_t b, size_t len, const uint32_t *bmp)
{
    uint32_t cp;
    if (b >= len)
        return 1;   /* the end of the text: 紧急扩3 */
    if (!gm_utf8_decode((const unsigned char *)text + b, len - b, &cp))
        return 0;
    uint32_t c = cp < 0x10000 ? bmp[cp] : 0;
    return latin_letter(c) || (c >= CJK_LO && c < CJK_HI);
}

/* A step reading a stand-in -- a lone digit as its numeral (6合彩), an emoji
 * as the character CLDR names it (扫🐎领取) -- from boundary bd; returns the
 * next boundary.  An emoji step is skippable: the emoji may be decoration
 * too (赌🐍博).  A stand-in no term reads like is what it was before: an
 * emoji noise, a digit a break. */
static size_t standin_step(scan *sc, size_t bd, uint32_t ch, int kind, size_t cp_i,
                           size_t cp_end, size_t b, size_t b_end)
{
    const unsigned short *ids;
    unsigned n_syl = useful(sc->s, ch) ? gm_sound_readings(ch, &ids) : 0;
    int skippable = kind == STANDIN_EMOJI;
    if (!n_syl)
        return skippable ? bd : bd + 1;
    step e = {bd, bd + 1, ids, n_syl, 0, cp_i, b, cp_end, b_end, skippable, 0, 0, 0, 0};
    sc->chars[bd & (CHAR_RING - 1)] = ch;
    sc->standin[bd & (CHAR_RING - 1)] = (unsigned char)kind;
    take_step(sc, &e);
    return bd + 1;
}

/* Bopomofo letters since the last syllable (ㄉㄞˋ ㄎㄞ ㄈㄚ ㄆㄧㄠˋ: dai kai fa
 * piao), read as pinyin through rime's zhuyin spelling (lookalike_data.h). */
typedef struct zhuyin_run {
    uint32_t cp[4];
    size_t n, cp0, b0, cp_end, b_end;
} zhuyin_run;

static int bopomofo(uint32_t cp)
{
    return cp >= 0x3105 && cp <= 0x312F;
}

static int bopomofo_initial(uint32_t cp)   /* ㄅ .. ㄙ */
{
    return cp >= 0x3105 && cp <= 0x3119;
}

static int bopomofo_tone(uint32_t cp)      /* ˉ ˊ ˇ ˋ ˙ */
{
    return cp == 0x02C9 || cp == 0x02CA || cp == 0x02C7 || cp == 0x02CB || cp == 0x02D9;
}

/* The syllable id the letters cp[0..n) spell, or -1. */
static int zhuyin_syllable(const uint32_t *cp, size_t n)
{
    unsigned long long key = 0;
    for (size_t i = 0; i < 4; i++)
        key = key << 16 | (i < n ? (cp[i] & 0xFFFF) : 0);
    const char *py = gm_la_zhuyin_find(key);
    return py ? gm_sound_syllable(py, strlen(py)) : -1;
}

/* Reads the run as one pinyin syllable, or a break when it spells none;
 * returns the next boundary. */
static size_t flush_zhuyin(scan *sc, zhuyin_run *z, size_t bd)
{
    if (!z->n)
        return bd;
    int id = zhuyin_syllable(z->cp, z->n);
    z->n = 0;
    if (id < 0)
        return bd + 1;
    unsigned short ids[1] = {(unsigned short)id};
    step e = {bd, bd + 1, ids, 1, 1, z->cp0, z->b0, z->cp_end, z->b_end, 0, 0, 0, 0, 0};
    take_step(sc, &e);
    return bd + 1;
}

/* 1 when the run spells a syllable that cp would spoil (ㄧㄚ is ya, ㄧㄣ is
 * yin, but ㄩ then ㄚ is yu then a). */
static int spoils(zhuyin_run *z, uint32_t cp)
{
    if (zhuyin_syllable(z->cp, z->n) < 0)
        return 0;
    z->cp[z->n] = cp;
    return zhuyin_syllable(z->cp, z->n + 1) < 0;
}

/* Adds a bopomofo letter: an initial, a fifth letter, or a letter that
 * spoils the syllable already spelt starts the next syllable. */
static size_t zhuyin_letter(scan *sc, zhuyin_run *z, size_t bd, uint32_t cp, size_t cp_i,
                            size_t b, size_t l)
{
    if (z->n && (bopomofo_initial(cp) || z->n == 4 || spoils(z, cp)))
        bd = flush_zhuyin(sc, z, bd);
    if (!z->n) {
        z->cp0 = cp_i;
        z->b0 = b;
    }
    z->cp[z->n++] = cp;
    z->cp_end = cp_i + 1;
    z->b_end = b + l;
    return bd;
}

/* The normalised character after byte b, passing over noise (0: none). */
static uint32_t next_char(const char *text, size_t len, size_t b)
{
    const uint32_t *bmp = gm_norm_bmp();
    for (int k = 0; b < len && k < 8; k++) {
        uint32_t cp;
        size_t l = gm_utf8_decode((const unsigned char *)text + b, len - b, &cp);
        if (!l || cp >= 0x10000 || !bmp)
            return 0;   /* beyond the BMP: no term character */
        if (bmp[cp] != GM_NORM_NOISE)
            return bmp[cp] == GM_NORM_EXPAND ? 0 : bmp[cp];
        b += l;
    }
    return 0;
}

/* Steps reading c as each term character it looks like (六含彩: 含 as 合),
 * from where e goes.  Every other character of a shape hit is the term's
 * own, so a look-alike of x is worth reading only beside a character that
 * stands next to x in some term: most characters that look like a term's
 * cost one look-up. */
static void shape_steps(scan *sc, uint32_t c, const step *e)
{
    const gm_shape_index *ix = &sc->s->shape;
    uint32_t before = e->from > 0 ? sc->chars[(e->from - 1) & (CHAR_RING - 1)] : 0, after = 0;
    int after_read = 0;
    if (!gm_shape_near(ix, before, c, 1)) {   /* one filter look-up for most characters */
        after = next_char(sc->text, sc->len, e->b_end);
        after_read = 1;
        if (!gm_shape_near(ix, c, after, 2))
            return;
    }
    const uint64_t *pairs;
    size_t k = gm_shape_meant(ix, c, &pairs);
    for (size_t i = 0; i < k && !sc->stop; i++) {
        uint32_t meant = (uint32_t)pairs[i];
        if (!gm_shape_bigram(&sc->s->shape, before, meant)) {
            if (!after_read) {
                after = next_char(sc->text, sc->len, e->b_end);
                after_read = 1;
            }
            if (!gm_shape_bigram(&sc->s->shape, meant, after))
                continue;
        }
        step m = *e;
        m.n_syl = gm_sound_readings(meant, &m.syl);
        m.shape = 1;
        if (m.n_syl)
            take_step(sc, &m);
    }
}

int gm_sound_term_pair(const gm_sound *s, uint32_t a, uint32_t b)
{
    return s && gm_shape_bigram(&s->shape, a, b);
}

void gm_sound_scan(const gm_sound *s, const gm_lexicon *lx, const char *text, size_t len,
                   gm_sound_fn fn, void *ctx)
{
    if (!s || s->n_nodes < 2)
        return;
    scan scan_mem, *sc = &scan_mem;   /* the ring is filled as boundaries are reached */
    latin_run run_mem, *run = &run_mem;
    zhuyin_run zy_mem, *zy = &zy_mem;
    zy->n = 0;
    sc->s = s;
    sc->lx = lx;
    sc->text = text;
    sc->len = len;
    sc->fn = fn;
    sc->ctx = ctx;
    sc->stop = 0;
    sc->cleared = 0;
    sc->n[0] = 0;
    run->n = 0;
    run->too_long = 0;
    run->tone = 0;
    const uint32_t *bmp = gm_norm_bmp();
    size_t bd = 0, cp_i = 0, digit_end = (size_t)-1;   /* where the last digit ended */
    int prev = 0, mixed = 0;   /* the last step was a letter (1) or a character (2) */
    int masked = 0;            /* a mark that may hide a character was seen */
    for (size_t b = 0; b < len && !sc->stop; cp_i++) {
        uint32_t cp, norm[GM_NORM_MAX];
        size_t kcps, kc = (unsigned char)text[b] < 0x80
                              ? gm_keycap_len((const unsigned char *)text + b, len - b, &kcps)
                              : 0;
        if (kc) {   /* an emoji keycap (7️⃣) is noise, not a digit, or a numeral (6️⃣合彩) */
            if (run->n)
                bd = run_noise(sc, run, bd);
            else if (text[b] >= '0' && text[b] <= '9')
                bd = standin_step(sc, bd, gm_la_numerals[text[b] - '0'], STANDIN_EMOJI, cp_i,
                                  cp_i + kcps, b, b + kc);
            b += kc;
            cp_i += kcps - 1;
            continue;
        }
        size_t l = gm_utf8_decode((const unsigned char *)text + b, len - b, &cp);
        if (l == 0)
            break;
        if (zy->n || bopomofo(cp)) {   /* ㄉㄞˋ ㄎㄞ, 赌ㄅㄛˊ */
            if (bopomofo(cp) || (zy->n && bopomofo_tone(cp))) {
                bd = bopomofo(cp) ? zhuyin_letter(sc, zy, flush_run(sc, run, bd), cp, cp_i, b, l)
                                  : flush_zhuyin(sc, zy, bd);
                prev = 0;
                b += l;
                continue;
            }
            bd = flush_zhuyin(sc, zy, bd);   /* then the character as usual */
        }
        unsigned cls = cp < 0x10000 && s->classes ? s->classes[cp >> 2] >> ((cp & 3) * 2) & 3
                                                  : CLASS_STANDIN;
        if (cls == CLASS_NOISE)   /* 六*彩: a mark may hide a character */
            masked |= gm_mask_mark(cp);
        if (cls == CLASS_NOISE && run->n) {
            bd = run_noise(sc, run, bd);
            b += l;
            continue;
        }
        if (cls == CLASS_BREAK && tone_digit(run, cp)) {
            run->tone = 1;   /* dai4: the digit is a cut, a second one a number */
            digit_end = b + l;
            b += l;
            continue;
        }
        if (cls == CLASS_BREAK && cp < 0x10000 && bmp[cp] >= '0' && bmp[cp] <= '9') {
            /* a lone digit (not in a number) read as its numeral: 6合彩, ⑥合彩 */
            int lone = digit_end != b && word_char_at(text, b + l, len, bmp);
            bd = flush_run(sc, run, bd);
            bd = lone ? standin_step(sc, bd, gm_la_numerals[bmp[cp] - '0'], STANDIN_DIGIT, cp_i,
                                     cp_i + 1, b, b + l)
                      : bd + 1;
            prev = 0;
            digit_end = b + l;
            b += l;
            continue;
        }
        if (cls < CLASS_SLOW) {   /* noise or a break: as the slow way below treats them */
            bd = flush_run(sc, run, bd) + (cls == CLASS_BREAK);
            if (cls == CLASS_BREAK)
                prev = 0;
            b += l;
            continue;
        }
        uint32_t c = cp < 0x10000 ? bmp[cp] : GM_NORM_EXPAND, single = 1;
        if (c == GM_NORM_EXPAND) {
            int k = gm_norm_map(cp, norm);
            c = k == 0 ? GM_NORM_NOISE : norm[0];
            single = k == 1;
        }
        if (cls == CLASS_STANDIN && !latin_letter(c)) {
            uint32_t la = lookalike_letter(cp);   /* dаi with a Cyrillic а */
            c = la ? la : c;
        }
        if (c == GM_NORM_NOISE)
            masked |= gm_mask_mark(cp);
        if (cls == CLASS_STANDIN && c == GM_NORM_NOISE && !run->n) {
            const gm_la_pair *em = gm_la_find(gm_la_emoji, gm_la_emoji_count, cp);
            if (em) {   /* 扫🐎领取: the emoji for its name's sound */
                bd = standin_step(sc, bd, em->to, STANDIN_EMOJI, cp_i, cp_i + 1, b, b + l);
                prev = 0;
                b += l;
                continue;
            }
        }
        if (latin_letter(c)) {
            run_letter(run, c, cp_i, b, l);
            mixed |= prev == 2;
            prev = 1;
            b += l;
            continue;
        }
        if (c == GM_NORM_NOISE && run->n) {
            bd = run_noise(sc, run, bd);
            b += l;
            continue;
        }
        bd = flush_run(sc, run, bd);
        const unsigned short *ids = NULL;
        unsigned n_syl = c == GM_NORM_NOISE || !useful(s, c) ? 0 : gm_sound_readings(c, &ids);
        int shaped = single && gm_shape_written(&s->shape, c);
        if (n_syl || shaped) {
            step e = {bd, bd + 1, ids, n_syl, 0, cp_i, b, cp_i + 1, b + l, 0, 0, 0, 0, 0};
            sc->chars[bd & (CHAR_RING - 1)] = single ? c : 0;
            sc->standin[bd & (CHAR_RING - 1)] = STANDIN_NONE;
            if (n_syl)
                take_step(sc, &e);
            if (shaped)
                shape_steps(sc, c, &e);
            bd++;
            mixed |= prev == 1;
            prev = 2;
        } else if (c != GM_NORM_NOISE) {
            bd++;   /* a digit or another script breaks a match */
            prev = 0;
        }
        b += l;
    }
    if (!sc->stop)
        flush_run(sc, run, flush_zhuyin(sc, zy, bd));
    if (!sc->stop && mixed)   /* a letter next to a term's character: 代kfp? */
        gm_initials_mixed(&s->initials, s->chars, s->chars_at, text, len, fn, ctx);
    if (!sc->stop && masked)   /* a character hidden by a mark: 六*彩 */
        gm_mask_scan(&s->mask, s->chars, s->chars_at, text, len, fn, ctx);
}
