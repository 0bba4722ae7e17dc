// 监测与报表: activity (with the zombie list), yearly assessment, downloads,
// and the import of what accounts published outside govmedia (with the
// platforms' reads / likes / comments, which the weekly statistics sum).
export default [
  { path: "/reports/activity", name: "report-activity", component: () => import("./ActivityPage.vue"),
    meta: { title: "活跃度监测", perm: "account.read", menu: { group: "monitoring", order: 10, icon: "DataLine" } } },
  { path: "/reports/assessment", name: "report-assessment", component: () => import("./AssessmentPage.vue"),
    meta: { title: "年度考核", perm: "account.read", menu: { group: "monitoring", order: 20, icon: "Trophy" } } },
  { path: "/reports", name: "reports", component: () => import("./ReportsPage.vue"),
    meta: { title: "报表下载", perm: "account.read", menu: { group: "monitoring", order: 30, icon: "Download" } } },
  { path: "/reports/publications", name: "publication-import", component: () => import("./PublicationImport.vue"),
    meta: { title: "发布数据导入", perm: "account.operate", menu: { group: "monitoring", order: 40, icon: "Upload" } } },
];
