// 工作台: what waits for the user, and the accounts in figures.
export default [
  { path: "/", name: "dashboard", component: () => import("./DashboardPage.vue"),
    meta: { title: "工作台", menu: { order: 10, icon: "HomeFilled" } } },
];
