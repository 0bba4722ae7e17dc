// load.js - the one way a page loads (or does) something it shows a
// spinner for: a flag for v-loading / :loading, the server's refusal shown
// as a notification (lib/forms.js notifyError), the flag reset whatever
// happens.
//
//   const { loading, run } = useLoading(true);       // true: spinning from the start
//   const load = () => run(async () => { rows.value = (await api.get("/x")).rows; });
//
// run(fn) answers what fn answered, or undefined when it threw (already shown).
// failed: the message of the last run's failure ("" after a success), for a
// detail page's LoadFailed state (components/LoadFailed.vue).
import { ref } from "vue";
import { notifyError } from "./forms.js";

export function useLoading(initial = false) {
  const loading = ref(initial);
  const failed = ref("");
  async function run(fn) {
    loading.value = true;
    failed.value = "";
    try {
      return await fn();
    } catch (e) {
      failed.value = (e && e.message) || String(e);
      notifyError(e);
      return undefined;
    } finally {
      loading.value = false;
    }
  }
  return { loading, run, failed };
}
