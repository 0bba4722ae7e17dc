# RBAC expectations for the account registry routes (REQUIREMENTS.md §1 and the
# role table), read by test_rbac_matrix.py.  Written from the requirements, not
# from src/core/rbac.c.
UNIT_ROLES = {"contributor", "depthead", "leader", "principal", "operator"}
SUPERVISOR = {"supervisor"}
OPERATORS = {"operator", "supervisor"}   # the operator records; the 信息中心 may too

# Public messages, incidents, duty, meetings (REQUIREMENTS §4, §5; issue 11):
# every role of a unit logs and answers messages; heads and leaders moderate,
# handle incidents and keep the duty roster; the 信息中心 sets the rules.
HANDLERS = UNIT_ROLES | SUPERVISOR
LEADS = {"depthead", "leader", "principal", "supervisor"}

EXPECTED_EXTRA = {
    ("GET", "/api/v1/accounts"): ALL,
    ("POST", "/api/v1/accounts"): APPLICANTS,            # contributor or above; not the system admin
    ("GET", "/api/v1/accounts/{id}"): ALL,
    ("POST", "/api/v1/accounts/{id}/approve"): SUPERVISOR,
    ("POST", "/api/v1/accounts/{id}/reject"): SUPERVISOR,
    ("POST", "/api/v1/accounts/{id}/open"): OPERATORS,
    ("POST", "/api/v1/accounts/{id}/certify"): OPERATORS,
    ("PUT", "/api/v1/accounts/{id}/qr"): OPERATORS,
    ("GET", "/api/v1/accounts/{id}/qr"): ALL,
    ("POST", "/api/v1/accounts/{id}/file"): OPERATORS,
    ("POST", "/api/v1/accounts/{id}/changes"): OPERATORS,
    ("POST", "/api/v1/accounts/{id}/close"): SUPERVISOR,
    ("POST", "/api/v1/accounts/{id}/merge"): SUPERVISOR,
    ("GET", "/api/v1/accounts/{id}/versions"): ALL,
    ("GET", "/api/v1/accounts/{id}/timeline"): ALL,
    ("GET", "/api/v1/accounts/{id}/can-post"): ALL,
    ("GET", "/api/v1/reviews"): ALL,
    ("POST", "/api/v1/reviews"): SUPERVISOR,
    ("GET", "/api/v1/reviews/{id}"): ALL,
    ("POST", "/api/v1/reviews/{id}/accounts/{id}/report"): UNIT_ROLES,
    ("POST", "/api/v1/reviews/{id}/accounts/{id}/pass"): SUPERVISOR,
    ("POST", "/api/v1/reviews/{id}/accounts/{id}/fail"): SUPERVISOR,
    ("POST", "/api/v1/reviews/{id}/close"): SUPERVISOR,
    ("GET", "/api/v1/reviews/{id}/must-close"): ALL,
    ("GET", "/api/v1/reviews/{id}/must-close.csv"): ALL,
    ("GET", "/api/v1/calendar"): ALL,
    ("GET", "/api/v1/calendar/{id}"): ALL,
    ("POST", "/api/v1/calendar/{id}"): {"admin"},
    ("GET", "/api/v1/messages"): ALL,
    ("POST", "/api/v1/messages"): HANDLERS,
    ("GET", "/api/v1/messages/{id}"): ALL,
    ("POST", "/api/v1/messages/{id}/assign"): SUPERVISOR,
    ("POST", "/api/v1/messages/{id}/ack"): HANDLERS,
    ("POST", "/api/v1/messages/{id}/answer"): HANDLERS,
    ("POST", "/api/v1/messages/{id}/extend"): LEADS,
    ("POST", "/api/v1/messages/{id}/hide"): LEADS,
    ("POST", "/api/v1/messages/escalate"): SUPERVISOR,
    ("POST", "/api/v1/accounts/{id}/messages/import"): HANDLERS,
    ("GET", "/api/v1/messages/policy"): ALL,
    ("PUT", "/api/v1/messages/policy"): SUPERVISOR,
    ("GET", "/api/v1/messages/rules"): ALL,
    ("POST", "/api/v1/messages/rules"): SUPERVISOR,
    ("PUT", "/api/v1/messages/rules/{id}"): SUPERVISOR,
    ("DELETE", "/api/v1/messages/rules/{id}"): SUPERVISOR,
    ("GET", "/api/v1/messages/mappings"): ALL,
    ("PUT", "/api/v1/messages/mappings"): SUPERVISOR,
    ("GET", "/api/v1/messages/figures"): ALL,
}

# Notifications (issue 10): every user reads their own bell; a unit's group
# robots are configured by its 信息中心 (supervisor) or the system admin.
NOTIFY_ADMINS = {"admin", "supervisor"}
EXPECTED_EXTRA.update({
    ("GET", "/api/v1/notifications"): ALL,
    ("POST", "/api/v1/notifications/{id}/read"): ALL,
    ("POST", "/api/v1/notifications/read-all"): ALL,
    ("GET", "/api/v1/units/{id}/webhooks"): NOTIFY_ADMINS,
    ("POST", "/api/v1/units/{id}/webhooks"): NOTIFY_ADMINS,
    ("PUT", "/api/v1/units/{id}/webhooks/{id}"): NOTIFY_ADMINS,
    ("DELETE", "/api/v1/units/{id}/webhooks/{id}"): NOTIFY_ADMINS,
    ("POST", "/api/v1/units/{id}/webhooks/{id}/test"): NOTIFY_ADMINS,
    ("GET", "/api/v1/units/{id}/webhooks/{id}/deliveries"): NOTIFY_ADMINS,
})

# Reports, activity and assessment (issue 12): everyone who may read accounts
# reads the reports of the accounts in their reach; operators (and the 信息中心)
# import outside publications; the 信息中心 sets update-frequency presets and
# assessment schemes.
for _name in ("activity", "zombies", "weekly", "assessment", "accounts", "reviews", "closed_active"):
    for _suffix in ("", ".xlsx", ".csv"):
        EXPECTED_EXTRA[("GET", f"/api/v1/reports/{_name}{_suffix}")] = ALL
EXPECTED_EXTRA.update({
    ("POST", "/api/v1/accounts/{id}/publications"): OPERATORS,
    ("GET", "/api/v1/accounts/{id}/activity-policy"): ALL,
    ("PUT", "/api/v1/accounts/{id}/activity-policy"): SUPERVISOR,
    ("GET", "/api/v1/units/{id}/assessment-scheme"): ALL,
    ("GET", "/api/v1/assessment/indicators"): ALL,
    ("PUT", "/api/v1/units/{id}/assessment-scheme"): SUPERVISOR,
})

# Review before publish (issue 10): contributor and above draft; reviewers
# (department head, leader, principal) approve at their level; only operators
# publish (and only on accounts they are authorised for, checked per object);
# the 信息中心 authorises operators per account; admins edit review policies.
POST_WRITERS = {"contributor", "depthead", "leader", "principal", "operator", "supervisor"}
REVIEWERS = {"depthead", "leader", "principal"}
EXPECTED_EXTRA.update({
    ("GET", "/api/v1/posts"): ALL,
    ("POST", "/api/v1/posts"): POST_WRITERS,
    ("GET", "/api/v1/posts/{id}"): ALL,
    ("PUT", "/api/v1/posts/{id}"): POST_WRITERS,
    ("DELETE", "/api/v1/posts/{id}"): POST_WRITERS,
    ("POST", "/api/v1/posts/{id}/submit"): POST_WRITERS,
    ("POST", "/api/v1/posts/{id}/approve"): REVIEWERS,
    ("POST", "/api/v1/posts/{id}/reject"): REVIEWERS,
    ("POST", "/api/v1/posts/{id}/preview"): {"operator"},
    ("POST", "/api/v1/posts/{id}/publish"): {"operator"},
    ("POST", "/api/v1/posts/{id}/schedules/{id}/cancel"): {"operator"},
    ("GET", "/api/v1/posts/{id}/history"): ALL,
    ("POST", "/api/v1/posts/{id}/attachments"): POST_WRITERS,
    ("GET", "/api/v1/posts/{id}/attachments"): ALL,
    ("GET", "/api/v1/posts/{id}/attachments/{id}"): ALL,
    ("DELETE", "/api/v1/posts/{id}/attachments/{id}"): POST_WRITERS,
    ("GET", "/api/v1/units/{id}/review-policy"): ALL,
    ("PUT", "/api/v1/units/{id}/review-policy"): {"admin"},
    ("GET", "/api/v1/accounts/{id}/publishers"): ALL,
    ("POST", "/api/v1/accounts/{id}/publishers"): {"supervisor"},
    ("DELETE", "/api/v1/accounts/{id}/publishers/{id}"): {"supervisor"},
})

# Incidents, duty roster, meetings (issue 11).
EXPECTED_EXTRA.update({
    ("GET", "/api/v1/incidents"): ALL,
    ("POST", "/api/v1/incidents"): LEADS,
    ("GET", "/api/v1/incidents/{id}"): ALL,
    ("POST", "/api/v1/incidents/{id}/actions"): LEADS,
    ("POST", "/api/v1/incidents/{id}/level"): LEADS,
    ("POST", "/api/v1/incidents/{id}/ack"): LEADS,
    ("POST", "/api/v1/incidents/{id}/close"): LEADS,
    ("POST", "/api/v1/incidents/escalate"): SUPERVISOR,
    ("GET", "/api/v1/incidents/chain"): ALL,
    ("PUT", "/api/v1/incidents/chain"): SUPERVISOR,
    ("GET", "/api/v1/duty"): ALL,
    ("POST", "/api/v1/duty"): LEADS,
    ("DELETE", "/api/v1/duty/{id}"): LEADS,
    ("GET", "/api/v1/duty/gaps"): ALL,
    ("GET", "/api/v1/duty.xlsx"): ALL,
    ("GET", "/api/v1/meetings"): ALL,
    ("POST", "/api/v1/meetings"): HANDLERS,
    ("GET", "/api/v1/meetings/{id}"): ALL,
    ("POST", "/api/v1/meetings/{id}/attachments"): HANDLERS,
    ("GET", "/api/v1/meetings/{id}/attachments/{id}"): ALL,
})

# Compliance lists maintained in the product (issue 14 §5, issue 15 §1): the system admin.
for _list in ("lexicon", "allow", "context", "sources",
              "names", "formulations", "outdated", "officials", "register"):
    EXPECTED_EXTRA.update({
        ("GET", "/api/v1/admin/lists/" + _list): {"admin"},
        ("POST", "/api/v1/admin/lists/" + _list): {"admin"},
        ("GET", "/api/v1/admin/lists/" + _list + "/versions"): {"admin"},
        ("GET", "/api/v1/admin/lists/" + _list + "/export"): {"admin"},
        ("POST", "/api/v1/admin/lists/" + _list + "/import"): {"admin"},
    })

# The scheduler's jobs and runs (issue 12): read by those who read the audit trail.
EXPECTED_EXTRA[("GET", "/api/v1/jobs")] = READERS
# Running a job now (立即运行): jobs are system-wide, so the system admin only.
EXPECTED_EXTRA[("POST", "/api/v1/jobs/run")] = {"admin"}
# The server's clock: everyone may read it; the test clock (serve --test-clock)
# is moved by whoever may run jobs now (the drills go together).
EXPECTED_EXTRA[("GET", "/api/v1/system/clock")] = ALL
EXPECTED_EXTRA[("PUT", "/api/v1/system/clock")] = {"admin"}

# Re-checking the published archive with the current lists (回溯检查, issue 14 §3):
# the system admin, the information centre and inspectors, within their units.
EXPECTED_EXTRA[("GET", "/api/v1/archive/recheck")] = {"admin", "supervisor", "observer"}

# Filings in the national 全国政务新媒体信息报送系统 (REQUIREMENTS §1): everyone who
# reads accounts reads them; the operator (or the 信息中心) records a filing.
EXPECTED_EXTRA.update({
    ("GET", "/api/v1/accounts/{id}/national-filings"): ALL,
    ("POST", "/api/v1/accounts/{id}/national-filings"): OPERATORS,
    ("GET", "/api/v1/national-filings"): ALL,
    # its deadline is a unit's policy setting (湖北 5 working days, 东莞 3 days):
    # everyone reads it, the system admin sets it, like the review policy
    ("GET", "/api/v1/units/{id}/national-filing-policy"): ALL,
    ("PUT", "/api/v1/units/{id}/national-filing-policy"): {"admin"},
})

# The credential vault (REQUIREMENTS §1): the holding office (信息中心) stores,
# delegates and reads the access log; everyone who reads accounts may ask to
# reveal (the handler then needs the office or a delegation in force).
EXPECTED_EXTRA.update({
    ("GET", "/api/v1/accounts/{id}/credential"): ALL,
    ("PUT", "/api/v1/accounts/{id}/credential"): SUPERVISOR,
    ("POST", "/api/v1/accounts/{id}/credential/reveal"): ALL,
    ("POST", "/api/v1/accounts/{id}/credential/grants"): SUPERVISOR,
    ("DELETE", "/api/v1/accounts/{id}/credential/grants/{id}"): SUPERVISOR,
    ("GET", "/api/v1/accounts/{id}/credential/access"): SUPERVISOR,
    ("POST", "/api/v1/accounts/{id}/credential/requests"): OPERATORS,
    ("POST", "/api/v1/accounts/{id}/credential/requests/{id}/approve"): SUPERVISOR,
    ("POST", "/api/v1/accounts/{id}/credential/requests/{id}/reject"): SUPERVISOR,
})
