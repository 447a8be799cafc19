#!/usr/bin/env bash
# Installs the Debian 12 packages dualwatch needs to build, test and run.
# Idempotent: when every package is present it only runs one dpkg query.
set -euo pipefail
packages=(
  g++ cmake make pkg-config zstd
  libicu-dev libsqlite3-dev libsimdjson-dev nlohmann-json3-dev libpugixml-dev
  libcli11-dev libfmt-dev libzstd-dev libssl-dev libstemmer-dev libre2-dev libvectorscan-dev
  libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
if [[ "${DUALWATCH_FUZZ:-0}" == 1 ]]; then packages+=(clang-14 libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
