"""A synthetic Dokku datastore plugin of any number of subcommands, for the benchmarks:
``make_plugin(root, count)`` writes a realistic ``config``, ``Dockerfile``, ``plugin.toml``
and ``count`` scripts (the commands of the default README sections, then made-up names),
each with a ``declare desc=``, a ``declare`` reading ``$1`` (six shapes), 1-3 ``#A``, 0-3
``#F`` and 2-10 ``#E`` lines; one command in ten has a ``docs/<name>.md`` fragment.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

SECTIONS = Path(__file__).resolve().parent.parent / "templates" / "sections.toml"

# The commands that the default README sections list (templates/sections.toml), so that a
# synthetic plugin has a full Usage part in compat mode as well; the rest get made-up names.
SECTION_COMMANDS = tuple(
    name
    for section in tomllib.loads(SECTIONS.read_text(encoding="utf-8"))["section"]
    for name in section["commands"]
)
VERBS = "sync rotate audit tune scale snapshot vacuum reindex grant revoke".split()  # noqa: SIM905
NOUNS = "replica index user role cache shard queue bucket plan key".split()  # noqa: SIM905

SYNTH_CONFIG = """\
#!/usr/bin/env bash
_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export SYNTH_IMAGE=${SYNTH_IMAGE:="$(awk -F '[ :]' '{print $2}' "${_DIR}/Dockerfile")"}
export SYNTH_IMAGE_VERSION=${SYNTH_IMAGE_VERSION:="$(awk -F '[ :]' '{print $3}' "${_DIR}/Dockerfile")"}
export SYNTH_ROOT=${SYNTH_ROOT:="$DOKKU_LIB_ROOT/services/synth"}
export DOKKU_LIB_HOST_ROOT=${DOKKU_LIB_HOST_ROOT:=$DOKKU_LIB_ROOT}
export SYNTH_HOST_ROOT=${SYNTH_HOST_ROOT:="$DOKKU_LIB_HOST_ROOT/services/synth"}
export PLUGIN_UNIMPLEMENTED_SUBCOMMANDS=("backup-auth" "backup-deauth")
export PLUGIN_COMMAND_PREFIX="synth"
export PLUGIN_CONFIG_ROOT=${PLUGIN_CONFIG_ROOT:="$DOKKU_LIB_ROOT/config/$PLUGIN_COMMAND_PREFIX"}
export PLUGIN_DATA_ROOT=$SYNTH_ROOT
export PLUGIN_DATA_HOST_ROOT=$SYNTH_HOST_ROOT
export PLUGIN_DATASTORE_PORTS=(5432 5433)
export PLUGIN_DATASTORE_WAIT_PORT=5432
export PLUGIN_DEFAULT_ALIAS="SYNTH"
export PLUGIN_DISABLE_PULL=${SYNTH_DISABLE_PULL:=}
export PLUGIN_DISABLE_PULL_VARIABLE="SYNTH_DISABLE_PULL"
export PLUGIN_ALT_ALIAS="DOKKU_SYNTH"
export PLUGIN_IMAGE=$SYNTH_IMAGE
export PLUGIN_IMAGE_VERSION=$SYNTH_IMAGE_VERSION
export PLUGIN_SCHEME="synth"
export PLUGIN_SERVICE="Synth"
export PLUGIN_VARIABLE="SYNTH"
export PLUGIN_BASE_PATH="$PLUGIN_PATH"
export PLUGIN_CONFIG_SUFFIX="config"
if [[ -n $DOKKU_API_VERSION ]]; then
  export PLUGIN_BASE_PATH="$PLUGIN_ENABLED_PATH"
fi
export PLUGIN_BUSYBOX_IMAGE=${PLUGIN_BUSYBOX_IMAGE:=busybox:1.36.1-uclibc}
export PLUGIN_AMBASSADOR_IMAGE=${PLUGIN_AMBASSADOR_IMAGE:=dokku/ambassador:0.8.2}
export SYNTH_CONFIG_OPTIONS=${SYNTH_CONFIG_OPTIONS:=" --max-connections=100 "}
"""

SCRIPT_HEAD = """\
#!/usr/bin/env bash
source "$(dirname "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)")/config"
set -eo pipefail
[[ $DOKKU_TRACE ]] && set -x
source "$PLUGIN_CORE_AVAILABLE_PATH/common/functions"
source "$(dirname "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)")/functions"
"""

SCRIPT_TAIL = """\
  declare desc="{words} a $PLUGIN_SERVICE service (command {index})"
  local cmd="$PLUGIN_COMMAND_PREFIX:{name}" argv=("$@")
  [[ ${{argv[0]}} == "$cmd" ]] && shift 1
  declare {variables}
  is_implemented_command "$cmd" || dokku_log_fail "Not yet implemented"

  [[ -z "$SERVICE" ]] && dokku_log_fail "Please specify a valid name for the service"
  verify_service_name "$SERVICE"
  service_{function} "$SERVICE" "${{@:2}}"
}}

service-{name}-cmd "$@"
"""
FRAGMENT = """\
The `{name}` command talks to the running container, so the service has to be started first. \
It prints nothing on success.

```shell
dokku synth:{name} lollipop && echo done
```
"""

# The #E lines of command number i: each block whose (every, at) has i % every == at, with
# NAME and WORDS replaced.
EXAMPLES = {
    (1, 0): """\
#E WORDS the 'lollipop' $PLUGIN_COMMAND_PREFIX service
#E dokku $PLUGIN_COMMAND_PREFIX:NAME lollipop""",
    (3, 0): """\
#E the image can be changed with the ${PLUGIN_VARIABLE}_IMAGE variable.
#E export ${PLUGIN_VARIABLE}_IMAGE="${PLUGIN_IMAGE}"
#E dokku $PLUGIN_COMMAND_PREFIX:NAME lollipop --dry-run""",
    (4, 1): """\
#E the linked app sees the following environment:
#E
#E     DOKKU_${PLUGIN_VARIABLE}_LOLLIPOP_PORT_${PLUGIN_DATASTORE_PORTS[0]}_TCP_ADDR=172.17.0.5
#E     ${PLUGIN_DEFAULT_ALIAS}_URL=${PLUGIN_SCHEME}://lollipop:SOME_PASSWORD@dokku-${PLUGIN_COMMAND_PREFIX}-lollipop:${PLUGIN_DATASTORE_PORTS[0]}/lollipop""",
    (5, 2): "#E > NOTE: this restarts the AWS-backed container; don't run it during a backup.",
}
# One argument shape a line: the variables of the declare line, then its #A annotations.
ARGUMENT_SHAPES = [
    line.split(" | ")
    for line in """\
SERVICE="$1" | service, name of the service
SERVICE="$1" APP="$2" | service, name of the service | app, name of the app
SERVICE="$1" NEW_SERVICE="$2" CLONE_FLAGS_LIST=("${@:3}") | service, name of the service | new-service, name of the new service
SERVICE="$1" KEY="$2" VALUE_OPTIONAL="$3" | service, name of the service | key, the setting to change | value, the new value (unset when empty)
SERVICE="$1" TAIL_FLAG="$2" TAIL_NUM_OPTIONAL="${3:-all}" | service, name of the service
SERVICE="$1" BUCKET_NAME="$2" USE_IAM_OPTIONAL_FLAG="$3" | service, name of the service | bucket-name, name of the s3 bucket""".splitlines()
]
FLAG_LINES = """\
-c|--config-options "--args --go=here", extra arguments to pass to the container create command
-i|--image IMAGE, the image to start the service with
-I|--image-version IMAGE_VERSION, the image tag to start the service with
-a|--alias "BLUE_DATABASE", an alternative alias to use for linking to an app via environment variable
-R|--restart-apps "true", whether or not to force an app restart (default: false)
-u|--use-iam, use the IAM profile associated with the current server
--dry-run, print what would change and change nothing""".splitlines()


def command_names(count: int) -> list[str]:
    names = list(SECTION_COMMANDS[:count])
    index = 0
    while len(names) < count:
        verb, noun = VERBS[index % len(VERBS)], NOUNS[(index // len(VERBS)) % len(NOUNS)]
        names.append(f"{verb}-{noun}-{index:04d}")
        index += 1
    return names


def subcommand_script(name: str, index: int) -> str:
    variables, *arguments = ARGUMENT_SHAPES[index % len(ARGUMENT_SHAPES)]
    words = name.replace("-", " ")
    examples = [
        line.replace("NAME", name).replace("WORDS", words)
        for (every, at), block in EXAMPLES.items()
        if index % every == at
        for line in block.splitlines()
    ]
    flags = [FLAG_LINES[(index + k) % len(FLAG_LINES)] for k in range(index % 4)]
    body = [f"service-{name}-cmd() {{"]
    body += [f"  {line}" for line in examples]
    body += [f"  #A {line}" for line in arguments]
    body += [f"  #F {line}" for line in flags]
    function = name.replace("-", "_")
    tail = SCRIPT_TAIL.format(
        words=words, index=index, name=name, variables=variables, function=function
    )
    return SCRIPT_HEAD + "\n" + "\n".join(body) + "\n" + tail


def make_plugin(root: Path, count: int) -> Path:
    """Write a synthetic datastore plugin of ``count`` subcommands into ``root``."""
    (root / "subcommands").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "Dockerfile").write_text("FROM synth/synthdb:16.2\n")
    (root / "config").write_text(SYNTH_CONFIG)
    (root / "plugin.toml").write_text(
        '[plugin]\ndescription = "dokku synth service plugin"\nversion = "1.0.0"\n'
        'sponsors = ["some-org","another-org"]\n[plugin.config]\n'
    )
    (root / "docs" / "README.md").write_text("# Extra Documentation\n\nFragments for the README.\n")
    for index, name in enumerate(command_names(count)):
        path = root / "subcommands" / name
        path.write_text(subcommand_script(name, index))
        path.chmod(0o755)
        if index % 10 == 0:  # one command in ten has a docs fragment
            (root / "docs" / f"{name}.md").write_text(FRAGMENT.format(name=name))
    return root
