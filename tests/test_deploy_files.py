"""The deployment files, checked without Docker or Helm (neither runs here).

- The Helm chart: its templates use plain ``{{ .Values.x }}`` substitutions only, so this
  test renders them from values.yaml and validates every manifest against the Kubernetes
  schemas (kubernetes-validate), then checks the parts the deployment depends on.
- deploy/compose.yml: the services, their healthchecks, only nginx published, Redis without
  persistence.
- nginx: the configuration the launcher writes (with the shared deploy/nginx/*.conf) and the
  containers' one pass ``nginx -t``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from aidguide.stack.balancer import BalancerPorts, nginx_config, nginx_program
from aidguide.stack.model import REPO_ROOT

DEPLOY = REPO_ROOT / "deploy"
CHART = DEPLOY / "helm" / "aidguide"
KUBERNETES_VERSION = "1.30"
PLACEHOLDER = re.compile(r"\{\{\s*\.Values\.([\w.]+)\s*\}\}")


def render(template: str, values: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        node: Any = values
        for part in match.group(1).split("."):
            node = node[part]  # a KeyError names a value missing from values.yaml
        return str(node)

    rendered = PLACEHOLDER.sub(value, template)
    assert "{{" not in rendered, "templates must stay plain substitutions (see values.yaml)"
    return rendered


def manifests() -> list[dict[str, Any]]:
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    documents = []
    for template in sorted((CHART / "templates").glob("*.yaml")):
        documents += [d for d in yaml.safe_load_all(render(template.read_text(), values)) if d]
    return documents


def by_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in manifests() if d["kind"] == kind}


def test_the_helm_chart_renders_to_valid_kubernetes_manifests() -> None:
    documents = manifests()
    assert documents
    for document in documents:
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_the_chart_has_the_parts_with_replicas_and_readiness_probes() -> None:
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    deployments = by_kind("Deployment")
    assert set(deployments) == {"aidguide-redis", "aidguide-rasa", "aidguide-app", "aidguide-nginx"}
    assert deployments["aidguide-rasa"]["spec"]["replicas"] == values["replicas"] >= 2
    assert deployments["aidguide-app"]["spec"]["replicas"] == values["replicas"]
    for name, deployment in deployments.items():
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            assert "readinessProbe" in container, name
    # A rollout replaces one Rasa at a time, never below the replicas serving.
    rollout = deployments["aidguide-rasa"]["spec"]["strategy"]["rollingUpdate"]
    assert rollout["maxUnavailable"] == 0
    redis_args = " ".join(
        deployments["aidguide-redis"]["spec"]["template"]["spec"]["containers"][0]["args"]
    )
    assert '--save ""' in redis_args and "--appendonly no" in redis_args
    # Only nginx is reachable from outside.
    services = by_kind("Service")
    public = {name for name, s in services.items() if s["spec"]["type"] != "ClusterIP"}
    assert public == {"aidguide-public"}
    assert services["aidguide-public"]["spec"]["selector"] == {
        "app.kubernetes.io/name": "aidguide-nginx"
    }


def test_compose_has_the_parts_healthchecks_and_only_nginx_published() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"aidguide-redis", "aidguide-rasa", "aidguide-app", "aidguide-nginx"}
    for name, service in services.items():
        assert service["healthcheck"]["test"], name
    assert {name for name, s in services.items() if "ports" in s} == {"aidguide-nginx"}
    redis_command = " ".join(services["aidguide-redis"]["command"])
    assert '--save ""' in redis_command and "--appendonly no" in redis_command
    assert "volumes" not in services["aidguide-redis"]  # memory only (tmpfs)
    for name in ("aidguide-rasa", "aidguide-app"):
        assert services[name]["deploy"]["replicas"] == "${AIDGUIDE_REPLICAS:-2}"
        assert "${AIDGUIDE_REDIS_PASSWORD" in services[name]["environment"]["AIDGUIDE_REDIS_URL"]
    # Replicas of the app accept each other's conversation ids.
    assert "AIDGUIDE_CONVERSATION_SECRET" in services["aidguide-app"]["environment"]


def nginx_test(config: Path, prefix: Path) -> None:
    result = subprocess.run(
        [nginx_program(), "-t", "-p", str(prefix), "-c", str(config), "-e", "stderr"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


def test_the_launchers_nginx_configuration_is_valid(tmp_path: Path) -> None:
    ports = BalancerPorts(public=18080, callbacks=18001, rasa_for_app=(15001, 15002))
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(ports, [18100, 18101], [15005, 15006], tmp_path))
    nginx_test(config, tmp_path)


def test_the_containers_nginx_configuration_is_valid(tmp_path: Path) -> None:
    """deploy/nginx/nginx.conf, with what only a container has replaced: its paths, the
    DNS names of the replicas and `resolve` (nginx >= 1.27.3; Debian 12 has 1.22)."""
    text = (DEPLOY / "nginx" / "nginx.conf").read_text()
    if subprocess.run(["id", "-u", "nginx"], capture_output=True).returncode != 0:
        text = text.replace("user nginx;", "")
    (tmp_path / "resolver.conf").write_text("resolver 127.0.0.1 valid=10s;\n")
    text = text.replace("/tmp/", f"{tmp_path}/")
    text = text.replace("/etc/nginx/aidguide/", f"{DEPLOY / 'nginx'}/")
    text = text.replace("/etc/nginx/conf.d/resolver.conf", str(tmp_path / "resolver.conf"))
    text = re.sub(r"aidguide-(app|rasa):", "127.0.0.1:", text).replace(" resolve ", " ")
    text = re.sub(r"listen (\d+);", lambda m: f"listen 127.0.0.1:{int(m.group(1)) + 20000};", text)
    config = tmp_path / "nginx.conf"
    config.write_text(text)
    nginx_test(config, tmp_path)


@pytest.mark.parametrize("path", ["http.conf", "public.conf", "callbacks.conf"])
def test_the_container_image_carries_the_shared_nginx_files(path: str) -> None:
    assert path in (DEPLOY / "nginx" / "Dockerfile").read_text()
