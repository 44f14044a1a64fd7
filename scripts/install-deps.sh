#!/usr/bin/env bash
# Install the system pieces mailbot's tests and demo need, on Debian/Ubuntu. Idempotent and quick
# when everything is present; uses sudo only when not root.
#   - python3 venv support (Debian ships python3 without ensurepip)
#   - Dovecot IMAP + LMTP (the test/demo mail server; mailbot.sandbox runs its own instance)
#   - openssl (the sandbox makes its TLS test certificates with it; dovecot-core needs it anyway)
#   - Chromium and a Japanese font (the booking site's browser tests)
#   - when run as root: the system user `vmail` that owns the sandbox's mail files (Dovecot refuses
#     root for mail processes; as an ordinary user the sandbox runs Dovecot as that user)
set -euo pipefail

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    SUDO=(sudo)
fi

packages=()
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    packages+=(python3-venv)
fi
if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
    packages+=(dovecot-imapd dovecot-lmtpd)
fi

if ! command -v openssl >/dev/null 2>&1; then
    packages+=(openssl)
fi
# The booking site's browser tests: Debian's Chromium (driven by Playwright from the venv, which
# never downloads a browser of its own) and a Japanese font so screenshots show the text.
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    packages+=(chromium)
fi
if ! fc-list 2>/dev/null | grep -qi -e ipagothic -e "noto sans cjk"; then
    packages+=(fonts-ipafont-gothic)
fi

if [ ${#packages[@]} -gt 0 ]; then
    echo "install-deps: installing ${packages[*]}"
    "${SUDO[@]}" apt-get update -q
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
    if [[ " ${packages[*]} " == *" dovecot-imapd "* ]]; then
        # The package starts a system Dovecot on ports 143/24; we only need the binaries.
        if [ -d /run/systemd/system ]; then
            "${SUDO[@]}" systemctl disable --now dovecot.service >/dev/null 2>&1 || true
        elif [ -x /etc/init.d/dovecot ]; then
            "${SUDO[@]}" /etc/init.d/dovecot stop >/dev/null 2>&1 || true
            "${SUDO[@]}" update-rc.d dovecot disable >/dev/null 2>&1 || true
        fi
    fi
fi

if [ "$(id -u)" -eq 0 ] && ! getent passwd vmail >/dev/null; then
    echo "install-deps: creating system user vmail"
    useradd --system --no-create-home --shell /usr/sbin/nologin vmail
fi
