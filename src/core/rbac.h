/*
 * rbac.h - who may do what, where.
 *
 * A user holds grants: (role, unit).  Each role carries a fixed set of
 * permissions (the table in rbac.c, from REQUIREMENTS.md "Users").  A grant
 * applies to its own unit; supervisor, admin and observer grants also reach
 * every unit below it.  Units are identified here by their tree path
 * ("/1/4/9/"), so the decision needs no database.
 */
#ifndef GM_RBAC_H
#define GM_RBAC_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    ROLE_CONTRIBUTOR,
    ROLE_DEPARTMENT_HEAD,
    ROLE_LEADER,
    ROLE_PRINCIPAL,
    ROLE_OPERATOR,
    ROLE_SUPERVISOR,
    ROLE_ADMIN,
    ROLE_OBSERVER,
    ROLE_COUNT
} gm_role;

typedef enum {
    PERM_PUBLIC,            /* no login needed */
    PERM_LOGGED_IN,         /* any valid session */
    PERM_UNIT_READ,
    PERM_UNIT_WRITE,
    PERM_USER_READ,
    PERM_USER_WRITE,
    PERM_AUDIT_READ,
    PERM_CHECK_RUN,
    PERM_LEXICON_ADMIN,
    PERM_ACCOUNT_READ,
    PERM_ACCOUNT_APPLY,
    PERM_ACCOUNT_APPROVE,   /* approve/reject applications, filings, exceptions */
    PERM_ACCOUNT_OPERATE,   /* record opening, certification, filing, changes */
    PERM_ACCOUNT_REPORT,    /* submit the annual report */
    PERM_ACCOUNT_REVIEW,    /* open/close review rounds, pass/fail reports */
    PERM_ACCOUNT_CLOSE,     /* close and merge accounts */
    PERM_CALENDAR_ADMIN,
    PERM_NOTIFY_ADMIN,      /* a unit's group-robot webhooks */
    PERM_MESSAGE_READ,      /* messages, incidents, duty roster, meetings */
    PERM_MESSAGE_HANDLE,    /* log, import, acknowledge, answer messages */
    PERM_MESSAGE_MODERATE,  /* extend a deadline, hide a malicious comment */
    PERM_MESSAGE_ADMIN,     /* assign, routing rules, deadline policy, mappings, response plan */
    PERM_INCIDENT_MANAGE,   /* open, act on, acknowledge, close incidents */
    PERM_DUTY_WRITE,        /* the holiday duty roster */
    PERM_MEETING_WRITE,     /* meetings and training records */
    PERM_POST_READ,         /* posts, their history and the archive */
    PERM_POST_WRITE,        /* draft, edit, submit own posts */
    PERM_POST_REVIEW,       /* approve/reject at a level whose role one holds */
    PERM_POST_PUBLISH,      /* preview and publish on accounts one is authorised for */
    PERM_PUBLISH_GRANT,     /* authorise operators per account (授权发布) */
    PERM_POLICY_ADMIN,      /* units' review policies */
    PERM_POST_RECHECK,      /* re-check the published archive with the current lists (回溯检查) */
    PERM_JOB_RUN,           /* run a scheduled job now (立即运行), system-wide */
    PERM_COUNT
} gm_perm;

typedef struct gm_grant {
    gm_role role;
    char unit_path[128];
} gm_grant;

/* "contributor" -> ROLE_CONTRIBUTOR; -1 when unknown. */
int role_from_name(const char *name);
const char *role_name(gm_role role);
const char *role_label_zh(gm_role role);
const char *perm_name(gm_perm perm);
/* The permission's Chinese name, for messages people read. */
const char *perm_label_zh(gm_perm perm);

bool role_has_perm(gm_role role, gm_perm perm);
/* Supervisor, admin and observer grants reach the subtree of their unit. */
bool role_reaches_subtree(gm_role role);

/* May the holder of these grants use perm somewhere (unit_path NULL) or on
 * the unit with this path? */
bool rbac_allows(const gm_grant *grants, size_t n, gm_perm perm, const char *unit_path);

/* Does a grant carrying perm sit at or below the unit at unit_path?  (A
 * unit inside an annual-review round's scope sees that round.) */
bool rbac_works_inside(const gm_grant *grants, size_t n, gm_perm perm, const char *unit_path);

/* Does one grant cover the unit at unit_path (own unit or, for
 * subtree roles, any unit below)? */
bool grant_covers(const gm_grant *g, const char *unit_path);

#endif
