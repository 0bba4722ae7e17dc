/*
 * cmd_user.c - `govmedia user add|list|passwd|grant|revoke|disable|enable|
 * end-sessions`: local administration
 * of users.  Passwords are read from standard input (one line), never from
 * the command line, so they do not show in the process list or history.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/user_access.h"
#include "store/users.h"
#include "util/clock.h"

#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROLES 16

static void usage(void)
{
    printf("用法:\n"
           "  govmedia user add    --db PATH --login L --name 姓名 --role 角色:单位ID [--role ...]\n"
           "  govmedia user list   --db PATH\n"
           "  govmedia user passwd --db PATH --login L\n"
           "  govmedia user grant  --db PATH --login L --role 角色:单位ID\n"
           "  govmedia user revoke --db PATH --login L --role 角色:单位ID   撤销角色\n"
           "  govmedia user disable --db PATH --login L   停用(并结束其全部会话)\n"
           "  govmedia user enable  --db PATH --login L   启用\n"
           "  govmedia user end-sessions --db PATH --login L   结束其全部会话(强制下线)\n"
           "  重置密码(passwd)同样会结束该用户的全部会话。\n"
           "  密码从标准输入读取一行,例如:echo '新密码至少十位' | govmedia user add ...\n"
           "  角色:contributor department_head leader principal operator supervisor admin observer\n");
}

typedef struct user_args {
    const char *action, *db, *login, *name;
    user_grant roles[MAX_ROLES];
    size_t n_roles;
} user_args;

static int parse_role(const char *s, user_grant *g)
{
    static char buf[MAX_ROLES][64];
    static int next;
    const char *colon = strchr(s, ':');
    if (!colon || (size_t)(colon - s) >= sizeof buf[0])
        return -1;
    char *slot = buf[next++ % MAX_ROLES];
    memcpy(slot, s, (size_t)(colon - s));
    slot[colon - s] = '\0';
    g->role = slot;
    return cli_parse_id(colon + 1, &g->unit_id);
}

static int parse_args(int argc, char **argv, user_args *a)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"login", required_argument, 0, 'l'},
        {"name", required_argument, 0, 'n'}, {"role", required_argument, 0, 'r'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd') a->db = optarg;
        else if (c == 'l') a->login = optarg;
        else if (c == 'n') a->name = optarg;
        else if (c == 'r') {
            if (a->n_roles >= MAX_ROLES || parse_role(optarg, &a->roles[a->n_roles]))
                return cli_usage_error("user", "--role 应为 角色:单位ID,例如 operator:4");
            a->n_roles++;
        } else if (c == 'h') { usage(); return -1; }
        else return cli_bad_option("user", argv);
    }
    return 0;
}

static int read_new_password(char hash[GM_PW_HASH_MAX], gm_err *err)
{
    char pw[256];
    if (cli_read_password(pw, sizeof pw))
        return gm_fail(err, GM_E_INVALID, "password", "没有从标准输入读到密码");
    int rc = password_check_policy(pw, err);
    if (!rc)
        rc = password_hash(pw, hash, err);
    sodium_memzero(pw, sizeof pw);
    return rc;
}

static int do_add(db *d, const user_args *a, const gm_actor *who, gm_err *err)
{
    if (!a->login || !a->name || !a->n_roles)
        return gm_fail(err, GM_E_INVALID, "login", "add 需要 --login、--name 和至少一个 --role");
    char hash[GM_PW_HASH_MAX];
    long long id;
    int rc = user_validate_login(a->login, err);
    if (!rc)
        rc = read_new_password(hash, err);
    if (!rc)
        rc = users_add(d, who, a->login, a->name, hash, a->roles, a->n_roles, &id, err);
    if (!rc)
        printf("已创建用户 %s(ID %lld)\n", a->login, id);
    return rc;
}

static int do_passwd(db *d, const user_args *a, const gm_actor *who, gm_err *err)
{
    gm_user u;
    char hash[GM_PW_HASH_MAX];
    if (!a->login)
        return gm_fail(err, GM_E_INVALID, "login", "passwd 需要 --login");
    int rc = users_find_by_login(d, a->login, &u, err);
    if (!rc)
        rc = read_new_password(hash, err);
    if (!rc)
        rc = users_set_password(d, who, u.id, hash, err);
    if (!rc)
        printf("已修改用户 %s 的密码\n", a->login);
    return rc;
}

static int do_grant(db *d, const user_args *a, const gm_actor *who, gm_err *err)
{
    gm_user u;
    if (!a->login || a->n_roles != 1)
        return gm_fail(err, GM_E_INVALID, "role", "grant 需要 --login 和一个 --role");
    int rc = users_find_by_login(d, a->login, &u, err);
    if (!rc)
        rc = users_grant(d, who, u.id, a->roles[0].unit_id, a->roles[0].role, err);
    if (!rc)
        printf("已授予 %s 角色 %s(单位 %lld)\n", a->login, a->roles[0].role, a->roles[0].unit_id);
    return rc;
}

static int do_revoke(db *d, const user_args *a, const gm_actor *who, gm_err *err)
{
    gm_user u;
    if (!a->login || a->n_roles != 1)
        return gm_fail(err, GM_E_INVALID, "role", "revoke 需要 --login 和一个 --role");
    int rc = users_find_by_login(d, a->login, &u, err);
    if (!rc)
        rc = users_revoke(d, who, u.id, a->roles[0].unit_id, a->roles[0].role, err);
    if (!rc)
        printf("已撤销 %s 的角色 %s(单位 %lld)\n", a->login, a->roles[0].role, a->roles[0].unit_id);
    return rc;
}

/* disable, enable, end-sessions: one user named by --login. */
static int do_access(db *d, const user_args *a, const gm_actor *who, gm_err *err)
{
    gm_user u;
    long long ended = 0;
    if (!a->login)
        return gm_fail(err, GM_E_INVALID, "login", "%s 需要 --login", a->action);
    int rc = users_find_by_login(d, a->login, &u, err);
    if (rc)
        return rc;
    if (strcmp(a->action, "end-sessions") == 0) {
        if (!(rc = users_end_sessions(d, who, u.id, &ended, err)))
            printf("已结束用户 %s 的 %lld 个会话\n", a->login, ended);
        return rc;
    }
    int disable = strcmp(a->action, "disable") == 0;
    if (!(rc = users_set_disabled(d, who, u.id, disable, err)))
        printf(disable ? "已停用用户 %s,其会话已全部结束\n" : "已启用用户 %s\n", a->login);
    return rc;
}

static int do_list(db *d, gm_err *err)
{
    json_t *arr, *u, *r;
    size_t i, j;
    int rc = users_list(d, NULL, &arr, err);
    if (rc)
        return rc;
    json_array_foreach(arr, i, u) {
        printf("%lld\t%s\t%s\t", (long long)json_integer_value(json_object_get(u, "id")),
               json_string_value(json_object_get(u, "login")),
               json_string_value(json_object_get(u, "display_name")));
        json_array_foreach(json_object_get(u, "roles"), j, r)
            printf("%s%s@%lld", j ? "," : "", json_string_value(json_object_get(r, "role")),
                   (long long)json_integer_value(json_object_get(r, "unit_id")));
        const char *locked = json_string_value(json_object_get(u, "locked_until"));
        char cst[GM_CST_LEN];
        clock_iso_to_cst(locked, cst);
        printf("%s%s%s\n", json_is_true(json_object_get(u, "disabled")) ? "\t已停用" : "",
               locked ? "\t曾锁定至 " : "", locked ? cst : "");
    }
    json_decref(arr);
    return 0;
}

int cmd_user(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
            usage();
            return 0;
        }
        return cli_usage_error("user", "缺少动作:add、list、passwd、grant、revoke、disable、enable 或 end-sessions");
    }
    user_args a = {.action = argv[1]};
    int rc = parse_args(argc - 1, argv + 1, &a);
    if (rc)
        return rc < 0 ? 0 : rc;
    const char *act = a.action;
    static const char *const actions[] = {"add", "list", "passwd", "grant", "revoke",
                                          "disable", "enable", "end-sessions", NULL};
    int known = 0;
    for (int i = 0; actions[i]; i++)
        known |= strcmp(act, actions[i]) == 0;
    if (!known)
        return cli_usage_error("user", "未知动作“%s”", act);
    db *d;
    if ((rc = cli_open_db("user", a.db, &d)))
        return rc;
    gm_actor who;
    gm_err err;
    cli_actor(&who);
    rc = strcmp(act, "add") == 0      ? do_add(d, &a, &who, &err)
         : strcmp(act, "passwd") == 0 ? do_passwd(d, &a, &who, &err)
         : strcmp(act, "grant") == 0  ? do_grant(d, &a, &who, &err)
         : strcmp(act, "revoke") == 0 ? do_revoke(d, &a, &who, &err)
         : strcmp(act, "list") == 0   ? do_list(d, &err)
                                      : do_access(d, &a, &who, &err);
    db_close(d);
    return rc ? cli_report("user", &err) : 0;
}
