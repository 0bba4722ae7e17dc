/*
 * cmd_post.c - `govmedia post ...`: the review-before-publish workflow for
 * scripts.  Every workflow step acts AS a user (--as LOGIN) with that
 * user's grants, so the same rules apply as over HTTP (the author never
 * approves, only the level's role approves, only an authorised operator
 * publishes); the audit row records the user with address "cli".
 * Results are printed as JSON (the API's shapes).
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "check/check.h"
#include "http/post_input.h"
#include "store/calendars.h"
#include "store/post_publish.h"
#include "store/post_query.h"
#include "store/post_review.h"
#include "store/posts.h"
#include "store/units.h"
#include "store/users.h"
#include "util/clock.h"
#include "util/file.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    printf("用法:\n"
           "  govmedia post list    --db PATH [--state S] [--q 文本] [--as LOGIN]\n"
           "  govmedia post show    --db PATH --id N [--history]\n"
           "  govmedia post create  --db PATH --as LOGIN --input 稿件.json\n"
           "       [--disclosure punishment|mandatory --basis 法律依据]\n"
           "       (JSON 与 API 相同:{\"title\",\"body\",\"account_ids\":[…],\"major\",\"repost_source\",\n"
           "        \"disclosure_type\",\"disclosure_basis\"});依法公开:punishment 惩戒公示、\n"
           "        mandatory 强制性信息披露,须写明法律依据,其个人信息提示不再需要审核人说明理由\n"
           "  govmedia post submit  --db PATH --as LOGIN --id N\n"
           "  govmedia post approve --db PATH --as LOGIN --id N [--note 文本] [--override 理由]\n"
           "                        [--confidential]   终审须确认保密审查\n"
           "  govmedia post reject  --db PATH --as LOGIN --id N --reason 文本\n"
           "  govmedia post preview --db PATH --as LOGIN --id N --account N\n"
           "  govmedia post publish --db PATH --as LOGIN --id N --account N [--url URL]\n"
           "                        [--platform-id ID] [--mass-send] [--at ISO时间]\n"
           "  退出码:0 成功;1 无权限或合规检查发现禁止内容(submit);2 用法或输入错误、状态冲突。\n");
}

typedef struct post_opts {
    const char *db, *as, *input, *state, *q, *note, *override, *reason, *url, *ppid, *at;
    const char *disclosure, *basis;
    long long id, account;
    int confidential, mass_send, history;
} post_opts;

static int parse_opts(int argc, char **argv, post_opts *o)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},       {"as", required_argument, 0, 'a'},
        {"input", required_argument, 0, 'I'},    {"state", required_argument, 0, 's'},
        {"q", required_argument, 0, 'q'},        {"note", required_argument, 0, 'n'},
        {"override", required_argument, 0, 'o'}, {"reason", required_argument, 0, 'r'},
        {"url", required_argument, 0, 'u'},      {"platform-id", required_argument, 0, 'P'},
        {"at", required_argument, 0, 't'},       {"id", required_argument, 0, 'i'},
        {"account", required_argument, 0, 'A'},  {"confidential", no_argument, 0, 'c'},
        {"mass-send", no_argument, 0, 'm'},      {"history", no_argument, 0, 'H'},
        {"disclosure", required_argument, 0, 'D'}, {"basis", required_argument, 0, 'B'},
        {"help", no_argument, 0, 'h'},           {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 'a': o->as = optarg; break;
        case 'I': o->input = optarg; break;
        case 's': o->state = optarg; break;
        case 'q': o->q = optarg; break;
        case 'n': o->note = optarg; break;
        case 'o': o->override = optarg; break;
        case 'r': o->reason = optarg; break;
        case 'u': o->url = optarg; break;
        case 'P': o->ppid = optarg; break;
        case 't': o->at = optarg; break;
        case 'D': o->disclosure = optarg; break;
        case 'B': o->basis = optarg; break;
        case 'i':
            if (cli_parse_id(optarg, &o->id))
                return cli_usage_error("post", "--id 应为正整数");
            break;
        case 'A':
            if (cli_parse_id(optarg, &o->account))
                return cli_usage_error("post", "--account 应为正整数");
            break;
        case 'c': o->confidential = 1; break;
        case 'm': o->mass_send = 1; break;
        case 'H': o->history = 1; break;
        case 'h': usage(); return -1;
        default: return cli_bad_option("post", argv);
        }
    }
    return 0;
}

static void print_json(json_t *j)
{
    char *s = json_dumps(j, JSON_INDENT(2));
    if (s)
        puts(s);
    free(s);
    json_decref(j);
}

/* The user --as names, with their grants; the audit trail records them. */
static int load_actor(db *d, const char *login, gm_actor *a, gm_err *err)
{
    gm_user u;
    memset(a, 0, sizeof *a);
    if (!login)
        return gm_fail(err, GM_E_INVALID, "as", "缺少 --as LOGIN(以哪位用户的身份操作)");
    int rc = users_find_by_login(d, login, &u, err);
    if (rc == GM_E_NOTFOUND)
        return gm_fail(err, GM_E_INVALID, "as", "用户 %s 不存在", login);
    if (!rc && u.disabled)
        return gm_fail(err, GM_E_DENIED, "as", "用户 %s 已停用", login);
    if (!rc)
        rc = users_load_grants(d, u.id, a, err);
    a->user_id = u.id;
    snprintf(a->login, sizeof a->login, "%s", u.login);
    snprintf(a->client_addr, sizeof a->client_addr, "cli");
    snprintf(a->role, sizeof a->role, "-");
    return rc;
}

/* The route's permission on the post's unit, as router + request_require_unit do. */
static int require_on_unit(db *d, gm_actor *a, gm_perm perm, long long unit_id, gm_err *err)
{
    gm_unit u;
    int rc = units_get(d, unit_id, &u, err);
    if (!rc && !actor_take_role(a, perm, u.path))
        rc = gm_fail(err, GM_E_DENIED, NULL, "用户 %s 无权对单位“%s”执行此操作(需要“%s”(%s)的权限)",
                     a->login, u.name, perm_label_zh(perm), perm_name(perm));
    return rc;
}

static int require_post(db *d, gm_actor *a, gm_perm perm, long long id, gm_err *err)
{
    gm_post p;
    int rc = posts_get(d, id, &p, err);
    if (rc)
        return rc;
    long long unit = p.unit_id;
    posts_release(&p);
    return require_on_unit(d, a, perm, unit, err);
}

static int show(db *d, long long id, int history, gm_err *err)
{
    char today[11];
    json_t *o;
    clock_today_cst(today);
    int rc = history ? posts_history(d, id, &o, err) : posts_detail(d, id, today, &o, err);
    if (!rc)
        print_json(o);
    return rc;
}

/* The same body as POST /api/v1/posts (post_input.h); --disclosure and
 * --basis, when given, replace the declaration of the file. */
static int create(db *d, gm_actor *a, const post_opts *o, long long *id, gm_err *err)
{
    char *text = NULL;
    size_t len = 0;
    json_t *b = NULL;
    long long ids[POST_MAX_ACCOUNTS], unit = 0;
    post_input in;
    if (!o->input)
        return gm_fail(err, GM_E_INVALID, "input", "缺少 --input 稿件.json");
    int rc = gm_read_file(o->input, 1 << 20, &text, &len, "input", err);
    if (!rc)
        rc = post_input_create(text, len, &b, &in, ids, err);
    free(text);
    if (rc)
        return rc;
    if (o->disclosure || o->basis) {
        in.set_disclosure = 1;
        in.disclosure_type = o->disclosure ? o->disclosure : in.disclosure_type;
        in.disclosure_basis = o->basis ? o->basis : in.disclosure_basis;
    }
    rc = posts_accounts_unit(d, in.account_ids, in.n_accounts, &unit, err);
    if (!rc)
        rc = require_on_unit(d, a, PERM_POST_WRITE, unit, err);
    if (!rc)
        rc = posts_create(d, a, unit, &in, id, err);
    json_decref(b);
    return rc;
}

/* 1 when the submission was blocked by the compliance check. */
static int submit(db *d, gm_actor *a, long long id, gm_err *err)
{
    gm_calendar *cal = NULL;
    gm_checker *c = NULL;
    json_t *findings = NULL;
    int blocked = 0;
    int rc = require_post(d, a, PERM_POST_WRITE, id, err);
    if (!rc)
        rc = calendars_load(d, cli_data_dir(), &cal, err);
    if (!rc)
        rc = gm_checker_load_default(&c, cli_data_dir(), err);
    if (!rc)
        rc = posts_submit(d, a, cal, c, id, &findings, &blocked, err);
    gm_checker_unref(c);
    calendar_free(cal);
    if (rc)
        return rc;
    if (blocked) {
        fprintf(stderr, "govmedia post:合规检查发现禁止发布的内容,稿件仍为草稿\n");
        print_json(json_pack("{s:o}", "findings", findings));
        return 1;
    }
    json_decref(findings);
    return 0;
}

static int step(db *d, gm_actor *a, const char *action, const post_opts *o, gm_err *err)
{
    if (!o->id)
        return gm_fail(err, GM_E_INVALID, "id", "缺少 --id");
    if (strcmp(action, "approve") == 0 || strcmp(action, "reject") == 0) {
        int rc = require_post(d, a, PERM_POST_REVIEW, o->id, err);
        if (rc)
            return rc;
        if (strcmp(action, "reject") == 0)
            return posts_reject(d, a, o->id, o->reason, err);
        gm_calendar *cal = NULL;
        approve_input in = {.note = o->note, .override_reason = o->override,
                            .confidentiality = o->confidential};
        rc = calendars_load(d, cli_data_dir(), &cal, err);
        if (!rc)
            rc = posts_approve(d, a, cal, o->id, &in, err);
        calendar_free(cal);
        return rc;
    }
    int rc = require_post(d, a, PERM_POST_PUBLISH, o->id, err);
    if (rc)
        return rc;
    if (!o->account)
        return gm_fail(err, GM_E_INVALID, "account_id", "缺少 --account");
    if (strcmp(action, "preview") == 0)
        return posts_preview(d, a, o->id, o->account, err);
    json_t *out = NULL;
    publish_input in = {.account_id = o->account, .url = o->url, .platform_post_id = o->ppid,
                        .mass_send = o->mass_send, .at = o->at};
    rc = posts_publish(d, a, o->id, &in, time(NULL), &out, err);
    json_decref(out);
    return rc;
}

static int run(db *d, const char *sub, const post_opts *o, gm_err *err)
{
    gm_actor a;
    long long id = o->id;
    if (strcmp(sub, "show") == 0)
        return o->id ? show(d, o->id, o->history, err)
                     : gm_fail(err, GM_E_INVALID, "id", "缺少 --id");
    if (strcmp(sub, "list") == 0) {
        char today[11];
        json_t *out;
        clock_today_cst(today);
        post_filter f = {.state = o->state, .q = o->q, .today = today, .limit = 500};
        int rc = o->as ? load_actor(d, o->as, &a, err) : GM_OK;
        if (!rc)
            rc = posts_list(d, o->as ? &a : NULL, &f, &out, err);
        if (!rc)
            print_json(out);
        return rc;
    }
    int rc = load_actor(d, o->as, &a, err);
    if (rc)
        return rc;
    if (strcmp(sub, "create") == 0)
        rc = create(d, &a, o, &id, err);
    else if (strcmp(sub, "submit") == 0)
        rc = o->id ? submit(d, &a, o->id, err) : gm_fail(err, GM_E_INVALID, "id", "缺少 --id");
    else if (!strcmp(sub, "approve") || !strcmp(sub, "reject") || !strcmp(sub, "preview") ||
             !strcmp(sub, "publish"))
        rc = step(d, &a, sub, o, err);
    else
        return gm_fail(err, GM_E_INVALID, NULL, "未知的 post 子命令 %s(govmedia post --help)", sub);
    return rc ? rc : show(d, id, 0, err);
}

int cmd_post(int argc, char **argv)
{
    post_opts o = {0};
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage();
        return argc < 2 ? EXIT_USAGE : 0;
    }
    const char *sub = argv[1];
    int rc = parse_opts(argc - 1, argv + 1, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    db *d;
    if ((rc = cli_open_db("post", o.db, &d)) != 0)
        return rc;
    gm_err err;
    gm_err_clear(&err);
    rc = run(d, sub, &o, &err);
    db_close(d);
    return rc > 0 ? rc : rc < 0 ? cli_report("post", &err) : 0;
}
