/*
 * demo.h - the demo organisation written by `govmedia init --demo`.
 */
#ifndef GM_CLI_DEMO_H
#define GM_CLI_DEMO_H

#include <stdio.h>
#include "store/db.h"

#define DEMO_PASSWORD "govmedia-demo-2026"

/* Writes demo units and one user per role (each its own transaction). */
int demo_populate(db *d, gm_err *err);
/* Demo accounts of the education and health departments (demo_accounts.c). */
struct gm_actor;
int demo_accounts(db *d, const struct gm_actor *who, long long education, long long health,
                  gm_err *err);
/* Authorises the demo operator on the unit's accounts (demo_posts.c). */
int demo_publish_grants(db *d, const struct gm_actor *who, long long unit, gm_err *err);
/* Demo routing rule, response plan, duty roster and meetings (demo_interaction.c). */
int demo_interaction(db *d, const struct gm_actor *who, long long city, long long education,
                     long long health, gm_err *err);
/* Prints the demo logins, one per line. */
void demo_print_logins(FILE *out);

#endif
