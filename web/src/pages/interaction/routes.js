// 互动交流: public messages (留言、评论、私信), opinion incidents (舆情),
// the holiday duty roster (值班) and meetings and training (例会、培训).
export default [
  { path: "/messages", name: "messages", component: () => import("./MessageList.vue"),
    meta: { title: "网民留言", perm: "message.read", menu: { group: "interaction", order: 10, icon: "ChatLineSquare" } } },
  { path: "/messages/:id", name: "message-detail", component: () => import("./MessageDetail.vue"),
    meta: { title: "留言详情", perm: "message.read", parent: "messages" } },
  { path: "/incidents", name: "incidents", component: () => import("./IncidentList.vue"),
    meta: { title: "舆情事件", perm: "message.read", menu: { group: "interaction", order: 20, icon: "Warning" } } },
  { path: "/incidents/:id", name: "incident-detail", component: () => import("./IncidentDetail.vue"),
    meta: { title: "舆情详情", perm: "message.read", parent: "incidents" } },
  { path: "/duty", name: "duty", component: () => import("./DutyRoster.vue"),
    meta: { title: "节假日值班", perm: "message.read", menu: { group: "interaction", order: 30, icon: "Calendar" } } },
  { path: "/meetings", name: "meetings", component: () => import("./MeetingList.vue"),
    meta: { title: "例会与培训", perm: "message.read", menu: { group: "interaction", order: 40, icon: "Notebook" } } },
];
