"""robot_receiver - a real local HTTP server standing in for WeCom/DingTalk
group robots in the webhook tests: it refuses the first `fail_first`
requests (HTTP 500), then answers {"errcode":0} like the real robots, and
records every request it accepted.  `lose_first` requests are taken but
answered 500, as when the answer is lost to a timeout.  Every request's
Idempotency-Key header is kept in `keys` (key, payload).  Standard library only.
"""
import base64
import hashlib
import hmac
import http.server
import json
import threading
import urllib.parse


class RobotReceiver:
    def __init__(self, fail_first=0, secret=None, lose_first=0):
        self.fail_first = fail_first
        self.lose_first = lose_first
        self.keys = []              # (Idempotency-Key, payload dict) of every request
        self.secret = secret
        self.requests = 0
        self.accepted = []          # (path, payload dict)
        self.bad_signatures = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                code, answer = receiver.answer(self.path, body, self.headers.get("Idempotency-Key"))
                data = json.dumps(answer).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path="/robot/send?key=test-key-1234"):
        return f"http://127.0.0.1:{self.port}{path}"

    def signature_ok(self, path):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)
        if "timestamp" not in q or "sign" not in q:
            return False
        ts = q["timestamp"][0]
        mac = hmac.new(self.secret.encode(), f"{ts}\n{self.secret}".encode(), hashlib.sha256)
        return base64.b64encode(mac.digest()).decode() == q["sign"][0]

    def answer(self, path, body, key=None):
        with self.lock:
            self.requests += 1
            self.keys.append((key, json.loads(body.decode("utf-8"))))
            if self.requests <= self.fail_first:
                return 500, {"errcode": -1, "errmsg": "system busy"}
            if self.requests <= self.fail_first + self.lose_first:
                self.accepted.append((path, json.loads(body.decode("utf-8"))))
                return 500, {"errcode": -1, "errmsg": "answer lost"}
            if self.secret and not self.signature_ok(path):
                self.bad_signatures += 1
                return 200, {"errcode": 310000, "errmsg": "sign not match"}
            self.accepted.append((path, json.loads(body.decode("utf-8"))))
            return 200, {"errcode": 0, "errmsg": "ok"}

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
