"""acct_helpers - building accounts in any lifecycle state for the account tests.

Uses the demo organisation (see gmtest.py): unit 4 示范县教育局 and unit 5
示范县卫生健康局 are departments, unit 6 is an internal office.
"""
import struct
import zlib

BAD_TEXT_AS_PNG = b"this is a text file renamed to qr.png\n" * 4


def png_bytes(size=1):
    """A real PNG image (size x size, grey)."""
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\x00" + b"\x80" * size for _ in range(size))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def jpeg_bytes():
    """A minimal JFIF header that libmagic reads as image/jpeg."""
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + b"\xff\xdb\x00\x43\x00" + bytes(range(64)) + b"\xff\xd9")


def form(unit_id=4, platform="weibo", name="示范县教育局", **extra):
    f = {
        "unit_id": unit_id, "name": name, "platform": platform, "host_unit": "示范县教育局",
        "date": "2026-09-01",
        "responsible": {"name": "陈刚", "title": "局长", "office_phone": "0571-87654321",
                        "mobile": "13800138000"},
        "admin": {"name": "刘洋", "title": "科员", "office_phone": "0571-87654322",
                  "mobile": "13900139000", "qq": "123456", "wechat": "liuyang_01"},
        "purpose": "发布教育政务信息",
    }
    f.update(extra)
    return f


NEW_ADMIN = {"name": "王五", "title": "科员", "office_phone": "0571-87654323", "mobile": "13700137000"}

# A valid body for every step, so a refusal can only come from the state.
BODIES = {
    "approve": {},
    "reject": {"reason": "材料不全"},
    "open": {"platform_account_id": "acct-001", "date": "2026-09-29"},
    "certify": {"date": "2026-09-30"},
    "file": {"date": "2026-10-01", "created_on": "2026-09-29", "followers": 12,
             "introduction": "示范县教育局官方账号"},
    "changes": {"date": "2026-09-29", "admin": NEW_ADMIN},
    "close": {"reason": "长期不更新", "date": "2026-11-20"},
    "merge": None,  # needs a live target: filled in by the caller
}

# Which steps are legal in which state (the core state machine, account.h).
LEGAL = {
    "applied": {"approve", "reject"},
    "approved": {"open"},
    "rejected": set(),
    # filing needs no certification; certification is recordable in every live state
    "opened": {"certify", "file", "changes", "close", "merge"},
    "certified": {"certify", "file", "changes", "close", "merge"},
    "filed": {"certify", "changes", "close", "merge"},
    "refiling_due": {"certify", "file", "changes", "close", "merge"},
    "closed": set(),
    "merged": set(),
}

# How to reach each state from "applied": (login, step) pairs.
PATHS = {
    "applied": [],
    "approved": ["approve"],
    "rejected": ["reject"],
    "opened": ["approve", "open"],
    "certified": ["approve", "open", "certify"],
    "filed": ["approve", "open", "certify", "qr", "file"],
    "refiling_due": ["approve", "open", "certify", "qr", "file", "changes"],
    "closed": ["approve", "open", "close"],
    "merged": ["approve", "open", "merge"],
}


class Builder:
    """Makes accounts through the API as the supervisor (who may record the
    one-per-platform exception, so tests never compete for a platform slot)."""

    def __init__(self, sup):
        self.sup = sup
        self.n = 0
        self.target = None

    def live_target(self):
        if self.target is None:
            self.target = self.make("opened")
        return self.target

    def step(self, aid, action):
        if action == "qr":
            r = self.sup.put(f"/api/v1/accounts/{aid}/qr", raw=png_bytes(),
                             headers={"Content-Type": "image/png"})
        else:
            body = BODIES[action] if action != "merge" else self.merge_body()
            r = self.sup.post(f"/api/v1/accounts/{aid}/{action}", body)
        assert r.status == 200, (action, r)
        return r

    def merge_body(self):
        return {"into": self.live_target(), "date": "2026-11-20", "moved": "粉丝与历史文章迁入"}

    def make(self, state, unit_id=4, platform="toutiao"):
        self.n += 1
        r = self.sup.post("/api/v1/accounts", form(unit_id, platform, f"测试账号{self.n}",
                                                    exception_reason="测试用例:同平台多账号"))
        assert r.status == 201, r
        aid = r.json["id"]
        for action in PATHS[state]:
            self.step(aid, action)
        return aid
