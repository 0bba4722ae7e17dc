/*
 * checker_int.h - what a loaded gm_checker holds (shared by the files of
 * the engine, not by its users).
 */
#ifndef GM_CHECK_CHECKER_INT_H
#define GM_CHECK_CHECKER_INT_H

#include <jansson.h>
#include <stdatomic.h>

#include "check/check.h"
#include "check/exprlist.h"
#include "check/finding.h"
#include "check/lexicon.h"
#include "check/matcher.h"
#include "check/policy.h"
#include "check/rules.h"
#include "check/sound.h"

struct gm_checker {
    atomic_int refs;
    gm_lexicon lex;      /* lexicon terms, allow-list terms and context words */
    gm_matcher *m;       /* compiled from lex */
    gm_sound *sound;     /* lex's terms by sound (pinyin, homophones) */
    gm_policy policy;    /* per-category match policy */
    gm_sources sources;
    json_t *presets;
    gm_exprs exprs;                /* expression lists (data/expressions/) */
    const gm_typo_model *typo;     /* process-wide; NULL: no 错别字 check */
    char origin[256];              /* gm_checker_set_origin; "" unknown */
};

/* Loads f's lexicon files (or every *.txt of f->lexicon_dir) into c->lex. */
int gm_checker_load_lexicons(gm_checker *c, const gm_checker_files *f, gm_err *err);

/* Matcher hits of one kind in one text. */
typedef struct gm_hits {
    gm_hit *v;
    size_t n, cap;
} gm_hits;

/* True when an allow-list occurrence of allowed spans the code points
 * [cp_start, cp_end). */
int gm_allowed_covers(const gm_hits *allowed, size_t cp_start, size_t cp_end);

/* What one field of a post says in its lead (the title, or the body's
 * first sentence), for the other field: a title and its body are read
 * together, as a heading line and the sentence after it are. */
typedef struct gm_field_gist {
    int speaks;     /* names an official speaker, an offender or a cautionary tale */
    int fights;     /* fights something (an enforcement, condemning or legal word) */
    int advert;     /* the field has an advert cue anywhere */
    int is_title;   /* the gist is of the title */
} gm_field_gist;

/* The context words the matcher found in a text, by kind. */
typedef struct gm_ctx_hits {
    gm_hits words;    /* enforcement words (context.txt, negative imperatives) */
    gm_hits cond;     /* words condemning what they follow (违法, 骗局…) */
    gm_hits frames;   /* verbs of the 对…进行X frame (监测, 零容忍…) */
    gm_hits advert;   /* advert cues (加微信, 私聊, 特价…) */
    gm_hits reg;      /* words of official register (公安机关, 被告人, 全市…) */
    gm_hits legal;    /* legal consequences and running totals (拘留, 依法, 累计…) */
    size_t memo_cs, memo_ce;   /* the last clause context.c walked */
    int memo_closed;           /* it ended at real breaks on both sides */
    int marks_seen, marks;     /* the text was searched for ？ and 的， / has one */
    size_t sent_ss, sent_se;   /* the last sentence context.c's register rule walked */
    int sent_valid;
    int colon_seen, colon;     /* the text was searched for a colon / has one */
    int focus_seen, focus;     /* … for 聚焦/针对/围绕 (a list heading's aim) / has one */
    int quote_seen, quote;     /* … for a closing quotation mark / has one */
    int backref_seen, colon2_seen, speech_seen, said_seen;   /* context.c text_has memos */
    int false_seen;            /* … for words saying a claim is false (谣言, 不实) */
    int cause_seen, loss_seen, regret_seen, case_seen;   /* context.c loss_story, case_title */
    int bodies_seen;
    int signed_seen, signed_doc;   /* … for a closing formula or signature / has one */           /* names of bodies were added to reg (context_body.c) */
    int some_seen, refusal_seen, disclaim_seen, prohibit_seen, lines_seen;
    int finding_seen;          /* … for a survey's or statistic's lead (调查显示) */
    int measure_seen;          /* … for what policy does about a topic (加强, 完善) */
    int parts_seen, parts;     /* context_parts.c: the text has two marks of parts */
    int how_seen, how;         /* context_asks.c: the text has a how-word (怎么办) */
    int about_seen;            /* context.c instrument_heading: … has 关于 */
                               /* context.c text_has memos of session 24's rules */
    int turns_seen, turns;     /* context_turns.c: 1 a dialogue of two speakers, 2 a
                                * quiz's marks or options (the text was looked at once) */
    int marks2_seen, marked;   /* context_marks.c: 1 a tick or cross, 2 two ticked
                                * don'ts (the text was looked at once) */
    int table_seen, table;     /* context_table.c: lines and a cell separator */
    int it_seen, it;           /* context.c fought_by_pronoun: the text has 它 */
    int chars_seen;            /* chars holds the text's CJK characters (context.c) */
    uint64_t chars[32];        /* a bit per CJK character of the text, hashed mod 2039:
                                * whole-text searches for trigger words look only for
                                * words whose first character is there */
    int join;                  /* no advert cue in the text: an open line's break
                                * does not end its sentence (context.c open_line) */
    const gm_field_gist *other;   /* the post's other field (title / body), or NULL */
} gm_ctx_hits;

/* True when the lexicon hit h of text (len bytes) is named by official text
 * fighting it (context.c): inside its clause governed by an enforcement
 * word before it, after it as its object or passive, condemned by a word
 * after it, a campaign noun or offence right after it, an alert heading
 * before it, a legal consequence after a condition on it; or its sentence
 * speaks in official register and fights, names an offender, tells a
 * cautionary tale, or is a list under a heading that fights - and no advert
 * cue in its sentence that is not itself named to fight it. */
int gm_context_governs(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h);

/* Drops the advert cues that official wording itself fights (凡是要求加微信
 * 的都是诈骗) or that name an official channel (微信公众号); once per text,
 * after the scan, before gm_context_governs / gm_context_advertised. */
void gm_context_prepare(gm_ctx_hits *hs, const char *text, size_t len);

/* True when h's sentence has an advert cue (加微信, 私聊, 特价…) left by
 * gm_context_prepare: then neither context nor an
 * allow-list phrase (打击赌博力度大，VX：…) softens h. */
int gm_context_advertised(const gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h);

/* Adds to advert the cues found by shape in text: price offers (充100送50,
 * 满300减50) and mobile numbers, masked or not (context_offer.c); once per
 * text, before gm_context_prepare. */
void gm_context_offer_cues(gm_hits *advert, const char *text, size_t len);

/* The gist of the field text (after gm_context_prepare) for the other
 * field of the same post. */
void gm_context_gist(gm_ctx_hits *hs, const char *text, size_t len, int is_title,
                     gm_field_gist *g);

/* Adds to reg the names of official bodies in text, found by their shape
 * (a level, the body's own name and a head: 市教育局, 校保卫处, 本院;
 * context_body.c), as register hits, and the parties of a case named as
 * official writing hides them (赵某, 王某某), as hits whose term is
 * GM_CTX_PARTY; on NOMEM it adds fewer. */
#define GM_CTX_PARTY (UINT32_MAX - 1)
void gm_context_bodies(gm_hits *reg, const char *text, size_t len);

/* Something in text[from, to) fights (context.c): an enforcement or frame
 * word, a condemning word not negated, a legal consequence or a running
 * total, h itself left aside. */
int gm_context_fights(const gm_ctx_hits *hs, const char *text, size_t from, size_t to,
                      const gm_hit *h);

/* The register hit r of text names an offender's role (被告人, 不法分子). */
int gm_context_offender(const char *text, const gm_hit *r);

/* h lies in a labelled dialogue whose official speaker fights, or in a quiz
 * or questionnaire item that fights, marks it false or asks whether one met
 * it (context_turns.c); only in a text without an advert cue. */
int gm_context_turns(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h);

/* The code point ending at byte b (b > 0) of text, its start in *at
 * (context.c, for the other context_*.c files). */
uint32_t gm_context_cp_before(const char *text, size_t b, size_t *at);

/* h is an item of a checklist of don'ts (✅不信赌博 among two ticked
 * don'ts) or crossed out (❌赌博) (context_marks.c); only in a text without
 * an advert cue. */
int gm_context_marked(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h);

/* h is in a row of a table in text whose header or caption fights
 * (context_table.c); only in a text without an advert cue. */
int gm_context_table_row(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h);

/* h is in a part of a text told in numbered parts (comic panels 第一格…,
 * outline items 一、…；二、…) or in the heading before them, and a part
 * fights (context_parts.c); only in a text without an advert cue. */
int gm_context_parts(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h);

/* h's sentence asks how to respond to meeting it (遇到X怎么办？) and that
 * sentence or the next two fight or speak officially, or nothing follows
 * (context_asks.c); only in a text without an advert cue. */
int gm_context_asks_how(gm_ctx_hits *hs, const char *text, size_t len, const gm_hit *h);

/* Adds the built-in condemning words (违法, 犯罪, 骗局…), frame verbs
 * (监测, 排查…), advert cues (加微信, 私聊…) and negative imperatives
 * (不要点击, 千万别信…) to lx as GM_LEX_CONDEMN / GM_LEX_FRAME / GM_LEX_ADVERT /
 * GM_LEX_CONTEXT entries, so the matcher finds them with everything else. */
int gm_context_load_builtin(gm_lexicon *lx, gm_err *err);

/* True when text[b_start, b_end) holds clause or sentence punctuation (。，
 * ；！？… and ASCII ones) or a line break: an allow-list phrase found across
 * one (打击，赌博加微信) is no phrase of the text. */
int gm_crosses_clause(const char *text, size_t b_start, size_t b_end);

/* Appends lexicon findings for text (valid UTF-8) as field, after
 * dropping hits that lie inside an allow-list occurrence.  With allowed
 * non-NULL, the allow-list occurrences the scan met are handed over there
 * (the caller frees allowed->v), so the other rules of the same field can
 * honour the allow list without scanning the text again. */
int gm_lexicon_findings(const gm_checker *c, const char *text, size_t len, const char *field,
                        gm_findings *fs, gm_hits *allowed, gm_err *err);

/* gm_lexicon_findings for one field of a post with a title: other (may be
 * NULL) is the gist of the post's other field, which context reads with
 * this one; gist (may be NULL) receives this field's. */
int gm_lexicon_findings_doc(const gm_checker *c, const char *text, size_t len, const char *field,
                            const gm_field_gist *other, gm_field_gist *gist, gm_findings *fs,
                            gm_hits *allowed, gm_err *err);

/* Builds the report object (see check.h); masked may be NULL. */
json_t *gm_report_json(const gm_findings *fs, size_t chars, long limit, const char *masked);

/* The same report as compact JSON text into *buf (capacity *cap, grown
 * with realloc, NUL-terminated); *len bytes, *ok as in the report.
 * Returns 0 or GM_E_NOMEM. */
int gm_report_text(const gm_findings *fs, size_t chars, long limit, const char *masked,
                   char **buf, size_t *cap, size_t *len, int *ok);

#endif
