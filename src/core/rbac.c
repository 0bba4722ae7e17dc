/*
 * rbac.c - the role -> permission table and the decision function.
 *
 * The table is the single statement of REQUIREMENTS.md's role list; the
 * HTTP router asks rbac_allows() for every route and handlers ask it again
 * with the unit of the object they touch.
 */
#include "core/rbac.h"

#include <string.h>

#define P(x) (1ull << (x))

/* Public messages, incidents, duty and meetings [REQUIREMENTS §4, §5]:
 * every role of a unit logs and answers messages (the contributor logs
 * them); heads and leaders extend deadlines, hide malicious comments,
 * handle incidents and keep the duty roster; the supervisor (信息中心)
 * assigns, sets the rules and the response plan. */
#define MSG_UNIT (P(PERM_MESSAGE_READ) | P(PERM_MESSAGE_HANDLE) | P(PERM_MEETING_WRITE))
#define MSG_LEAD (MSG_UNIT | P(PERM_MESSAGE_MODERATE) | P(PERM_INCIDENT_MANAGE) | P(PERM_DUTY_WRITE))

static const struct {
    const char *name;
    const char *label_zh;
    unsigned long long perms;   /* one bit per gm_perm (fewer than 64) */
} roles[ROLE_COUNT] = {
    [ROLE_CONTRIBUTOR] = {"contributor", "信息员",
        P(PERM_UNIT_READ) | P(PERM_CHECK_RUN) | P(PERM_ACCOUNT_READ) | P(PERM_ACCOUNT_APPLY) |
        P(PERM_ACCOUNT_REPORT) | MSG_UNIT |
        P(PERM_POST_READ) | P(PERM_POST_WRITE)},
    [ROLE_DEPARTMENT_HEAD] = {"department_head", "部门负责人",
        P(PERM_UNIT_READ) | P(PERM_CHECK_RUN) | P(PERM_ACCOUNT_READ) | P(PERM_ACCOUNT_APPLY) |
        P(PERM_ACCOUNT_REPORT) |
        MSG_LEAD |
        P(PERM_POST_READ) | P(PERM_POST_WRITE) | P(PERM_POST_REVIEW)},
    [ROLE_LEADER] = {"leader", "分管领导",
        P(PERM_UNIT_READ) | P(PERM_CHECK_RUN) | P(PERM_ACCOUNT_READ) | P(PERM_ACCOUNT_APPLY) |
        P(PERM_ACCOUNT_REPORT) |
        MSG_LEAD |
        P(PERM_POST_READ) | P(PERM_POST_WRITE) | P(PERM_POST_REVIEW)},
    [ROLE_PRINCIPAL] = {"principal", "主要负责人",
        P(PERM_UNIT_READ) | P(PERM_CHECK_RUN) | P(PERM_ACCOUNT_READ) | P(PERM_ACCOUNT_APPLY) |
        P(PERM_ACCOUNT_REPORT) |
        MSG_LEAD |
        P(PERM_POST_READ) | P(PERM_POST_WRITE) | P(PERM_POST_REVIEW)},
    [ROLE_OPERATOR] = {"operator", "运维管理员",
        P(PERM_UNIT_READ) | P(PERM_CHECK_RUN) | P(PERM_ACCOUNT_READ) | P(PERM_ACCOUNT_APPLY) |
        P(PERM_ACCOUNT_OPERATE) | P(PERM_ACCOUNT_REPORT) |
        MSG_UNIT |
        P(PERM_POST_READ) | P(PERM_POST_WRITE) | P(PERM_POST_PUBLISH)},
    [ROLE_SUPERVISOR] = {"supervisor", "信息中心(归口管理)",
        P(PERM_UNIT_READ) | P(PERM_USER_READ) | P(PERM_AUDIT_READ) | P(PERM_CHECK_RUN) |
        P(PERM_ACCOUNT_READ) | P(PERM_ACCOUNT_APPLY) | P(PERM_ACCOUNT_APPROVE) |
        P(PERM_ACCOUNT_OPERATE) | P(PERM_ACCOUNT_REVIEW) | P(PERM_ACCOUNT_CLOSE) |
        P(PERM_NOTIFY_ADMIN) | MSG_LEAD | P(PERM_MESSAGE_ADMIN) |
        P(PERM_POST_READ) | P(PERM_POST_WRITE) | P(PERM_PUBLISH_GRANT) | P(PERM_POST_RECHECK)},
    [ROLE_ADMIN] = {"admin", "系统管理员",
        P(PERM_UNIT_READ) | P(PERM_UNIT_WRITE) | P(PERM_USER_READ) | P(PERM_USER_WRITE) |
        P(PERM_AUDIT_READ) | P(PERM_CHECK_RUN) | P(PERM_LEXICON_ADMIN) | P(PERM_ACCOUNT_READ) |
        P(PERM_CALENDAR_ADMIN) | P(PERM_NOTIFY_ADMIN) | P(PERM_MESSAGE_READ) |
        P(PERM_POST_READ) | P(PERM_POLICY_ADMIN) | P(PERM_POST_RECHECK) | P(PERM_JOB_RUN)},
    [ROLE_OBSERVER] = {"observer", "监督检查",
        P(PERM_UNIT_READ) | P(PERM_USER_READ) | P(PERM_AUDIT_READ) | P(PERM_ACCOUNT_READ) |
        P(PERM_MESSAGE_READ) |
        P(PERM_POST_READ) | P(PERM_POST_RECHECK)},
};

static const char *const perm_names[PERM_COUNT] = {
    "public", "logged_in", "unit.read", "unit.write", "user.read", "user.write",
    "audit.read", "check.run", "lexicon.admin", "account.read", "account.apply",
    "account.approve", "account.operate", "account.report", "account.review",
    "account.close", "calendar.admin", "notify.admin", "message.read", "message.handle",
    "message.moderate", "message.admin", "incident.manage", "duty.write", "meeting.write",
    "post.read", "post.write", "post.review", "post.publish", "publish.grant", "policy.admin",
    "post.recheck", "job.run",
};

/* For people: messages name a missing permission in Chinese (the console's
 * labels.js "permission" table says the same). */
static const char *const perm_labels[PERM_COUNT] = {
    "公开", "登录", "查看单位", "管理单位", "查看用户", "管理用户",
    "查看审计日志", "合规检查", "词库管理", "查看账号", "申请开设账号",
    "审批账号", "账号运维(开通、认证、备案、变更)", "提交年审报告", "年度审核",
    "注销与合并账号", "工作日历管理", "群机器人管理", "查看留言", "办理留言",
    "留言管理(延期、屏蔽)", "留言与舆情规则管理", "舆情处置", "值班排班", "例会培训登记",
    "查看稿件", "撰写稿件", "审核稿件", "发布稿件", "授予发布权限", "审核流程设置",
    "回溯检查", "立即运行定时任务",
};

int role_from_name(const char *name)
{
    for (int r = 0; r < ROLE_COUNT; r++)
        if (name && strcmp(name, roles[r].name) == 0)
            return r;
    return -1;
}

const char *role_name(gm_role role) { return role < ROLE_COUNT ? roles[role].name : "?"; }
const char *role_label_zh(gm_role role) { return role < ROLE_COUNT ? roles[role].label_zh : "?"; }
const char *perm_name(gm_perm perm) { return perm < PERM_COUNT ? perm_names[perm] : "?"; }
const char *perm_label_zh(gm_perm perm) { return perm < PERM_COUNT ? perm_labels[perm] : "?"; }

bool role_has_perm(gm_role role, gm_perm perm)
{
    if (perm == PERM_PUBLIC || perm == PERM_LOGGED_IN)
        return true;
    return role < ROLE_COUNT && (roles[role].perms & P(perm)) != 0;
}

bool role_reaches_subtree(gm_role role)
{
    return role == ROLE_SUPERVISOR || role == ROLE_ADMIN || role == ROLE_OBSERVER;
}

bool grant_covers(const gm_grant *g, const char *unit_path)
{
    size_t n = strlen(g->unit_path);
    if (role_reaches_subtree(g->role))
        return strncmp(unit_path, g->unit_path, n) == 0;
    return strcmp(unit_path, g->unit_path) == 0;
}

bool rbac_allows(const gm_grant *grants, size_t n, gm_perm perm, const char *unit_path)
{
    /* The router has already established a session for PERM_LOGGED_IN. */
    if (perm == PERM_PUBLIC || perm == PERM_LOGGED_IN)
        return true;
    for (size_t i = 0; i < n; i++) {
        if (!role_has_perm(grants[i].role, perm))
            continue;
        if (!unit_path || grant_covers(&grants[i], unit_path))
            return true;
    }
    return false;
}

bool rbac_works_inside(const gm_grant *grants, size_t n, gm_perm perm, const char *unit_path)
{
    size_t len = strlen(unit_path);
    for (size_t i = 0; i < n; i++)
        if (role_has_perm(grants[i].role, perm) && strncmp(grants[i].unit_path, unit_path, len) == 0)
            return true;
    return false;
}
