"""Rows from the development docs of real projects (batch G)."""

from rows_common import A, V, add, b  # noqa: F401

add("curl/curl", "docs/INSTALL.md", "curl", [
    (V, "Build curl with OpenSSL, test it and install it", "bash", b("./configure --with-openssl && make && make test && make install"), "build/install", "Configure, build, test, install"),
    (V, "Install curl into my home directory instead of /usr/local", "bash", b("./configure --prefix=$HOME --with-openssl && make && make install"), "install", "Local prefix install"),
    (V, "Configure curl against the OpenSSL in /opt/OpenSSL", "bash", b("env PKG_CONFIG_PATH=/opt/OpenSSL/lib/pkgconfig ./configure --with-openssl"), "build/configure", "Points pkg-config at a custom OpenSSL"),
    (A, "Build a static libcurl", "bash", b("./configure --disable-shared --with-openssl && make"), "build", "Static build"),
    (A, "Configure curl with debug options for development", "bash", b("./configure --enable-debug --with-openssl"), "build/configure", "Debug configure"),
    (A, "Install curl with vcpkg", "bash", b("git clone https://github.com/Microsoft/vcpkg && cd vcpkg && ./bootstrap-vcpkg.sh && ./vcpkg integrate install && ./vcpkg install curl[tool]"), "setup/install", "Bootstraps vcpkg and installs curl"),
])

add("denoland/deno", ".github/CONTRIBUTING.md", "MIT", [
    (V, "Clone Deno with its submodules", "bash", b("git clone --recurse-submodules https://github.com/denoland/deno.git"), "setup/clone", "Recursive clone"),
    (A, "Install LLVM 17 with the official llvm.sh script for building Deno", "bash", b("wget https://apt.llvm.org/llvm.sh && chmod +x llvm.sh && sudo ./llvm.sh 17 && sudo apt install --install-recommends -y cmake libglib2.0-dev"), "setup/toolchain", "Downloads the official LLVM apt script, makes it executable, runs it as root"),
    (A, "Install protoc for building Deno", "bash", b("sudo apt install -y protobuf-compiler && protoc --version"), "setup/system-deps", "Installs protobuf compiler"),
    (V, "Build Deno", "bash", b("./x build"), "build", "Debug build via ./x"),
    (V, "Deno build errors after pulling main; clean and rebuild", "bash", b("cargo clean && cargo build -vv"), "clean", "Removes target/ and rebuilds"),
    (V, "Run the hello example with my Deno build", "bash", b("./target/debug/deno run tests/testdata/run/002_hello.ts"), "run", "Runs a sample script"),
    (V, "Run Deno's fmt and JS lint before committing", "bash", b("./x verify"), "lint", "Pre-commit verification"),
    (V, "Build Deno against my local deno_ast checkout", "bash", b("cargo build --config 'patch.crates-io.deno_ast.path=\"../deno_ast\"'"), "build", "Patches a dependency to a local path"),
])

add("ansible/ansible", "hacking/README.md", "GPL-3.0-or-later", [
    (V, "Set up my shell to run Ansible from the git checkout", "bash", b("source ./hacking/env-setup"), "setup/env", "Sources the env-setup script"),
    (V, "Install Ansible's Python prerequisites with pip", "bash", b("pip install pyyaml jinja2"), "setup/install", "Installs deps"),
    (V, "Run the shell module locally outside ansible to test it", "bash", b("./hacking/test-module -m library/commands/shell -a \"echo hi\""), "test", "Runs a module directly"),
])

add("argoproj/argo-cd", "docs/developer-guide/running-locally.md", "Apache-2.0", [
    (V, "Install the Argo CD manifests into my dev cluster", "bash", b("kubectl create namespace argocd && kubectl apply -n argocd --force -f manifests/install.yaml"), "k8s/deploy", "Creates the namespace and applies manifests"),
    (V, "Scale down the in-cluster Argo CD so I can run it locally", "bash", b("kubectl -n argocd scale statefulset/argocd-application-controller --replicas 0 && kubectl -n argocd scale deployment/argocd-server --replicas 0 && kubectl -n argocd scale deployment/argocd-repo-server --replicas 0"), "k8s/scale", "Scales Argo CD workloads to zero in the dev cluster"),
    (V, "Create a kind cluster for Argo CD development", "bash", b("kind create cluster --kubeconfig ~/.kube/config-kind && export KUBECONFIG=~/.kube/config-kind && kubectl config set-context --current --namespace=argocd"), "k8s/cluster", "Creates a local cluster"),
    (V, "Start the Argo CD services locally", "bash", b("export KUBECONFIG=~/.kube/config-kind && make start-local"), "server", "Runs all services via goreman"),
    (V, "Restart the repo server after my change", "bash", b("goreman run restart repo-server"), "server/restart", "Restarts one process"),
    (V, "Clean up the kind cluster when I'm done", "bash", b("kind delete cluster; rm -f ~/.kube/config-kind"), "k8s/clean", "Deletes the local cluster and its kubeconfig"),
    (V, "Build and push my own Argo CD image to my Docker Hub namespace", "bash", b("export IMAGE_NAMESPACE=youraccount IMAGE_TAG=1.5.0-myrc && DOCKER_PUSH=true make image"), "docker/publish", "Builds and pushes an image to one's own namespace"),
    (A, "Check the locally running Argo CD API answers", "http_request", {"method": "GET", "url": "http://127.0.0.1:8080/api/version"}, "server/check", "GETs the API version from the local server"),
])

add("supabase/supabase", "DEVELOPERS.md", "Apache-2.0", [
    (V, "Install the Supabase monorepo dependencies and start all apps", "bash", b("npm install && npm run dev"), "server", "Installs and runs all apps"),
    (V, "Run only the www site", "bash", b("npm run dev:www"), "server", "Runs one app"),
    (V, "Add react to the common package workspace", "bash", b("npm install react -w common"), "setup/install", "Installs into a workspace"),
    (V, "Set up the docker env file for running Studio locally", "bash", b("cd docker && cp .env.example .env"), "config/env", "Writes .env from the example"),
    (V, "Start the local Supabase stack with docker compose", "bash", b("cd docker && docker compose up"), "docker", "Starts the compose stack"),
    (A, "Check local Studio is up", "http_request", {"method": "GET", "url": "http://localhost:8082"}, "server/check", "GETs the local Studio page"),
])
