/*
 * main.c - the govmedia program: dispatches to one subcommand per file.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/store.h"

/* The release number; bump it with each release tag. */
#define GM_VERSION "0.1.0"

#include <stdio.h>
#include <getopt.h>
#include <string.h>

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"init", cmd_init, "创建或迁移数据库(--demo 写入演示数据)"},
    {"serve", cmd_serve, "启动控制台和 API 服务"},
    {"user", cmd_user, "用户管理:add | list | passwd | grant | revoke | disable | enable | end-sessions"},
    {"unit", cmd_unit, "单位管理:add | list"},
    {"audit", cmd_audit, "审计日志:verify | list | anchor | keygen"},
    {"backup", cmd_backup, "在线备份数据库"},
    {"check", cmd_check, "合规检查:违禁词、字数、个人信息、媒体文件、转载来源"},
    {"routes", cmd_routes, "列出所有 API 路由及所需权限"},
    {"account", cmd_account, "账号管理:list | show | apply | approve | open | file | close | ..."},
    {"post", cmd_post, "稿件先审后发:list | show | create | submit | approve | reject | preview | publish"},
    {"calendar", cmd_calendar, "工作日历:list | load"},
    {"jobs", cmd_jobs, "定时任务:list | log | run"},
    {"message", cmd_message, "网民留言:import | list | escalate | figures"},
    {"publication", cmd_publication, "导入站外发布记录:import"},
    {"report", cmd_report, "报表:activity | zombies | weekly | assessment | accounts | reviews"},
    {"vault", cmd_vault, "凭据保管:rekey(更换密钥,重新加密保管的登录凭据)"},
};

static void usage(FILE *out)
{
    fprintf(out, "用法:govmedia <子命令> [选项]\n\n子命令:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n每个子命令都支持 --help。govmedia --version 显示版本。\n");
}

/* The release and the database schema this binary needs. */
static void print_version(void)
{
    printf("govmedia %s(数据库结构版本 %d)\n", GM_VERSION, store_schema_required());
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        print_version();
        return 0;
    }
    opterr = 0;   /* getopt's own messages are English: each command names the option itself */
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            cli_note_args(argc - 1, argv + 1);
            int rc = cli_args_utf8(commands[i].name, argc - 1, argv + 1);
            return rc ? rc : commands[i].run(argc - 1, argv + 1);
        }
    fprintf(stderr, "govmedia:未知的子命令“%s”\n\n", argv[1]);
    usage(stderr);
    return 2;
}
