// Vite build of the govmedia console: web/src -> web/dist, which govmedia
// serves itself (src/http/static_files.c).  No asset is inlined as a data:
// URI and no script or style is inlined into index.html, so the console runs
// under the server's Content-Security-Policy "default-src 'self'".
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import { fileURLToPath, URL } from "node:url";

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries change rarely: their chunks stay cached across console builds.
        codeSplitting: {
          groups: [
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)/ },
            { name: "element-plus", test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@ctrl|lodash|dayjs|async-validator|memoize-one|normalize-wheel)/ },
            { name: "vue", test: /node_modules[\\/](vue|@vue|vue-router)/ },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
