/*
 * cmd_vault.c - `govmedia vault rekey --db PATH --old-key FILE --new-key FILE`:
 * rotates the credential vault's key (store/vault_rekey.h).  Every held
 * platform login is sealed again under the new key in one transaction, or
 * nothing changes; afterwards point GOVMEDIA_VAULT_KEY at the new file
 * (docs/OPERATIONS.md).  May run while the server runs.
 */
#include "cli/cli.h"
#include "cli/opts.h"
#include "store/vault_rekey.h"

#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void usage(void)
{
    printf("用法:govmedia vault rekey --db PATH --old-key 旧密钥文件 --new-key 新密钥文件\n"
           "  更换凭据保管密钥:用旧密钥打开每个保管的登录凭据,用新密钥重新加密(一次完成,\n"
           "  任何一条打不开则不做修改);完成后把 GOVMEDIA_VAULT_KEY 指向新密钥文件。\n"
           "  新密钥:head -c 32 /dev/urandom > 新密钥文件; chmod 600 新密钥文件\n");
}

static int rekey(const char *path, const char *old_file, const char *new_file)
{
    unsigned char old_key[GM_VAULT_KEY_BYTES], new_key[GM_VAULT_KEY_BYTES];
    gm_err err;
    gm_actor who;
    long long n = 0;
    db *d = NULL;
    int rc = vault_key_load_file(old_file, old_key, &err);
    if (rc)
        snprintf(err.message, sizeof err.message, "旧密钥文件 %s 无法读取或短于 32 字节", old_file);
    if (!rc && (rc = vault_key_load_file(new_file, new_key, &err)) != 0)
        snprintf(err.message, sizeof err.message, "新密钥文件 %s 无法读取或短于 32 字节", new_file);
    if (rc) {
        fprintf(stderr, "govmedia vault:%s\n", err.message);
        return EXIT_USAGE;
    }
    if ((rc = cli_open_db("vault", path, &d)) != 0)
        return rc;
    cli_actor(&who);
    rc = vault_rekey(d, &who, old_key, new_key, &n, &err);
    db_close(d);
    sodium_memzero(old_key, sizeof old_key);
    sodium_memzero(new_key, sizeof new_key);
    if (rc)
        return cli_report("vault", &err);
    printf("已用新密钥重新加密 %lld 个账号的登录凭据;请把 GOVMEDIA_VAULT_KEY 指向 %s 并重启服务,"
           "旧密钥文件确认无用后销毁。\n", n, new_file);
    return 0;
}

int cmd_vault(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"old-key", required_argument, 0, 'o'},
        {"new-key", required_argument, 0, 'n'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *path = NULL, *old_file = NULL, *new_file = NULL;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage();
        return argc < 2 ? EXIT_USAGE : 0;
    }
    if (strcmp(argv[1], "rekey") != 0)
        return cli_usage_error("vault", "未知子命令 %s(可用:rekey)", argv[1]);
    int c;
    optind = 2;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else if (c == 'o') old_file = optarg;
        else if (c == 'n') new_file = optarg;
        else if (c == 'h') { usage(); return 0; }
        else return cli_bad_option("vault", argv);
    }
    if (!old_file || !new_file)
        return cli_usage_error("vault", "缺少 %s", !old_file ? "--old-key 旧密钥文件" : "--new-key 新密钥文件");
    return rekey(path, old_file, new_file);
}
