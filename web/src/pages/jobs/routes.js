// 定时任务: the scheduler's jobs and their recent runs (read-only).
export default [
  { path: "/jobs", name: "jobs", component: () => import("./JobsPage.vue"),
    meta: { title: "定时任务", perm: "audit.read", menu: { group: "system", order: 70, icon: "Timer" } } },
];
