// 信息发布: the post archive and review queue, the draft editor with live
// compliance check, and one post with its review, publishing and history.
export default [
  { path: "/posts", name: "posts", component: () => import("./PostList.vue"),
    meta: { title: "稿件管理", perm: "post.read", menu: { group: "content", order: 10, icon: "Document" } } },
  { path: "/posts/new", name: "post-new", component: () => import("./PostEdit.vue"),
    meta: { title: "写稿", perm: "post.write", menu: { group: "content", order: 20, icon: "EditPen" } } },
  { path: "/posts/:id(\\d+)", name: "post-detail", component: () => import("./PostDetail.vue"),
    meta: { title: "稿件详情", perm: "post.read", parent: "posts" } },
  { path: "/posts/:id(\\d+)/edit", name: "post-edit", component: () => import("./PostEdit.vue"),
    meta: { title: "修改稿件", perm: "post.write", parent: "posts" } },
  { path: "/notifications", name: "notifications", component: () => import("./NotificationList.vue"),
    meta: { title: "我的通知" } },
];
