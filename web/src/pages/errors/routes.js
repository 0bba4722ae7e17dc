// The pages shown for a page the role may not open, and for an unknown URL.
export default [
  { path: "/403", name: "forbidden", component: () => import("./ForbiddenPage.vue"), meta: { title: "无权访问" } },
  { path: "/:pathMatch(.*)*", name: "notfound", component: () => import("./NotFoundPage.vue"), meta: { title: "页面不存在" } },
];
