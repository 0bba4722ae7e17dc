/*
 * national_filing_policies.c - units' deadlines of national filings (see
 * national_filing_policies.h).  Plain SQL (upsert in the form SQLite and
 * PostgreSQL share).
 */
#include "store/national_filing_policies.h"
#include "store/audit.h"
#include "store/units.h"
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int nf_policies_load(db *d, nf_policy_set *out, gm_err *err)
{
    db_stmt *q;
    memset(out, 0, sizeof *out);
    int rc = db_query(d, &q, err,
                      "SELECT u.path,p.unit_id,COALESCE(p.preset,''),p.days,p.working "
                      "FROM national_filing_policies p JOIN units u ON u.id=p.unit_id",
                      "");
    if (rc)
        return rc;
    size_t cap = 0;
    while ((rc = db_next(q)) == 1) {
        if (out->n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            void *g = realloc(out->rows, ncap * sizeof *out->rows);
            if (!g) {
                rc = gm_fail(err, GM_E_NOMEM, NULL, "内存不足");
                break;
            }
            out->rows = g;
            cap = ncap;
        }
        struct nf_policy_row *r = &out->rows[out->n++];
        snprintf(r->path, sizeof r->path, "%s", db_text(q, 0));
        r->unit_id = db_int(q, 1);
        snprintf(r->preset, sizeof r->preset, "%s", db_text(q, 2));
        r->policy.days = (int)db_int(q, 3);
        r->policy.working = (int)db_int(q, 4);
    }
    db_done(q);
    if (rc < 0) {
        nf_policies_free(out);
        return rc;
    }
    return GM_OK;
}

void nf_policies_free(nf_policy_set *s)
{
    free(s->rows);
    s->rows = NULL;
    s->n = 0;
}

gm_nf_policy nf_policy_for(const nf_policy_set *s, const char *unit_path,
                           const struct nf_policy_row **from)
{
    const struct nf_policy_row *best = NULL;
    for (size_t i = 0; i < s->n; i++) {
        size_t len = strlen(s->rows[i].path);
        if (strncmp(unit_path, s->rows[i].path, len) == 0 &&
            (!best || len > strlen(best->path)))
            best = &s->rows[i];
    }
    if (from)
        *from = best;
    return best ? best->policy : national_filing_policy_default();
}

static json_t *policy_json(const char *preset, const gm_nf_policy *p)
{
    char label[32];
    return json_pack("{s:o,s:i,s:b,s:s}", "preset", preset && *preset ? json_string(preset) : json_null(),
                     "days", p->days, "working_days", p->working,
                     "label", national_filing_policy_label(p, label, sizeof label));
}

static json_t *presets_json(void)
{
    size_t n;
    const gm_nf_preset *ps = national_filing_presets(&n);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_pack("{s:s,s:s,s:i,s:b}", "name", ps[i].name, "label",
                                           ps[i].label, "days", ps[i].policy.days,
                                           "working_days", ps[i].policy.working));
    return a;
}

/* The policy of the unit at path as JSON (unit_id, inherited_from…). */
static json_t *effective_json(db *d, const nf_policy_set *s, const gm_unit *u)
{
    const struct nf_policy_row *from = NULL;
    gm_nf_policy p = nf_policy_for(s, u->path, &from);
    size_t n;
    json_t *o = policy_json(from ? from->preset : national_filing_presets(&n)[0].name, &p);
    gm_unit src;
    json_object_set_new(o, "unit_id", json_integer(u->id));
    json_object_set_new(o, "own", json_boolean(from && from->unit_id == u->id));
    json_object_set_new(o, "inherited_from", from && from->unit_id != u->id
                                                 ? json_integer(from->unit_id) : json_null());
    json_object_set_new(o, "inherited_from_name",
                        from && from->unit_id != u->id && !units_get(d, from->unit_id, &src, NULL)
                            ? json_string(src.name) : json_null());
    return o;
}

int nf_policy_json(db *d, long long unit_id, json_t **out, gm_err *err)
{
    gm_unit u;
    nf_policy_set s;
    int rc = units_get(d, unit_id, &u, err);
    if (!rc)
        rc = nf_policies_load(d, &s, err);
    if (rc)
        return rc;
    json_t *o = effective_json(d, &s, &u);
    nf_policies_free(&s);
    json_object_set_new(o, "presets", presets_json());
    *out = o;
    return GM_OK;
}

static int write_policy(db *d, long long unit_id, const char *preset, const gm_nf_policy *p,
                        const char *login, gm_err *err)
{
    char now[GM_ISO_LEN];
    clock_iso_from_now(now, 0);
    return db_exec(d, err,
                   "INSERT INTO national_filing_policies(unit_id,preset,days,working,updated_at,"
                   "updated_by) VALUES(?,?,?,?,?,?) ON CONFLICT(unit_id) DO UPDATE SET "
                   "preset=excluded.preset,days=excluded.days,working=excluded.working,"
                   "updated_at=excluded.updated_at,updated_by=excluded.updated_by",
                   "itiitt", unit_id, preset, (long long)p->days, (long long)p->working, now, login);
}

static int put_in_tx(db *d, const gm_actor *who, const gm_unit *u, const char *preset,
                     const gm_nf_policy *p, int reset, gm_err *err)
{
    nf_policy_set s;
    int rc = nf_policies_load(d, &s, err);
    if (rc)
        return rc;
    json_t *before = effective_json(d, &s, u);
    nf_policies_free(&s);
    rc = reset ? db_exec(d, err, "DELETE FROM national_filing_policies WHERE unit_id=?", "i", u->id)
               : write_policy(d, u->id, preset, p, who->login, err);
    if (!rc)
        rc = nf_policies_load(d, &s, err);
    if (rc) {
        json_decref(before);
        return rc;
    }
    json_t *after = effective_json(d, &s, u);
    nf_policies_free(&s);
    return audit_append_json(d, who, "national_filing.policy", "unit", u->id, before, after, err);
}

int nf_policy_put(db *d, const gm_actor *who, long long unit_id, const char *preset,
                  const gm_nf_policy *custom, int reset, gm_err *err)
{
    gm_nf_policy p = {0, 1};
    const gm_nf_preset *ps = preset ? national_filing_preset(preset) : NULL;
    if (!reset && preset && !ps)
        return gm_fail(err, GM_E_INVALID, "preset", "未知的报送期限预设“%s”", preset);
    if (!reset && !ps && !custom)
        return gm_fail(err, GM_E_INVALID, "days", "请选择预设,或填写报送期限天数");
    if (ps)
        p = ps->policy;
    else if (custom)
        p = *custom;
    int rc = reset ? GM_OK : national_filing_policy_validate(&p, err);
    gm_unit u;
    if (!rc)
        rc = units_get(d, unit_id, &u, err);
    if (!rc)
        rc = db_begin(d, err);
    if (rc)
        return rc;
    return db_end(d, put_in_tx(d, who, &u, ps ? ps->name : NULL, &p, reset, err), err);
}
