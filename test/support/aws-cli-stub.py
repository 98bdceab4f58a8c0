#!/usr/bin/env python3
# A stand-in for the AWS CLI that generated build-machine scripts (make promote, make prune) call in
# tests. It keeps a small account in a JSON file (images per region, snapshots, SSM parameters), answers
# the few calls those scripts make the way EC2 and SSM do, applies --query with jmespath (the library
# the AWS CLI itself uses, Debian's python3-jmespath) and prints --output text the way the CLI does, so
# a wrong query or a wrong filter shows. Every call is recorded, one JSON list per line.
import json
import os
import re
import sys

import jmespath

STATE = os.environ["AWS_STUB_STATE"]
LOG = os.environ["AWS_STUB_LOG"]


def fail(code, message):
    # The AWS CLI prints service errors this way and exits 254.
    sys.stderr.write(f"\nAn error occurred ({code}) when calling the operation: {message}\n")
    sys.exit(254)


def parse(argv):
    if len(argv) < 2:
        fail("Usage", "aws SERVICE OPERATION [--option value ...]")
    service, operation, rest = argv[0], argv[1], argv[2:]
    options = {}
    i = 0
    while i < len(rest):
        if not rest[i].startswith("--"):
            fail("Usage", f"unexpected argument {rest[i]!r}")
        name = rest[i][2:]
        i += 1
        values = []
        while i < len(rest) and not rest[i].startswith("--"):
            values.append(rest[i])
            i += 1
        options[name] = values
    return service, operation, options


def one(options, name, required=True):
    values = options.get(name)
    if not values:
        if required:
            fail("MissingParameter", f"--{name} is required")
        return None
    if len(values) != 1:
        fail("Usage", f"--{name} takes one value, got {values!r}")
    return values[0]


def filters_of(options):
    """--filters as JSON or in the shorthand Name=...,Values=a,b (one filter per word)."""
    parsed = []
    for word in options.get("filters", []):
        if word.lstrip().startswith("["):
            parsed.extend(json.loads(word))
            continue
        name, _, values = word.partition(",Values=")
        if not name.startswith("Name="):
            fail("Usage", f"cannot read the filter {word!r}")
        parsed.append({"Name": name[len("Name="):], "Values": values.split(",")})
    return parsed


def tag(image, key):
    return next((t["Value"] for t in image.get("Tags", []) if t["Key"] == key), None)


def ec2_pattern(value):
    """EC2 filter values: * any run, ? any one character, a backslash escapes the next one."""
    out, i = "", 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            out += re.escape(value[i + 1])
            i += 2
            continue
        out += ".*" if c == "*" else "." if c == "?" else re.escape(c)
        i += 1
    return re.compile(out + r"\Z", re.S)


def matches(image, flt):
    name = flt["Name"]
    if name.startswith("tag:"):
        value = tag(image, name[4:])
        return value is not None and any(ec2_pattern(v).match(value) for v in flt["Values"])
    if name == "tag-key":
        return any(t["Key"] in flt["Values"] for t in image.get("Tags", []))
    if name == "image-id":
        return image["ImageId"] in flt["Values"]
    fail("InvalidParameterValue", f"the stub does not know the filter {name}")


def public(image):
    return {k: v for k, v in image.items() if k != "Region"}


def run(service, operation, options, state):
    region = one(options, "region")
    images = [i for i in state["images"] if i["Region"] == region]
    if (service, operation) == ("ec2", "describe-images"):
        if options.get("owners") not in (None, ["self"]):
            fail("InvalidParameterValue", "the stub knows only --owners self")
        wanted = options.get("image-ids")
        if wanted:
            missing = [i for i in wanted if i not in {x["ImageId"] for x in images}]
            if missing:
                fail("InvalidAMIID.NotFound", f"The image id '[{missing[0]}]' does not exist")
            images = [i for i in images if i["ImageId"] in wanted]
        for flt in filters_of(options):
            images = [i for i in images if matches(i, flt)]
        return {"Images": [public(i) for i in images]}, False
    if (service, operation) == ("ec2", "deregister-image"):
        image_id = one(options, "image-id")
        if not any(i["ImageId"] == image_id for i in images):
            fail("InvalidAMIID.NotFound", f"The image id '[{image_id}]' does not exist")
        state["images"] = [i for i in state["images"] if not (i["Region"] == region and i["ImageId"] == image_id)]
        return {"Return": True}, True
    if (service, operation) == ("ec2", "delete-snapshot"):
        snapshot = one(options, "snapshot-id")
        key = f"{region}/{snapshot}"
        if key not in state["snapshots"]:
            fail("InvalidSnapshot.NotFound", f"The snapshot '{snapshot}' does not exist.")
        in_use = [i["ImageId"] for i in images if any(m.get("Ebs", {}).get("SnapshotId") == snapshot for m in i.get("BlockDeviceMappings", []))]
        if in_use:
            fail("InvalidSnapshot.InUse", f"The snapshot {snapshot} is currently in use by {in_use[0]}")
        state["snapshots"].remove(key)
        return None, True
    if (service, operation) == ("ec2", "create-tags"):
        for resource in options.get("resources", []):
            for word in options.get("tags", []):
                k, _, v = word.partition(",Value=")
                for image in images:
                    if image["ImageId"] == resource:
                        image["Tags"] = [t for t in image.get("Tags", []) if t["Key"] != k[len("Key="):]] + [{"Key": k[len("Key="):], "Value": v}]
        return None, True
    if (service, operation) == ("ec2", "modify-image-attribute"):
        image_id = one(options, "image-id")
        if not any(i["ImageId"] == image_id for i in images):
            fail("InvalidAMIID.NotFound", f"The image id '[{image_id}]' does not exist")
        permission = json.loads(one(options, "launch-permission"))
        for image in images:
            if image["ImageId"] == image_id:
                image.setdefault("LaunchPermissions", []).extend(permission.get("Add", []))
        return None, True
    if (service, operation) == ("ec2", "modify-snapshot-attribute"):
        if f"{region}/{one(options, 'snapshot-id')}" not in state["snapshots"]:
            fail("InvalidSnapshot.NotFound", "no such snapshot")
        return None, True
    if (service, operation) == ("ssm", "get-parameters-by-path"):
        path = one(options, "path").rstrip("/") + "/"
        recursive = "recursive" in options
        found = [
            {"Name": name, "Value": value}
            for name, value in sorted(state["parameters"].get(region, {}).items())
            if name.startswith(path) and (recursive or "/" not in name[len(path):])
        ]
        return {"Parameters": found}, False
    if (service, operation) == ("ssm", "put-parameter"):
        state["parameters"].setdefault(region, {})[one(options, "name")] = one(options, "value")
        return {"Version": 1}, True
    fail("Unsupported", f"the stub does not answer aws {service} {operation}")


def text(value):
    """The AWS CLI's text output: a list of scalars on one line, a list of lists one row each."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        if all(not isinstance(v, (list, dict)) for v in value):
            return "\t".join(text(v) for v in value)
        return "\n".join(text(v) for v in value)
    if isinstance(value, dict):
        return "\t".join(text(v) for v in value.values())
    return str(value)


def main():
    argv = sys.argv[1:]
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(json.dumps(argv) + "\n")
    service, operation, options = parse(argv)
    with open(STATE, encoding="utf-8") as f:
        state = json.load(f)
    response, changed = run(service, operation, options, state)
    if changed:
        with open(STATE, "w", encoding="utf-8") as f:
            json.dump(state, f)
    if response is None:
        return
    query = one(options, "query", required=False)
    if query is not None:
        response = jmespath.search(query, response)
    if one(options, "output", required=False) == "text":
        out = text(response)
        if out:
            print(out)
    else:
        print(json.dumps(response, indent=4))


main()
