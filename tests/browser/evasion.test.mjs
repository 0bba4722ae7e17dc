// §3 "evasion must not work", in the editor where a writer would try it
// (1366x768, screenshot looked at): traditional characters with a noise
// character between (賭．博), full-width and traditional mixed (加微信咨詢),
// spaces between characters (刷 单 返 利) and pinyin mixed with characters
// (代kai发piao) are each caught as the listed term, underlined on the
// writer's own characters and block submitting; official text that names
// what it fights (严厉打击赌博) is not blocked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startGovmedia, tableRows } from "./lib/gm.mjs";

const W = { width: 1366, height: 768 };
let gm;
before(async () => { gm = await startGovmedia(); });
after(async () => { await gm.stop(); });

test("§3.2 §3.5 evasion in the editor: traditional, full-width, noise, spaces and pinyin are read as the listed terms and block; official text against gambling passes", async () => {
  const ed = await gm.pageAs("contributor", "/posts/new", W);
  await ed.locator("[data-test=accounts] label", { hasText: "示范县教育发布" }).click();
  await ed.locator("[data-test=title]").fill("周末活动");
  await ed.locator("[data-test=body]").fill("周末來玩賭．博，加微信咨詢。另可代kai发piao，刷 单 返 利。");
  await ed.locator("[data-test=check-summary]", { hasText: "4 处禁止发布" }).waitFor();
  const rows = await tableRows(ed, "[data-test=findings]");
  const hits = rows.map(r => [r[3], r[4]]);
  for (const [hit, term] of [["賭．博", "赌博"], ["加微信咨詢", "加微信咨询"], ["代kai发piao", "代开发票"], ["刷 单 返 利", "刷单返利"]])
    assert.ok(hits.some(([h, why]) => h === hit && why.includes(`“${term}”`)), `${hit} read as ${term}: ${JSON.stringify(hits)}`);
  assert.ok(rows.every(r => r[0] === "禁止"), JSON.stringify(rows));
  // the writer is told how a disguised term was read
  assert.ok(hits.some(([h, why]) => h === "代kai发piao" && why.includes("按拼音识别")), JSON.stringify(hits));
  // underlined on what the writer typed
  const marked = await ed.locator("mark").allInnerTexts();
  for (const hit of ["賭．博", "代kai发piao", "刷 单 返 利"]) assert.ok(marked.includes(hit), JSON.stringify(marked));
  assert.equal(await ed.locator("[data-test=save-submit]").isDisabled(), true);
  await gm.shots(ed, "evasion-editor");
  // official text that fights gambling is not blocked
  await ed.locator("[data-test=body]").fill("公安机关严厉打击赌博违法犯罪活动,欢迎群众举报。");
  await ed.locator("[data-test=check-summary]", { hasText: "未发现问题" }).waitFor();
  assert.equal(await ed.locator("[data-test=save-submit]").isDisabled(), false);
  gm.assertClean(ed);
});
