// main.js - starts the console: Vue 3, Element Plus in Chinese (zh-CN), the
// router built from every page folder's routes.js, and the global styles.
import { createApp } from "vue";
import ElementPlus from "element-plus";
import zhCn from "element-plus/es/locale/lang/zh-cn";
import "element-plus/dist/index.css";
import "./styles.css";
import App from "./App.vue";
import { router } from "./router.js";
import "./layout/relogin.js";

createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount("#app");
