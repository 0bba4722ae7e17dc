/*
 * checker.c - loading, sharing and freeing a gm_checker.
 *
 * A checker is built completely before it is returned and never changes
 * afterwards; that is what lets a server swap checkers under load: readers
 * take a reference, the reloader publishes a new pointer and drops its
 * reference to the old one, which is freed by the last reader.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/checker_int.h"
#include "check/normalize.h"
#include "check/platform.h"
#include "check/reversed.h"
#include "check/typo_model.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted paths of dir/ *.txt, so load order (and thus output) is stable. */
static int list_lexicons(const char *dir, char ***out, size_t *n, gm_err *err)
{
    *out = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return gm_fail(err, GM_E_IO, "lexicon", "无法打开词库目录 %s", dir);
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0 || e->d_name[0] == '.')
            continue;
        char **grown = realloc(*out, (*n + 1) * sizeof *grown);
        char *path = malloc(strlen(dir) + l + 2);
        if (!grown || !path) {
            if (grown)
                *out = grown;
            free(path);
            rc = gm_fail(err, GM_E_NOMEM, "lexicon", "内存不足");
            break;
        }
        *out = grown;
        sprintf(path, "%s/%s", dir, e->d_name);
        (*out)[(*n)++] = path;
    }
    closedir(d);
    if (*n)
        qsort(*out, *n, sizeof **out, by_name);
    return rc;
}

int gm_checker_load_lexicons(gm_checker *c, const gm_checker_files *f, gm_err *err)
{
    char **found = NULL;
    size_t n = 0;
    int rc = 0;
    if (f->n_lexicons == 0 && f->lexicon_dir)
        rc = list_lexicons(f->lexicon_dir, &found, &n, err);
    for (size_t i = 0; rc == 0 && i < f->n_lexicons; i++)
        rc = gm_lexicon_load_file(&c->lex, f->lexicons[i], 0, err);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = gm_lexicon_load_file(&c->lex, found[i], 0, err);
        free(found[i]);
    }
    free(found);
    return rc;
}

/* One lexicon-format list: the admin's text when given, else the file. */
static int load_list(gm_checker *c, const char *text, const char *name, const char *path,
                     int kind, gm_err *err)
{
    if (text)
        return gm_lexicon_parse(&c->lex, name, text, strlen(text), kind, err);
    return path ? gm_lexicon_load_file(&c->lex, path, kind, err) : 0;
}

static int load_parts(gm_checker *c, const gm_checker_files *f, const gm_checker_texts *t,
                      gm_err *err)
{
    static const gm_checker_texts none = {0};
    if (!t)
        t = &none;
    int rc = gm_norm_init(err);
    if (rc == 0)
        rc = t->lexicon ? load_list(c, t->lexicon, "lexicon", NULL, GM_LEX_TERMS, err)
                        : gm_checker_load_lexicons(c, f, err);
    if (rc == 0)
        rc = gm_reversed_add(&c->lex, err);
    if (rc == 0)
        rc = load_list(c, t->allow, "allow", f->allow, GM_LEX_ALLOW, err);
    if (rc == 0)
        rc = load_list(c, t->context, "context", f->context, GM_LEX_CONTEXT, err);
    if (rc == 0)
        rc = load_list(c, t->register_words, "register", f->register_words, GM_LEX_REGISTER, err);
    if (rc == 0)
        rc = gm_context_load_builtin(&c->lex, err);
    if (rc == 0 && f->policy)
        rc = gm_policy_load_file(&c->policy, f->policy, err);
    if (rc == 0 && t->sources)
        rc = gm_sources_parse(&c->sources, "sources", t->sources, strlen(t->sources), err);
    else if (rc == 0 && f->sources)
        rc = gm_sources_load(&c->sources, f->sources, err);
    if (rc == 0)
        rc = f->platforms ? gm_presets_load(f->platforms, &c->presets, err)
                          : gm_fail(err, GM_E_INVALID, "platforms", "缺少平台预设文件");
    if (rc == 0)
        rc = gm_matcher_build(&c->m, &c->lex, err);
    if (rc == 0)
        rc = gm_sound_build(&c->sound, &c->lex, err);
    if (rc == 0 && !f->no_typos)
        rc = gm_typo_model_get(&c->typo, err);
    const char *const exprs[GM_EXPR_LISTS] = {t->names, t->formulations, t->outdated,
                                              t->officials};
    if (rc == 0 && (f->expressions || t->names || t->formulations || t->outdated || t->officials))
        rc = gm_exprs_load_texts(&c->exprs, f->expressions, exprs, c->typo, err);
    return rc;
}

static void checker_free(gm_checker *c)
{
    gm_matcher_free(c->m);
    gm_sound_free(c->sound);
    gm_policy_free(&c->policy);
    gm_lexicon_free(&c->lex);
    gm_sources_free(&c->sources);
    json_decref(c->presets);
    gm_exprs_free(&c->exprs);
    free(c);
}

static int load_with(gm_checker **out, const gm_checker_files *files,
                     const gm_checker_texts *texts, gm_err *err)
{
    gm_checker *c = calloc(1, sizeof *c);
    if (!c)
        return gm_fail(err, GM_E_NOMEM, "", "内存不足");
    atomic_init(&c->refs, 1);
    gm_policy_init(&c->policy);
    int rc = load_parts(c, files, texts, err);
    if (rc) {
        checker_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

static char *join(const char *dir, const char *rel)
{
    char *p = malloc(strlen(dir) + strlen(rel) + 2);
    if (p)
        sprintf(p, "%s/%s", dir, rel);
    return p;
}

int gm_checker_load(gm_checker **out, const gm_checker_files *files, gm_err *err)
{
    return load_with(out, files, NULL, err);
}

int gm_checker_load_default(gm_checker **out, const char *data_dir, gm_err *err)
{
    return gm_checker_load_texts(out, data_dir, NULL, err);
}

int gm_checker_load_texts(gm_checker **out, const char *data_dir, const gm_checker_texts *t,
                          gm_err *err)
{
    char *lexdir = join(data_dir, "lexicons");
    char *allow = join(data_dir, "check/allow.txt");
    char *sources = join(data_dir, "check/approved_sources.txt");
    char *platforms = join(data_dir, "check/platforms.json");
    char *context = join(data_dir, "check/context.txt");
    char *reg = join(data_dir, "check/register.txt");
    char *policy = join(data_dir, "check/policy.txt");
    char *exprs = join(data_dir, "expressions");
    int rc;
    if (!lexdir || !allow || !sources || !platforms || !context || !reg || !policy || !exprs) {
        rc = gm_fail(err, GM_E_NOMEM, "", "内存不足");
    } else {
        gm_checker_files f = {NULL, 0, lexdir, access(allow, F_OK) == 0 ? allow : NULL,
                              access(sources, F_OK) == 0 ? sources : NULL, platforms,
                              access(context, F_OK) == 0 ? context : NULL,
                              access(policy, F_OK) == 0 ? policy : NULL, exprs, 0,
                              access(reg, F_OK) == 0 ? reg : NULL};
        rc = load_with(out, &f, t, err);
    }
    free(context);
    free(reg);
    free(policy);
    free(lexdir);
    free(allow);
    free(sources);
    free(platforms);
    free(exprs);
    return rc;
}

void gm_checker_ref(gm_checker *c)
{
    atomic_fetch_add_explicit(&c->refs, 1, memory_order_relaxed);
}

void gm_checker_unref(gm_checker *c)
{
    if (c && atomic_fetch_sub_explicit(&c->refs, 1, memory_order_acq_rel) == 1)
        checker_free(c);
}

size_t gm_checker_term_count(const gm_checker *c)
{
    return c->lex.n;
}

void gm_checker_set_origin(gm_checker *c, const char *origin)
{
    snprintf(c->origin, sizeof c->origin, "%s", origin ? origin : "");
}

const char *gm_checker_origin(const gm_checker *c)
{
    return c->origin;
}

size_t gm_checker_merges(const gm_checker *c, const char *const **lines)
{
    *lines = (const char *const *)c->lex.merges;
    return c->lex.nmerges;
}
