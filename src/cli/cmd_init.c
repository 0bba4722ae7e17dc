/*
 * cmd_init.c - `govmedia init --db PATH [--demo]`: create a database or
 * migrate an existing one forward (never losing data), optionally with the
 * demo organisation.
 */
#include "cli/cli.h"
#include "cli/demo.h"
#include "cli/opts.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(void)
{
    printf("用法:govmedia init --db PATH [--demo]\n"
           "  创建数据库,或把已有数据库迁移到当前版本(不会丢失数据)。\n"
           "  --demo  数据库为空时写入演示单位和演示用户\n");
}

static int has_units(db *d, gm_err *err, int *yes)
{
    long long n = 0;
    int rc = db_query_int(d, &n, err, "SELECT COUNT(*) FROM units", "");
    *yes = n > 0;
    return rc;
}

int cmd_init(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"demo", no_argument, 0, 'm'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *path = NULL;
    int demo = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'm') demo = 1;
        else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("init", argv);
    }
    if (!path)
        return cli_usage_error("init", "缺少 --db PATH");
    if (optind < argc)
        return cli_usage_error("init", "多余的参数“%s”", argv[optind]);
    db *d;
    gm_err err;
    int applied = 0, populated = 0, version = 0;
    if (store_open(&d, path, &err))
        return cli_report("init", &err);
    int rc = store_migrate(d, &applied, &err);
    if (!rc)
        rc = store_schema_version(d, &version, &err);
    if (!rc && demo)
        rc = has_units(d, &err, &populated);
    if (!rc && demo && !populated)
        rc = demo_populate(d, &err);
    db_close(d);
    if (rc)
        return cli_report("init", &err);
    printf("数据库 %s:结构版本 %d(本次迁移 %d 步)\n", path, version, applied);
    if (demo && populated)
        printf("数据库已有单位数据,未写入演示数据。\n");
    else if (demo)
        demo_print_logins(stdout);
    return 0;
}
