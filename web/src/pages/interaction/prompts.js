// prompts.js - what the interaction detail pages share: the loading of one
// object with its steps (their texts are asked in MessageStepDialog.vue or
// with lib/prompt.js, which keep what was typed when the server refuses).
import { ref } from "vue";
import { api } from "@/lib/api.js";
import { notifyError, notifyOk } from "@/lib/forms.js";
import { useLoading } from "@/lib/load.js";

// One object loaded from `${base}/${id}` and its steps (POST `${base}/${id}/${path}`),
// for the detail pages: the reply of a step is the updated object.
export function useDetail(base, id) {
  const item = ref(null);
  const { loading, run, failed } = useLoading(true);
  async function load() {
    await run(async () => { item.value = await api.get(`${base}/${id}`); });
  }
  async function step(path, body, ok) {
    try { item.value = await api.post(`${base}/${id}/${path}`, body); notifyOk(ok); }
    catch (e) { notifyError(e); }
  }
  return { item, loading, load, step, failed };
}
