// 系统管理: units, users, group robots, the working calendar (the lists: pages/lists/).
export default [
  { path: "/units", name: "units", component: () => import("./UnitsPage.vue"),
    meta: { title: "单位管理", perm: "unit.read", menu: { group: "system", order: 10, icon: "OfficeBuilding" },
            // Who cannot manage units comes here for their units' review chains (审核流程).
            readOnly: { unless: "unit.write", title: "审核流程", menu: { group: "content", order: 97, icon: "Share" } } } },
  { path: "/users", name: "users", component: () => import("./UsersPage.vue"),
    meta: { title: "用户管理", perm: "user.read", menu: { group: "system", order: 20, icon: "User" } } },
  { path: "/webhooks", name: "webhooks", component: () => import("./WebhooksPage.vue"),
    meta: { title: "群机器人", perm: "notify.admin", menu: { group: "system", order: 45, icon: "ChatLineRound" } } },
  { path: "/calendar", name: "calendar", component: () => import("./CalendarPage.vue"),
    meta: { title: "工作日历", perm: "calendar.admin", menu: { group: "system", order: 40, icon: "Calendar" } } },
];
