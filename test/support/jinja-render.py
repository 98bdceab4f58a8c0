#!/usr/bin/env python3
"""Render generated files through Jinja the way Ansible and Salt do, to prove answer values inert.

Usage: jinja-render.py ansible|salt MARKER FILE...   (prints one JSON report on stdout)

ansible: each file is YAML (a task list or a playbook). Every string value is rendered as Ansible
  templates task arguments and play keywords; `when`, `changed_when`, `failed_when` and `until` are
  evaluated as the bare expressions Ansible takes them for. A string tagged !unsafe is left alone, as
  Ansible leaves it. Reported: every string whose rendering differs from its source or fails.
salt: each file's whole text is rendered (Salt's default renderer is jinja|yaml); reported: a text
  that renders differently or fails, and a rendering that is no longer YAML.

Every callable the templates can reach (lookup, query, q, the salt functions, Jinja's own globals)
is a trap: it appends a line to MARKER and raises, so a call is both visible and fatal. Undefined
variables fail, as in both tools by default. The environment is sandboxed, unlike the real tools:
a payload that would escape there raises here, and a raise is reported like a change.
"""
import json
import sys
import traceback

import yaml
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

# The variables the generated playbooks legitimately use: bootstrap passes them as extra vars.
ANSIBLE_VARS = {"ami_role": "web", "ami_phase": "all", "ami_stage": "dev", "ami_ssm_prefix": "/demo/dev"}
ANSIBLE_CONDITIONALS = {"when", "changed_when", "failed_when", "until"}
ANSIBLE_CALLABLES = ["lookup", "query", "q", "now", "undef"]


class TrapCalled(Exception):
    pass


class Trap:
    """A callable, and a mapping of callables (salt['cmd.run'], salt.cmd.run): calling records and fails."""

    # Attributes Jinja reads from a callable before calling it; a Trap answering them would look unsafe.
    unsafe_callable = False
    alters_data = False
    jinja_pass_arg = None

    def __init__(self, name, marker):
        self._name = name
        self._marker = marker

    def __getitem__(self, key):
        return Trap(f"{self._name}[{key!r}]", self._marker)

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        return Trap(f"{self._name}.{key}", self._marker)

    def __call__(self, *args, **kwargs):
        with open(self._marker, "a", encoding="utf-8") as f:
            f.write(f"{self._name}{args!r}\n")
        raise TrapCalled(f"{self._name} was called")


def environment(marker, callables, **options):
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, keep_trailing_newline=True, **options)
    # Jinja's own globals (range, dict, lipsum, cycler, joiner, namespace) become traps too.
    env.globals = {name: Trap(name, marker) for name in [*env.globals, *callables]}
    return env


class UnsafeText(str):
    pass


class AnsibleLoader(yaml.SafeLoader):
    pass


AnsibleLoader.add_constructor("!unsafe", lambda loader, node: UnsafeText(loader.construct_scalar(node)))


def render_ansible(path, env, changes):
    with open(path, encoding="utf-8") as f:
        document = yaml.load(f, Loader=AnsibleLoader)

    def walk(node, at):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ANSIBLE_CONDITIONALS:
                    for expr in value if isinstance(value, list) else [value]:
                        if isinstance(expr, str):
                            evaluate(expr, f"{at}.{key}")
                else:
                    walk(value, f"{at}.{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{at}[{i}]")
        elif isinstance(node, str) and not isinstance(node, UnsafeText):
            try:
                rendered = env.from_string(node).render(ANSIBLE_VARS)
                if rendered != node:
                    changes.append({"file": path, "at": at, "source": node, "rendered": rendered, "error": None})
            except Exception as e:  # noqa: BLE001 - any failure to render is a finding
                changes.append({"file": path, "at": at, "source": node, "rendered": None, "error": f"{type(e).__name__}: {e}"})

    def evaluate(expr, at):
        try:
            env.compile_expression(expr)(**ANSIBLE_VARS)
        except Exception as e:  # noqa: BLE001
            changes.append({"file": path, "at": at, "source": expr, "rendered": None, "error": f"{type(e).__name__}: {e}"})

    walk(document, "$")


def template_line(error):
    """The template line a rendering failed on: syntax errors carry it, runtime errors have a frame."""
    if getattr(error, "lineno", None):
        return error.lineno
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def render_salt(path, env, changes, yaml_errors):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        rendered = env.from_string(source).render(pillar={}, grains={}, saltenv="base", sls=path)
    except Exception as e:  # noqa: BLE001
        line = template_line(e)
        shown = source.split("\n")[line - 1] if line else source
        changes.append({"file": path, "at": f"line {line}" if line else "whole file", "source": shown, "rendered": None, "error": f"{type(e).__name__}: {e}"})
        return
    if rendered != source:
        before, after = source.split("\n"), rendered.split("\n")
        n = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
        changes.append({"file": path, "at": f"line {n + 1}", "source": "\n".join(before[n:n + 1]), "rendered": "\n".join(after[n:n + 1]), "error": None})
    try:
        yaml.safe_load(rendered)
    except yaml.YAMLError as e:
        yaml_errors.append({"file": path, "message": str(e)})


def main():
    mode, marker, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    changes, yaml_errors = [], []
    if mode == "ansible":
        # Ansible templates with trim_blocks on.
        env = environment(marker, ANSIBLE_CALLABLES, trim_blocks=True)
        for path in files:
            try:
                render_ansible(path, env, changes)
            except yaml.YAMLError as e:
                yaml_errors.append({"file": path, "message": str(e)})
    elif mode == "salt":
        env = environment(marker, ["salt"])
        for path in files:
            render_salt(path, env, changes, yaml_errors)
    else:
        sys.exit(f"unknown mode {mode!r}: ansible or salt")
    json.dump({"files": len(files), "changes": changes, "yamlErrors": yaml_errors}, sys.stdout)


if __name__ == "__main__":
    main()
