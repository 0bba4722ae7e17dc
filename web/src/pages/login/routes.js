// The login page (public).
export default [
  { path: "/login", name: "login", component: () => import("./LoginPage.vue"), meta: { title: "登录", public: true } },
];
