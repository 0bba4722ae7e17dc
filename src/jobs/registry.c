/*
 * registry.c - every periodic job of govmedia, one line each.
 *
 * To add a job: write `int job_x(gm_job_ctx *ctx, gm_err *err)` in
 * jobs/job_x.c, declare it in jobs/job_list.h and add its line below:
 * {name ("room.what", stable: the database keys on it), schedule (Beijing
 * time, core/schedule.h), function, Chinese title}.  Changing a schedule
 * text here reschedules the job on the next start.
 */
#include "jobs/job_list.h"

const gm_job_def gm_jobs[] = {
    {"jobs.prune", "daily 03:30", job_prune_runs, "清理 90 天前的任务运行记录"},
    {"audit.anchor", "daily 02:00", job_audit_anchor,
     "发布审计链锚点(链头副本:锚点目录中的文件、信息中心的站内通知与群机器人消息)"},
    {"messages.escalate", "every 15m", job_messages_escalate, "留言超期督办:通知责任部门"},
    {"activity.warnings", "weekly thu 09:00", job_activity_warnings,
     "活跃度预警:通知各单位及信息中心(预警、未达标、两周未更新否决、僵尸账号)"},
    {"incidents.escalate", "every 5m", job_incidents_escalate, "舆情升级:超时未确认的步骤通知下一步"},
    {"duty.gaps", "daily 09:00", job_duty_gaps, "值班缺口提醒(未来 14 天)"},
    {"posts.publish_scheduled", "every 1m", job_posts_publish_scheduled, "登记到时的定时发布并通知运维人员"},
    {"posts.remind", "daily 09:00", job_posts_remind, "提醒超过审核时限的稿件(默认每级 2 个工作日)"},
    {"accounts.remind", "daily 09:00", job_accounts_remind,
     "备案提醒:备案或重新备案今明两天到期或已逾期的账号、逾期的全国系统报送(运维人员;逾期的还有信息中心)"},
    {"reviews.remind", "weekly mon 09:00", job_reviews_remind, "年审提醒:进行中的年审轮次里尚未提交年度报告的账号"},
    {"calendar.next_year", "daily 09:00", job_calendar_next_year,
     "工作日历提醒:11 月起下一年日历未加载时提醒系统管理员(每周一;12 月 15 日起每天)"},
};

const size_t gm_job_count = sizeof gm_jobs / sizeof gm_jobs[0];
