// 回溯检查: re-check the published archive with the lists in force now.
export default [
  { path: "/recheck", name: "recheck", component: () => import("./RecheckPage.vue"),
    meta: { title: "回溯检查", perm: "post.recheck", menu: { group: "content", order: 95, icon: "RefreshRight" } } },
];
