"""Sets up the govmedia side of bench/api and writes the wrk Lua scripts.

  prepare.py BASE_URL OUT_DIR
Logs in as the demo supervisor, tops the unit 示范县卫生健康局 up to exactly 20
accounts (the list scenario lists that unit), adds WRITE_UNITS departments
under 示范县 for the writes, and writes check.lua (POST /check of a
680-character WeChat post), list.lua, write.lua (an account application with a
fresh name per request, spread round-robin over those departments and the six
platforms, as a real organisation's applications are) and mixed.lua (all
three in turn, for the memory run), each carrying the session cookie and CSRF
token.
"""
import http.cookiejar
import json
import os
import sys
import urllib.request

BASE, OUT = sys.argv[1], sys.argv[2]
LIST_UNIT, COUNTY = 5, 3            # 示范县卫生健康局 (leaf), 示范县
WRITE_UNITS = 200
PARAGRAPH = ("为进一步做好冬季安全生产工作，县应急管理局联合教育、卫生健康等部门，"
             "于本周开展校园及医疗机构消防安全专项检查。检查组深入学校食堂、宿舍、实验室"
             "和医院病房、药品库房，逐项查看消防设施配备、疏散通道畅通、用电用气管理等情况，"
             "对发现的问题当场反馈并督促限期整改。")


def post_text(n):
    text = ""
    while len(text) < n:
        text += PARAGRAPH
    return text[:n]


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
csrf = None


def call(method, path, body=None, opener=opener):
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if csrf:
        req.add_header("X-CSRF-Token", csrf)
    with opener.open(req) as r:
        return json.loads(r.read())


def application(unit, name):
    return {"unit_id": unit, "name": name, "platform": "weibo", "host_unit": "示范县",
            "date": "2026-09-01",
            "responsible": {"name": "陈刚", "title": "局长", "office_phone": "0571-87654321",
                            "mobile": "13800138000"},
            "admin": {"name": "刘洋", "title": "科员", "office_phone": "0571-87654322",
                      "mobile": "13900139000"},
            "purpose": "压力测试", "exception_reason": "压力测试:同平台多账号"}


admin = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
csrf = call("POST", "/api/v1/session", {"login": "admin", "password": "govmedia-demo-2026"},
            opener=admin)["csrf_token"]
existing = {u["name"]: u["id"] for u in call("GET", "/api/v1/units", opener=admin)["units"]}
write_units = [existing.get(f"压测部门{i}") or
               call("POST", "/api/v1/units", {"name": f"压测部门{i}", "kind": "department",
                                              "parent_id": COUNTY}, opener=admin)["id"]
               for i in range(WRITE_UNITS)]
assert write_units == list(range(write_units[0], write_units[0] + WRITE_UNITS)), "ids not consecutive"
csrf = None
login = call("POST", "/api/v1/session", {"login": "supervisor", "password": "govmedia-demo-2026"})
csrf = login["csrf_token"]
cookie = next(c.value for c in jar if c.name == "gm_session")
have = len(call("GET", f"/api/v1/accounts?unit_id={LIST_UNIT}")["accounts"])
for i in range(have, 20):
    call("POST", "/api/v1/accounts", application(LIST_UNIT, f"示范县卫生健康发布{i}"))
rows = len(call("GET", f"/api/v1/accounts?unit_id={LIST_UNIT}")["accounts"])
assert rows == 20, rows

check_body = json.dumps({"text": post_text(680), "platform": "wechat"}, ensure_ascii=False)
check = call("POST", "/api/v1/check", json.loads(check_body))
assert check["chars"] == 680, check["chars"]
with open(os.path.join(OUT, "check_body.json"), "w", encoding="utf-8") as f:
    f.write(check_body)             # for check_split (the check's time in process)
write_body = json.dumps(application(123456789, "NAME"), ensure_ascii=False)
write_body = write_body.replace("123456789", "UNIT").replace('"weibo"', '"PLATFORM"')


def lua_str(s):
    return "[==[" + s + "]==]"


HEAD = f"""wrk.headers["Cookie"] = "gm_session={cookie}"
wrk.headers["X-CSRF-Token"] = "{csrf}"
wrk.headers["Content-Type"] = "application/json"
"""
FRESH = """local n, tid = 0, 0
local run = os.time()
local platforms = {"weibo", "wechat", "toutiao", "douyin", "kuaishou", "app"}
function setup(thread) tid = tid + 1; thread:set("tid", tid) end
local function write_request()
  n = n + 1
  local k = n * 2 + tid
  local body = string.gsub(WRITE, "NAME", string.format("压测账号%d-%d-%d", run, tid, n))
  body = string.gsub(body, "UNIT", tostring(FIRST_UNIT + k % UNITS))
  body = string.gsub(body, "PLATFORM", platforms[1 + math.floor(k / UNITS) % 6])
  return wrk.format("POST", "/api/v1/accounts", nil, body)
end
"""
FRESH = f"FIRST_UNIT, UNITS = {write_units[0]}, {WRITE_UNITS}\n" + FRESH
scripts = {
    "check.lua": HEAD + f'wrk.method = "POST"\nwrk.path = "/api/v1/check"\nwrk.body = {lua_str(check_body)}\n',
    "list.lua": HEAD + f'wrk.path = "/api/v1/accounts?unit_id={LIST_UNIT}"\n',
    "write.lua": HEAD + f"WRITE = {lua_str(write_body)}\n" + FRESH +
                 "function request() return write_request() end\n",
    "mixed.lua": HEAD + f"WRITE = {lua_str(write_body)}\nCHECK = {lua_str(check_body)}\n" + FRESH +
                 f"""local k = 0
function request()
  k = k + 1
  if k % 3 == 0 then return write_request() end
  if k % 3 == 1 then return wrk.format("POST", "/api/v1/check", nil, CHECK) end
  return wrk.format("GET", "/api/v1/accounts?unit_id={LIST_UNIT}")
end
""",
    "hello_post.lua": f'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                      f"wrk.body = {lua_str(check_body)}\n",
}
for name, text in scripts.items():
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)
print(f"prepared: supervisor session, {rows} accounts on unit {LIST_UNIT}, "
      f"check body {len(check_body.encode())} bytes")
