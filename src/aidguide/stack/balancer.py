"""nginx in front of the replicas on one machine: its configuration and its process.

The settings that matter (rate limit, no bodies on disk, retries, which routes are public)
live once in deploy/nginx/*.conf, shared with the compose and Helm deployments; this module
only writes what differs on one machine: loopback ports and the upstream lists.

Three kinds of listener:
- public: people (the widget, the API) -> every app replica;
- one per app replica, for its calls to Rasa: its "own" Rasa replica first, the others as
  backups, so that turns spread over the replicas and a replica that is down is skipped;
- callbacks: Rasa's calls to /webhook and /nlg -> every app replica.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aidguide.config import REPO_ROOT

NGINX_SHARED = REPO_ROOT / "deploy" / "nginx"
_UPSTREAM_OPTIONS = "max_fails=1 fail_timeout=5s"


class NginxMissing(RuntimeError):
    """The ``nginx`` program is not installed (Debian package nginx)."""


def nginx_program() -> str:
    program = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if program is None:
        raise NginxMissing(
            "nginx is not installed: `apt-get install -y nginx` "
            "(listed in scripts/apt-packages.txt, installed by `make setup`)"
        )
    return program


@dataclass(frozen=True)
class BalancerPorts:
    public: int
    callbacks: int
    #: For app replica i: the port it reaches Rasa through.
    rasa_for_app: tuple[int, ...]


def _upstream(name: str, ports: Sequence[int], backups: Sequence[int] = ()) -> list[str]:
    lines = [f"  upstream {name} {{"]
    lines += [f"    server 127.0.0.1:{port} {_UPSTREAM_OPTIONS};" for port in ports]
    lines += [f"    server 127.0.0.1:{port} backup;" for port in backups]
    return [*lines, "    keepalive 8;", "  }"]


def _server(port: int, body: str) -> list[str]:
    return [f"  server {{ listen 127.0.0.1:{port}; {body} }}"]


def nginx_config(
    ports: BalancerPorts, app_ports: list[int], rasa_ports: list[int], runtime_dir: Path
) -> str:
    """The whole nginx.conf for one machine, including the shared deploy/nginx/*.conf."""
    lines = [
        f"pid {runtime_dir / 'nginx.pid'};",
        "worker_processes 1;",
        "events { worker_connections 1024; }",
        "http {",
        *(
            f"  {kind}_temp_path {runtime_dir / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        ),
        f"  include {NGINX_SHARED / 'http.conf'};",
        *_upstream("aidguide_app", app_ports),
    ]
    for index, port in enumerate(ports.rasa_for_app):
        own = rasa_ports[index % len(rasa_ports)]
        others = [p for p in rasa_ports if p != own]
        lines += _upstream(f"aidguide_rasa_{index}", [own], others)
        lines += _server(port, f"location / {{ proxy_pass http://aidguide_rasa_{index}; }}")
    lines += _server(ports.public, f"include {NGINX_SHARED / 'public.conf'};")
    lines += _server(ports.callbacks, f"include {NGINX_SHARED / 'callbacks.conf'};")
    return "\n".join([*lines, "}", ""])


def nginx_command(runtime_dir: Path) -> list[str]:
    config = runtime_dir / "nginx.conf"
    program = nginx_program()
    return [program, "-p", str(runtime_dir), "-c", str(config), "-e", "stderr", "-g", "daemon off;"]
