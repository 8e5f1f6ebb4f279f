#!/usr/bin/env bash
# Installs what the real-workbench e2e tests (test/e2e/run.mjs) and the Word-layout render test need, outside the repo:
#   * Debian packages: chromium (headless browser), fonts-noto-cjk (readable CJK in screenshots),
#     libreoffice-writer-nogui + poppler-utils (render the .docx export to PDF and read it back),
#     ripgrep (seeds code-server's @vscode/ripgrep, which would otherwise download from GitHub),
#     and, only while code-server is still to be installed, a C/C++ toolchain, python3 and libkrb5-dev
#     (code-server builds argon2 and kerberos from source when it cannot download prebuilt binaries).
#   * code-server (= VS Code web workbench + server) from the npm registry, into
#     ${GONGWEN_CS_DIR:-$HOME/.cache/gongwen/code-server}.
# Idempotent: a second run only checks and prints "ok" lines. Exits non-zero with a message on failure.
#
# Usage: bash test/e2e/setup.sh
# Env:   GONGWEN_CS_DIR        install dir for code-server (default $HOME/.cache/gongwen/code-server)
#        GONGWEN_CS_VERSION    code-server version (default 4.100.3: newest that runs on Node 20)
#        CHROMIUM              use this browser binary instead of Debian's /usr/bin/chromium
set -euo pipefail

CS_VERSION="${GONGWEN_CS_VERSION:-4.100.3}"
CS_DIR="${GONGWEN_CS_DIR:-$HOME/.cache/gongwen/code-server}"
# @vscode/ripgrep version/tag that code-server $CS_VERSION pulls in (lib/vscode/package.json).
RG_PKG_VERSION=1.15.11
RG_TAG=v13.0.0-10

say() { printf '[e2e-setup] %s\n' "$*"; }
die() { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'printf "[e2e-setup] ERROR: command failed (line %s): %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR

start=$(date +%s)
command -v node >/dev/null || die "node is not on PATH (Node >= 20 is required)"
command -v npm >/dev/null || die "npm is not on PATH"

# ---------------------------------------------------------------------------------------------- apt
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
fi

missing=()
if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] || die "CHROMIUM=$CHROMIUM is not an executable file"
  say "ok: browser $CHROMIUM (from \$CHROMIUM)"
elif [ -x /usr/bin/chromium ]; then
  say "ok: /usr/bin/chromium present"
else
  missing+=(chromium)
fi
if dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'; then
  say "ok: fonts-noto-cjk present"
else
  missing+=(fonts-noto-cjk)
fi
if command -v rg >/dev/null; then say "ok: ripgrep present ($(command -v rg))"; else missing+=(ripgrep); fi
# LibreOffice renders the Word export to PDF and poppler's pdftotext reads it back (test/server/exportRender.test.ts):
# the only check of the real page layout (22 lines, page numbers).
if command -v soffice >/dev/null || command -v libreoffice >/dev/null; then say "ok: LibreOffice present"; else missing+=(libreoffice-writer-nogui); fi
if command -v pdftotext >/dev/null; then say "ok: pdftotext present"; else missing+=(poppler-utils); fi
# Unihan (kCangjie, kFourCornerCode): lets test/unit/typo-data.test.ts re-derive the shape-confusion table fully.
if [ -d /usr/share/unicode ] && ls /usr/share/unicode/Unihan* >/dev/null 2>&1; then say "ok: unicode-data present"; else missing+=(unicode-data); fi
# Only needed if code-server is still to be installed (native modules built from source).
cs_pkg="$CS_DIR/node_modules/code-server/package.json"
cs_installed=""
[ -f "$cs_pkg" ] && cs_installed="$(node -p 'require(process.argv[1]).version' "$cs_pkg" 2>/dev/null || true)"
if [ "$cs_installed" != "$CS_VERSION" ]; then
  for tool in make g++; do command -v "$tool" >/dev/null || { missing+=(build-essential); break; }; done
  command -v python3 >/dev/null || missing+=(python3)
  # code-server's `kerberos` module is compiled from source and needs the GSSAPI headers.
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
fi

if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "missing ${missing[*]} and apt-get is not available: install them by hand (or set CHROMIUM=/path/to/chromium)"
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    die "missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update only when the package lists don't know a package yet (fresh image) ...
  need_update=0
  for p in "${missing[@]}"; do
    apt-cache show "$p" >/dev/null 2>&1 || { need_update=1; break; }
  done
  if [ $need_update -eq 1 ]; then
    say "apt-get update (package lists are empty or stale)"
    $SUDO apt-get update -qq || die "apt-get update failed"
    updated=1
  else
    updated=0
  fi
  apt_log="$(mktemp -t gongwen-e2e-apt.XXXXXX.log)"
  apt_install() { $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1; }
  say "apt-get install ${missing[*]} (log: $apt_log)"
  if ! apt_install; then
    # ... or when an install from old lists fails (404 on a superseded .deb).
    if [ $updated -eq 1 ]; then tail -n 30 "$apt_log" >&2; die "apt-get install ${missing[*]} failed"; fi
    say "install failed, retrying after apt-get update"
    $SUDO apt-get update -qq || die "apt-get update failed"
    apt_install || { tail -n 30 "$apt_log" >&2; die "apt-get install ${missing[*]} failed"; }
  fi
  say "installed: ${missing[*]}"
fi
if [ -z "${CHROMIUM:-}" ]; then
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium is still missing after apt-get install"
fi
command -v rg >/dev/null || die "rg (ripgrep) is still missing after apt-get install"

# ---------------------------------------------------------------------------------------- code-server
rg_bin="$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [ "$cs_installed" = "$CS_VERSION" ] && [ -x "$rg_bin" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  say "ok: code-server $CS_VERSION already installed in $CS_DIR"
else
  if [ -n "$cs_installed" ]; then say "code-server $cs_installed found in $CS_DIR, want $CS_VERSION: reinstalling"; fi
  # @vscode/ripgrep's postinstall downloads rg from GitHub (not reachable here/CI): seed its download
  # cache (<os.tmpdir()>/vscode-ripgrep-cache-<version>/ripgrep-<tag>-<target>.tar.gz) with Debian's rg.
  case "$(node -p 'process.arch')" in
    x64) rg_target=x86_64-unknown-linux-musl ;;
    arm64) rg_target=aarch64-unknown-linux-musl ;;
    *) die "unsupported CPU architecture $(node -p 'process.arch') (x64 and arm64 are supported)" ;;
  esac
  tmp="$(node -p 'require("os").tmpdir()')"
  rg_cache="$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
  rg_tar="$rg_cache/ripgrep-$RG_TAG-$rg_target.tar.gz"
  pack="$(mktemp -d)"
  mkdir -p "$rg_cache"
  cp "$(command -v rg)" "$pack/rg"
  tar czf "$rg_tar" -C "$pack" rg
  rm -rf "$pack"
  say "seeded ripgrep cache $rg_tar with $(command -v rg)"

  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || printf '{ "name": "gongwen-e2e-code-server", "private": true }\n' > "$CS_DIR/package.json"
  say "npm install code-server@$CS_VERSION into $CS_DIR (about a minute; builds native modules)"
  log="$CS_DIR/npm-install.log"
  # unsafe_perm: as root, code-server's postinstall refuses to run without it.
  if ! (cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
        npm install --no-audit --no-fund --save-exact "code-server@$CS_VERSION" >"$log" 2>&1); then
    tail -n 40 "$log" >&2
    die "npm install code-server@$CS_VERSION failed (full log: $log)"
  fi
  [ -x "$rg_bin" ] || { tail -n 40 "$log" >&2; die "code-server installed but its ripgrep is missing: $rg_bin (log: $log)"; }
  say "installed code-server $CS_VERSION"
fi
# --config: without it code-server writes ~/.config/code-server/config.yaml (with a password) on first use.
cfg="$(mktemp -t gongwen-e2e-cs.XXXXXX.yaml)"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' >"$cfg"
version_line="$("$CS_DIR/node_modules/.bin/code-server" --config "$cfg" --version 2>/dev/null | head -n 1)" \
  || { rm -f "$cfg"; die "$CS_DIR/node_modules/.bin/code-server --version failed"; }
rm -f "$cfg"
case "$version_line" in
  "$CS_VERSION"*) ;;
  *) die "code-server --version says '$version_line', expected $CS_VERSION" ;;
esac
say "code-server: $CS_DIR/node_modules/.bin/code-server ($version_line)"
say "browser: ${CHROMIUM:-/usr/bin/chromium} ($("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null || echo 'version unknown'))"
say "done in $(( $(date +%s) - start ))s"
