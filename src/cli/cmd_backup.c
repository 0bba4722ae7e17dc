/*
 * cmd_backup.c - `govmedia backup --db PATH --out FILE`: an online copy
 * taken with SQLite's backup API while the server may be running, then
 * opened and checked (schema version and audit chain) before success.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/audit.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

static void usage(void)
{
    printf("用法:govmedia backup --db PATH --out FILE\n"
           "  在线备份数据库(服务运行中也可以),并校验备份能打开、审计链完整。\n");
}

static int verify_copy(const char *out, gm_err *err, audit_verdict *v)
{
    db *copy;
    int rc = store_open(&copy, out, err);
    if (!rc)
        rc = store_require_current(copy, err);
    if (!rc)
        rc = audit_verify(copy, v, err);
    db_close(copy);
    return rc;
}

int cmd_backup(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"out", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *path = NULL, *out = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'o') out = optarg;
        else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("backup", argv);
    }
    if (!out)
        return cli_usage_error("backup", "缺少 --out FILE");
    if (access(out, F_OK) == 0)
        return cli_usage_error("backup", "目标文件 %s 已存在,不会覆盖", out);
    db *d;
    int rc = cli_open_db("backup", path, &d);
    if (rc)
        return rc;
    gm_err err;
    audit_verdict v;
    rc = db_backup(d, out, &err);
    db_close(d);
    if (!rc)
        rc = verify_copy(out, &err, &v);
    if (rc)
        return cli_report("backup", &err);
    if (!v.ok) {
        fprintf(stderr, "govmedia backup:备份已写入 %s,但审计链在第 %lld 行断开:%s\n", out, v.bad_row,
                v.reason);
        return 1;
    }
    printf("备份完成:%s(审计记录 %lld 条,哈希链完整)\n", out, v.rows);
    return 0;
}
