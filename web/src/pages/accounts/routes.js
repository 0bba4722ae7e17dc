// 账号管理: the registry (list, detail with timeline and versions), the
// application form 《新媒体建设申请表》 and the filing form 《备案登记表》.
export default [
  { path: "/accounts", name: "accounts", component: () => import("./AccountList.vue"),
    meta: { title: "账号台账", perm: "account.read", menu: { group: "accounts", order: 10, icon: "Tickets" } } },
  { path: "/accounts/apply", name: "account-apply", component: () => import("./AccountApply.vue"),
    meta: { title: "申请开设", perm: "account.apply", menu: { group: "accounts", order: 20, icon: "DocumentAdd" } } },
  { path: "/accounts/national-filings", name: "national-filings", component: () => import("./NationalFilingsOverview.vue"),
    meta: { title: "全国报送总览", perm: ["account.review", "account.approve", "audit.read"], menu: { group: "accounts", order: 30, icon: "Upload" } } },
  { path: "/accounts/:id(\\d+)", name: "account-detail", component: () => import("./AccountDetail.vue"),
    meta: { title: "账号详情", perm: "account.read", parent: "accounts" } },
  { path: "/accounts/:id(\\d+)/file", name: "account-file", component: () => import("./AccountFile.vue"),
    meta: { title: "备案登记", perm: "account.operate", parent: "accounts" } },
];
