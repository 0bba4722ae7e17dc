// 合规检查: a text checked against the lexicons and rules before publishing.
export default [
  { path: "/check", name: "check", component: () => import("./CheckPage.vue"),
    meta: { title: "合规检查", perm: "check.run", menu: { group: "content", order: 90, icon: "DocumentChecked" } } },
];
