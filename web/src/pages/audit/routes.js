// 审计日志: who did what, when, from where; the hash chain's verification.
export default [
  { path: "/audit", name: "audit", component: () => import("./AuditPage.vue"),
    meta: { title: "审计日志", perm: "audit.read", menu: { group: "system", order: 80, icon: "Notebook" } } },
];
