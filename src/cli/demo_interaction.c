/*
 * demo_interaction.c - demo settings for public messages, incidents, duty
 * and meetings (`govmedia init --demo`): a routing rule (疫苗 → 卫健局), the
 * response-plan chain of 示范县教育局, its duty roster for the coming
 * weekend (Sunday without a leader, so the gap shows), and its 2026
 * meetings with March's monthly meeting missing.  No demo messages: the
 * statistics and assessment demo figures start from an empty message log.
 */
#include "cli/demo.h"
#include "core/instant.h"
#include "store/duty.h"
#include "store/incidents.h"
#include "store/meetings.h"
#include "store/message_rules.h"

#include <stdio.h>
#include <time.h>

static long long user_of(db *d, const char *login)
{
    long long id = 0;
    db_query_int(d, &id, NULL, "SELECT id FROM users WHERE login=?", "t", login);
    return id;
}

static int demo_chain(db *d, const gm_actor *who, long long education, gm_err *err)
{
    json_t *steps = json_pack("[{s:s,s:I,s:s,s:i},{s:s,s:I,s:s,s:i},{s:s,s:I,s:s,s:i}]",
        "name", "办公室主任 张华", "user_id", (json_int_t)user_of(d, "depthead"), "min_level", "较大", "ack_minutes", 30,
        "name", "分管副局长 赵强", "user_id", (json_int_t)user_of(d, "leader"), "min_level", "较大", "ack_minutes", 60,
        "name", "局长 陈刚", "user_id", (json_int_t)user_of(d, "principal"), "min_level", "重大", "ack_minutes", 30);
    int rc = incident_chain_set(d, who, education, steps, err);
    json_decref(steps);
    return rc;
}

/* The coming Saturday and Sunday (China time): a full shift, then no leader. */
static int demo_duty(db *d, const gm_actor *who, long long education, gm_err *err)
{
    gm_date today = instant_cst_day((gm_instant)time(NULL)), sat = today;
    while (date_weekday(sat) != 6)
        sat++;
    char s1[GM_DATE_TEXT_SIZE], s2[GM_DATE_TEXT_SIZE];
    date_format(sat, s1);
    date_format(sat + 1, s2);
    gm_shift_in shifts[] = {{education, s1, "赵强", "0571-87654321", 1},
                            {education, s1, "刘洋", "13900139000", 0},
                            {education, s2, "李明", "13700137000", 0}};
    long long id;
    int rc = GM_OK;
    for (size_t i = 0; !rc && i < sizeof shifts / sizeof shifts[0]; i++)
        rc = duty_add(d, who, &shifts[i], &id, err);
    return rc;
}

static int demo_meetings(db *d, const gm_actor *who, long long education, gm_err *err)
{
    static const char *const monthly[] = {"2026-01-05", "2026-02-02", "2026-04-01", "2026-05-06",
                                          "2026-06-01", "2026-07-01", "2026-08-03", "2026-09-01",
                                          "2026-10-09"};
    json_t *people = json_pack("[s,s,s,s]", "陈刚", "赵强", "张华", "李明");
    long long id;
    int rc = GM_OK;
    for (size_t i = 0; !rc && i < sizeof monthly / sizeof monthly[0]; i++) {
        char title[40];
        snprintf(title, sizeof title, "%d 月新媒体工作例会", (int)(monthly[i][5] - '0') * 10 + (monthly[i][6] - '0'));
        gm_meeting_in m = {education, monthly[i], "monthly", title,
                           "传达上级有关精神;通报上月发布与留言办理情况;策划本月选题。", people};
        rc = meetings_add(d, who, &m, &id, err);
    }
    gm_meeting_in training = {education, "2026-05-20", "training", "政务新媒体内容审核与舆情应对培训",
                              "讲解先审后发、九不准和舆情分级处置流程。", people};
    if (!rc)
        rc = meetings_add(d, who, &training, &id, err);
    json_decref(people);
    return rc;
}

int demo_interaction(db *d, const gm_actor *who, long long city, long long education,
                     long long health, gm_err *err)
{
    gm_rule_in rule = {city, health, 100, "疫苗", NULL};
    long long id;
    int rc = message_rule_add(d, who, &rule, &id, err);
    if (!rc)
        rc = demo_chain(d, who, education, err);
    if (!rc)
        rc = demo_duty(d, who, education, err);
    return rc ? rc : demo_meetings(d, who, education, err);
}
