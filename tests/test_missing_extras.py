"""A cluster command on a machine without Ray (installed by the `cluster` extra) ends in one line that says
what to install, not a traceback."""

import os
import subprocess
import sys

import pytest
from conftest import REPO, free_port, make_corpus

# Ray made unimportable in the child process, as on a machine where it was never installed
WITHOUT_RAY = "import sys; sys.modules['ray'] = None; from searchapp.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.parametrize("command", [
    ["cluster", "status", "--cluster", "127.0.0.2:6379"],
    ["index", "--shards", "2", "--cluster", "127.0.0.2:6379"],
    ["serve", "--cluster", "127.0.0.2:6379", "--host", "127.0.0.1"],
])
def test_a_cluster_command_without_ray_says_what_to_install(tmp_path, command):
    corpus = make_corpus(tmp_path / "corpus")
    port = ["--port", str(free_port())] if command[0] == "serve" else []
    done = subprocess.run([sys.executable, "-c", WITHOUT_RAY, *command, *port, "--corpus", str(corpus),
                           "--index", str(tmp_path / "index")],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "searchapp: error: a Ray cluster needs Ray, which is not installed: pip install -e '.[cluster]'")
    assert "Traceback" not in done.stderr


def test_a_part_of_ray_missing_is_named_as_itself():
    broken = WITHOUT_RAY.replace("sys.modules['ray'] = None", "sys.modules['ray.util.scheduling_strategies'] = None")
    done = subprocess.run([sys.executable, "-c", broken, "cluster", "status", "--cluster", "127.0.0.2:6379"],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode != 0 and "ray.util.scheduling_strategies" in done.stderr
    assert "which is not installed" not in done.stderr
