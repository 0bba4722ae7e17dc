/*
 * field_label.c - Chinese names of API fields (see field_label.h).
 */
#include "util/field_label.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name, *label;
} labels[] = {
    {"body", "请求体"}, {"name", "名称"}, {"platform", "平台"}, {"host_unit", "主办单位"},
    {"date", "日期"}, {"responsible", "负责人"}, {"admin", "管理员"}, {"title", "标题"},
    {"office_phone", "办公电话"}, {"mobile", "手机号码"}, {"qq", "QQ 号"}, {"wechat", "微信号"},
    {"purpose", "申请说明"}, {"exception_reason", "例外理由"}, {"login", "登录名"},
    {"password", "密码"}, {"display_name", "姓名"}, {"roles", "角色"}, {"role", "角色"},
    {"unit_id", "单位"}, {"text", "正文"}, {"reason", "理由"}, {"note", "备注"},
    {"created_on", "账号创建日期"}, {"followers", "关注人数"}, {"introduction", "简介"},
    {"platform_account_id", "平台账号 ID"}, {"as_of", "统计日期"}, {"limit", "条数"},
    {"before", "起始编号"}, {"overdue", "逾期类型"}, {"state", "状态"}, {"status", "状态"},
    {"kind", "类型"}, {"q", "搜索内容"}, {"late", "超期环节"},
    {"parent_id", "上级单位"}, {"year", "年度"}, {"month", "月份"},
    {"into", "合并到的账号"}, {"moved", "迁移内容"}, {"repost_source", "转载来源"},
    {"disclosure_type", "依法公开类型"}, {"disclosure_basis", "法律依据"},
    {"days", "天数"}, {"working_days", "按工作日计"}, {"inherit", "沿用上级设置"},
    {"event", "事项"},
    {"attachment_name", "附件名"}, {"attachment_base64", "附件"}, {"page", "页码"},
    {"page_size", "每页条数"}, {"url", "地址"}, {"secret", "密钥"}, {"enabled", "启用"},
    {"responsible.name", "负责人姓名"}, {"responsible.title", "负责人职务"},
    {"responsible.office_phone", "负责人办公电话"}, {"responsible.mobile", "负责人手机号码"},
    {"admin.name", "管理员姓名"}, {"admin.title", "管理员职务"},
    {"admin.office_phone", "管理员办公电话"}, {"admin.mobile", "管理员手机号码"},
    {"admin.qq", "管理员 QQ 号"}, {"admin.wechat", "管理员微信号"},
    /* messages, incidents, duty, meetings */
    {"account_id", "账号"}, {"account_ids", "账号"}, {"received_at", "收到时间"}, {"from", "留言人"},
    {"channel", "渠道"}, {"external_id", "平台留言编号"}, {"message_id", "留言"}, {"at", "时间"},
    {"promised_at", "承诺办结时间"}, {"result", "办理结果"}, {"until", "延期至"},
    {"first_response_hours", "首次响应时限(小时)"}, {"first_response_same_day", "当天首次响应"},
    {"answer_working_days", "答复期限(工作日)"}, {"answer_max_working_days", "答复最长期限(工作日)"},
    {"overdue_days", "超期天数"}, {"keyword", "关键词"}, {"priority", "优先级"},
    {"target_unit_id", "责任单位"}, {"scope_unit_id", "适用单位"}, {"user_id", "用户"},
    {"level", "等级"}, {"levels", "等级"}, {"step", "步骤"}, {"steps", "步骤"},
    {"filed_on", "报送日期"}, {"reference", "报送编号"}, {"expires_at", "授权截止时间"}, {"request_id", "申请编号"},
    {"day", "日期"}, {"person", "值班人员"}, {"leader", "带班领导"}, {"phone", "电话"},
    {"held_on", "会议日期"}, {"attendees", "参会人员"}, {"minutes", "纪要"}, {"columns", "列对应"},
    /* posts, lists, reports, jobs */
    {"preset", "审核流程"}, {"major", "重要稿件"}, {"major_extra", "重要稿件加审"},
    {"mass_send", "群发"}, {"override_reason", "放行理由"}, {"platform_post_id", "平台稿件编号"},
    {"posts", "稿件"}, {"summary", "摘要"}, {"length_preset", "字数规则"}, {"source", "来源"}, {"confidentiality", "保密审查"},
    {"term", "词条"}, {"wrong", "错误写法"}, {"correct", "正确写法"}, {"corrects", "正确写法"},
    {"category", "类别"}, {"severity", "严重程度"}, {"add", "新增"}, {"remove", "删除"},
    {"replace", "替换"}, {"set", "设置"}, {"version", "版本"}, {"policy", "规则"},
    {"indicators", "考核指标"}, {"work_hours", "工作时间"}, {"job", "任务"}, {"id", "编号"},
};

static const char *label_of(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strlen(labels[i].name) == n && strncmp(labels[i].name, name, n) == 0)
            return labels[i].label;
    return NULL;
}

/* Appends one segment "name" or "name[3]". */
static size_t append_segment(const char *seg, size_t n, char *out, size_t used, size_t cap)
{
    const char *bracket = memchr(seg, '[', n);
    size_t name_len = bracket ? (size_t)(bracket - seg) : n;
    const char *label = label_of(seg, name_len);
    int k = label ? snprintf(out + used, cap - used, "%s%s", used ? "的" : "", label)
                  : snprintf(out + used, cap - used, "%s%.*s", used ? "." : "", (int)name_len, seg);
    used += k > 0 ? (size_t)k : 0;
    if (bracket && used < cap) {
        k = snprintf(out + used, cap - used, "第%ld项", strtol(bracket + 1, NULL, 10) + 1);
        used += k > 0 ? (size_t)k : 0;
    }
    return used < cap ? used : cap - 1;
}

const char *field_label(const char *field, char *out, size_t cap)
{
    size_t used = 0;
    const char *whole = field ? label_of(field, strlen(field)) : NULL;
    if (whole) {
        snprintf(out, cap, "%s", whole);
        return out;
    }
    out[0] = '\0';
    for (const char *p = field ? field : ""; *p && used + 1 < cap;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        used = append_segment(p, n, out, used, cap);
        p = dot ? dot + 1 : p + n;
    }
    return out;
}
