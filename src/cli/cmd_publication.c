/*
 * cmd_publication.c - `govmedia publication import --db PATH --account ID FILE.csv`:
 * records publications made outside govmedia (store/publication_import.h).
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/publication_import.h"
#include "util/file.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    printf("用法:govmedia publication import --db PATH --account ID FILE.csv\n"
           "  导入在 govmedia 之外发布的内容(用于活跃度统计)。CSV 表头:published_at,title,url,kind\n"
           "  published_at  2026-10-08 或 2026-10-08 09:30 或 ISO-8601,不带时区按北京时间\n"
           "  kind          原创 或 转载\n"
           "  以 url 去重:重复导入同一文件不会重复记录;任何一行有误则整份文件都不导入(退出码 2)。\n");
}

int cmd_publication(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"account", required_argument, 0, 'a'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage();
        return 0;
    }
    if (argc < 2 || strcmp(argv[1], "import") != 0)
        return cli_usage_error("publication", "缺少动作:import");
    const char *path = NULL;
    long long account = 0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'a') {
            if (cli_parse_id(optarg, &account))
                return cli_usage_error("publication", "--account 应为账号 ID(正整数)");
        } else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("publication", argv + 1);
    }
    const char *file = optind < argc - 1 ? argv[1 + optind] : NULL;
    if (!account)
        return cli_usage_error("publication", "缺少 --account ID");
    if (!file)
        return cli_usage_error("publication", "缺少要导入的 CSV 文件");
    db *d;
    int rc = cli_open_db("publication", path, &d);
    if (rc)
        return rc;
    gm_err err;
    char *text = NULL;
    size_t len = 0;
    publication_import_result res;
    gm_actor who;
    cli_actor(&who);
    rc = gm_read_file(file, 64 * 1024 * 1024, &text, &len, "file", &err);
    if (!rc)
        rc = publications_import_csv(d, &who, account, text, len, &res, &err);
    free(text);
    db_close(d);
    if (rc)
        return cli_report("publication", &err);
    printf("已导入 %lld 条发布记录,更新阅读等数据 %lld 条,跳过已有的 %lld 条\n", res.imported,
           res.updated, res.skipped);
    json_decref(res.rows);
    return 0;
}
