// 词库与名单: the compliance lexicon, allow list, context words, approved
// sources and the expression lists (names, formulations, outdated
// formulations, office-holders), edited in the product with versions.
export default [
  { path: "/lexicons", name: "lexicons", component: () => import("./ListsPage.vue"),
    meta: { title: "词库与名单", perm: "lexicon.admin", menu: { group: "system", order: 50, icon: "Collection" } } },
];
