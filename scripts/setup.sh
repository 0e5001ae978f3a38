#!/usr/bin/env bash
# npm run setup — install everything yijian needs on this machine. Safe to run again: each step checks
# first and only acts on what is missing. Set YIJIAN_SKIP_SYSTEM=1 to leave system packages alone.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
missing_system=()

# 1. Node.js
node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
if (( node_major < 20 || (node_major == 20 && node_minor < 6) )); then
  say "Node.js $(node -v) is too old: yijian needs 20.6 or newer (https://nodejs.org)."
  exit 1
fi
say "Node.js $(node -v): ok"

# 2. npm packages — never a browser download (Playwright's installer cannot reach its CDN here, and the
# system Chromium is used instead). `npm install` follows package-lock.json; `npm ci` is avoided because npm 11
# rejects lock files that omit other platforms' optional binaries (biome, canvas), as this registry's do.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# onnxruntime-node bundles its CPU binaries; its install step would only fetch CUDA extras from outside the registry.
export ONNXRUNTIME_NODE_INSTALL=skip
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] && [ node_modules/.package-lock.json -nt package.json ]; then
  say "npm packages: already installed"
else
  say "npm packages: installing (npm install)…"
  npm install --no-audit --no-fund --loglevel=error
  say "npm packages: installed"
fi

# 3. System packages: a Chromium for the bots, CJK fonts so Chinese renders in screenshots, Redis for queues,
# and a PostgreSQL server, which the tests start privately (initdb in a temporary folder) unless
# TEST_DATABASE_URL or DATABASE_URL names one. Debian keeps its binaries in /usr/lib/postgresql/<ver>/bin.
have_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then [ -x "$CHROMIUM_PATH" ]; return; fi
  compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium*" >/dev/null 2>&1 && return 0
  [ -x /usr/lib/chromium/chromium-headless-shell ] || [ -x /usr/lib/chromium/chromium ]
}
have_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; return; fi
  compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK*' >/dev/null 2>&1
}
# The PDF documents (一证, 办结通知书) are set in Noto Sans CJK (PDF_FONT); their tests read them back with poppler.
have_pdf_font() { [ -n "${PDF_FONT:-}" ] && [ -f "$PDF_FONT" ] || [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; }
have_poppler() { command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; }
have_redis() { command -v redis-server >/dev/null 2>&1 || [ -n "${REDIS_URL:-}" ]; }
have_postgres() {
  [ -n "${TEST_DATABASE_URL:-}${DATABASE_URL:-}" ] && return 0
  if [ -n "${PG_BIN_DIR:-}" ]; then [ -x "$PG_BIN_DIR/initdb" ] && [ -x "$PG_BIN_DIR/postgres" ]; return; fi
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null 2>&1 && return 0
  command -v initdb >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1
}

have_chromium && say "Chromium: ok" || missing_system+=(chromium-headless-shell)
have_cjk_font && have_pdf_font && say "CJK fonts: ok" || missing_system+=(fonts-noto-cjk)
have_poppler && say "poppler (pdftotext, pdftoppm): ok" || missing_system+=(poppler-utils)
have_redis && say "Redis: ok" || missing_system+=(redis-server)
have_postgres && say "PostgreSQL server: ok" || missing_system+=(postgresql)

if [ ${#missing_system[@]} -eq 0 ]; then
  say "system packages: nothing to install"
elif [ "${YIJIAN_SKIP_SYSTEM:-}" = 1 ]; then
  say "system packages missing: ${missing_system[*]} (YIJIAN_SKIP_SYSTEM=1, not installing)"
else
  sudo_cmd=()
  can_install=false
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then can_install=true
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then can_install=true; sudo_cmd=(sudo)
    fi
  fi
  if $can_install; then
    say "system packages: installing ${missing_system[*]} with apt-get…"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing_system[@]}"
    say "system packages: installed ${missing_system[*]}"
  else
    say "system packages missing: ${missing_system[*]}"
    say "  this user cannot install them. Ask an administrator to run:"
    say "    sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing_system[*]}"
    say "  (on other systems: any Chromium/Chrome — then set CHROMIUM_PATH to the real binary —, a CJK font such as"
    say "   Noto Sans CJK, Redis 6.2+ or a REDIS_URL pointing at one, and a PostgreSQL server — then set PG_BIN_DIR"
    say "   to the folder holding initdb and postgres — or a TEST_DATABASE_URL pointing at one)"
    exit 1
  fi
fi

say "done. Next: npm start (or: npx yijian doctor to check the environment)"
