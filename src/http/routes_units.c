/*
 * routes_units.c - the unit tree over HTTP.
 */
#include "http/json_in.h"
#include "http/route.h"
#include "store/units.h"

static int h_units_list(gm_request *r, gm_err *err)
{
    json_t *arr;
    int rc = units_list(r->db, &r->actor, &arr, err);
    if (rc)
        return rc;
    return reply_json(r, 200, json_pack("{s:o}", "units", arr));
}

static int h_unit_get(gm_request *r, gm_err *err)
{
    gm_unit u;
    int rc = request_require_unit(r, PERM_UNIT_READ, r->ids[0], err);
    if (!rc)
        rc = units_get(r->db, r->ids[0], &u, err);
    if (rc)
        return rc;
    return reply_json(r, 200, unit_to_json(&u));
}

static const json_field unit_fields[] = {
    {"name", JF_STRING, true, 100}, {"kind", JF_STRING, true, 16},
    {"parent_id", JF_INT, true, 0}, {NULL, 0, 0, 0}};

static int h_units_add(gm_request *r, gm_err *err)
{
    json_t *b;
    int rc = json_body_parse(r->body, r->body_len, unit_fields, &b, err);
    if (rc)
        return rc;
    /* New roots are made on the command line only (govmedia unit add). */
    long long parent = json_int_or(b, "parent_id", 0), id = 0;
    rc = request_require_unit(r, PERM_UNIT_WRITE, parent, err);
    if (rc == GM_E_NOTFOUND)
        rc = gm_fail(err, GM_E_INVALID, "parent_id", "上级单位 %lld 不存在", parent);
    if (!rc)
        rc = units_add(r->db, &r->actor, json_str(b, "name"), json_str(b, "kind"), parent, &id, err);
    gm_unit u;
    if (!rc)
        rc = units_get(r->db, id, &u, err);
    json_decref(b);
    return rc ? rc : reply_json(r, 201, unit_to_json(&u));
}

const gm_route gm_routes_units[] = {
    {"GET", "/api/v1/units", PERM_UNIT_READ, h_units_list, 0, "可见的单位列表"},
    {"POST", "/api/v1/units", PERM_UNIT_WRITE, h_units_add, 0, "新建单位"},
    {"GET", "/api/v1/units/{id}", PERM_UNIT_READ, h_unit_get, 0, "单位详情"},
    {NULL, NULL, 0, NULL, 0, NULL},
};
