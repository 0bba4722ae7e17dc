// 年审: annual review rounds, reports, decisions, the must-close list.
export default [
  { path: "/reviews", name: "reviews", component: () => import("./ReviewList.vue"),
    meta: { title: "年度审核", perm: ["account.review", "account.report", "account.read"], menu: { group: "accounts", order: 30, icon: "Stamp" } } },
  { path: "/reviews/:id(\\d+)", name: "review-detail", component: () => import("./ReviewDetail.vue"),
    meta: { title: "年审详情", perm: "account.read", parent: "reviews" } },
];
