/*
 * demo.c - a small demo organisation: a province -> city -> county tree with
 * departments, and one user for each role, all with DEMO_PASSWORD.
 */
#include "cli/demo.h"
#include "cli/opts.h"
#include "store/store.h"
#include "store/units.h"
#include "store/users.h"

static const struct {
    const char *name, *kind;
    int parent;     /* index into this table, -1 for the root */
} demo_units[] = {
    {"示范省", "province", -1},
    {"示范市", "city", 0},
    {"示范县", "county", 1},
    {"示范县教育局", "department", 2},
    {"示范县卫生健康局", "department", 2},
    {"示范县教育局办公室", "internal", 3},
};

static const struct {
    const char *login, *name, *role;
    int unit;
} demo_users[] = {
    {"admin", "系统管理员", "admin", 0},
    {"supervisor", "市信息中心 王主任", "supervisor", 1},
    {"contributor", "教育局信息员 李明", "contributor", 3},
    {"depthead", "教育局办公室主任 张华", "department_head", 3},
    {"leader", "教育局分管副局长 赵强", "leader", 3},
    {"principal", "教育局局长 陈刚", "principal", 3},
    {"operator", "教育局新媒体运维 刘洋", "operator", 3},
    {"observer", "省督查室 周敏", "observer", 0},
};

#define COUNT(a) (sizeof a / sizeof a[0])

int demo_populate(db *d, gm_err *err)
{
    gm_actor who;
    cli_actor(&who);
    long long ids[COUNT(demo_units)];
    for (size_t i = 0; i < COUNT(demo_units); i++) {
        long long parent = demo_units[i].parent < 0 ? 0 : ids[demo_units[i].parent];
        int rc = units_add(d, &who, demo_units[i].name, demo_units[i].kind, parent, &ids[i], err);
        if (rc)
            return rc;
    }
    char hash[GM_PW_HASH_MAX];
    int rc = password_hash(DEMO_PASSWORD, hash, err);
    for (size_t i = 0; !rc && i < COUNT(demo_users); i++) {
        user_grant g = {demo_users[i].role, ids[demo_users[i].unit]};
        long long id;
        rc = users_add(d, &who, demo_users[i].login, demo_users[i].name, hash, &g, 1, &id, err);
    }
    if (!rc)
        rc = demo_accounts(d, &who, ids[3], ids[4], err);
    if (!rc)
        rc = demo_publish_grants(d, &who, ids[3], err);
    if (!rc)
        rc = demo_interaction(d, &who, ids[1], ids[3], ids[4], err);
    return rc ? rc : store_meta_set(d, "demo", "1", err);
}

void demo_print_logins(FILE *out)
{
    fprintf(out, "演示账号(密码均为 %s):\n", DEMO_PASSWORD);
    for (size_t i = 0; i < COUNT(demo_users); i++)
        fprintf(out, "  %-12s %-10s %s\n", demo_users[i].login, demo_users[i].role,
                demo_users[i].name);
}
