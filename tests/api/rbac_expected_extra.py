# RBAC expectations for the account registry routes (REQUIREMENTS.md §1 and the
# role table), read by test_rbac_matrix.py.  Written from the requirements, not
# from src/core/rbac.c.
UNIT_ROLES = {"contributor", "depthead", "leader", "principal", "operator"}
SUPERVISOR = {"supervisor"}
OPERATORS = {"operator", "supervisor"}   # the operator records; the 信息中心 may too

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
    ("POST", "/api/v1/calendar/{id}"): {"admin"},
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
    ("POST", "/api/v1/units/{id}/webhooks/{id}/test"): NOTIFY_ADMINS,
    ("GET", "/api/v1/units/{id}/webhooks/{id}/deliveries"): NOTIFY_ADMINS,
})
