#!/usr/bin/env bash
# Tries the deployment of deploy/compose.yaml as far as a machine without docker allows: two `kansa serve` processes
# on one PostgreSQL database, behind a real nginx on loopback (round robin), and checks that
#   1. /healthz and /readyz answer through each instance;
#   2. a sign-in made through nginx is accepted by both instances (data-protection keys in the database);
#   3. a change made through instance A (a department renamed, through the API) shows at once on a public page read
#      through instance B, whose copy of that page was in its cache;
#   4. the sign-in limit counts attempts made through both instances (the 11th in a minute is refused).
# Usage: deploy/try-two-instances.sh DB SEED.txt   DB: a PostgreSQL connection string or URL of an EMPTY database.
# Env: PORT_A=5301 PORT_B=5302 PORT_PROXY=5300. Exit code 0 when every check passes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db="${1:?usage: deploy/try-two-instances.sh DB SEED.txt}"; seed="${2:?usage: deploy/try-two-instances.sh DB SEED.txt}"
a="${PORT_A:-5301}"; b="${PORT_B:-5302}"; p="${PORT_PROXY:-5300}"
work="$(mktemp -d)"; pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cd "$root"
fail() { echo "NG: $*" >&2; exit 1; }
ok() { echo "OK: $*"; }
password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

./kansa db migrate --db "$db" >&2
./kansa import "$seed" --db "$db" >&2
printf '%s\n' "$password" | ./kansa user add kanri --role coordinator --password-stdin --db "$db" >&2
token="$(./kansa token create kanri --db "$db" 2>/dev/null)"

for port in "$a" "$b"; do
  ./kansa serve --db "$db" --urls "http://127.0.0.1:$port" >"$work/serve-$port.log" 2>&1 &
  pids+=($!)
done
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx; uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  upstream kansa { server 127.0.0.1:$a; server 127.0.0.1:$b; }
  server {
    listen 127.0.0.1:$p;
    location / {
      proxy_pass http://kansa;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

for port in "$a" "$b"; do
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
  [ "$(curl -fs "http://127.0.0.1:$port/healthz")" = ok ] || fail "/healthz on $port"
  [ "$(curl -fs "http://127.0.0.1:$port/readyz")" = ready ] || fail "/readyz on $port"
done
ok "/healthz と /readyz: 両方のインスタンスが ok / ready"

# 2. Sign in through nginx, then read the staff page through nginx until both instances have answered.
jar="$work/cookies"
form="$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$p/account/login")"
antiforgery="$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
[ -n "$antiforgery" ] || fail "no antiforgery token on the login form"
status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Input.Login=kanri" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$antiforgery" "http://127.0.0.1:$p/account/login")"
[ "$status" = 302 ] || fail "sign-in through nginx answered $status"
seen=""
for _ in 1 2 3 4 5 6; do
  answer="$(curl -s -D - -o "$work/staff.html" -b "$jar" "http://127.0.0.1:$p/staff")"
  code="$(printf '%s' "$answer" | head -1 | awk '{print $2}')"
  [ "$code" = 200 ] || fail "the staff page answered $code through $(printf '%s' "$answer" | grep -i '^X-Upstream' | tr -d '\r')"
  seen="$seen $(printf '%s' "$answer" | grep -i '^X-Upstream' | awk '{print $2}' | tr -d '\r')"
done
for port in "$a" "$b"; do
  case "$seen" in *":$port"*) ;; *) fail "instance $port never answered the staff page ($seen)" ;; esac
done
ok "nginx 経由のログインが両方のインスタンスで有効 (職員用ページ 6回: $seen)"

# 3. A public page cached on B; a rename through A's API; the page through B at once.
audit="/audits/R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB"
curl -fs "http://127.0.0.1:$b$audit" >/dev/null
[ "$(curl -fs -D - -o "$work/before.html" "http://127.0.0.1:$b$audit" | grep -i '^X-Kansa-Cache' | awk '{print $2}' | tr -d '\r')" = hit ] || fail "B did not keep the audit page"
grep -q 'デジタル推進課' "$work/before.html" && fail "the new name is already there"
dx="$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$a/api/v1/departments" | grep -o '{[^{}]*"name":"DX推進課"[^{}]*' | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)"
[ -n "$dx" ] || fail "DX推進課 not found through the API"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"デジタル推進課","from":"2025-04"}' "http://127.0.0.1:$a/api/v1/departments/$dx/rename")"
[ "$status" = 200 ] || fail "rename through A answered $status"
curl -fs "http://127.0.0.1:$b$audit" | grep -q 'デジタル推進課' || fail "B still shows the old name"
ok "A で所管課名を変更 → B の公開ページ (B のキャッシュにあった) にすぐ反映"

# 4. Ten failed sign-ins alternating between A and B, then an eleventh: refused whichever instance gets it.
codes=""
for i in $(seq 1 11); do
  port="$a"; [ $((i % 2)) = 0 ] && port="$b"
  j="$work/jar-$i"
  f="$(curl -fs -c "$j" -b "$j" "http://127.0.0.1:$port/account/login")"
  t="$(printf '%s' "$f" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
  codes="$codes $(curl -s -o /dev/null -w '%{http_code}' -c "$j" -b "$j" --data-urlencode "Input.Login=nobody" \
    --data-urlencode "Input.Password=wrong-$i" --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$port/account/login")"
done
case "$codes" in *" 429") ;; *) fail "the 11th attempt was not refused:$codes" ;; esac
ok "ログインの回数制限は2つのインスタンスをまたいで数える:$codes"
