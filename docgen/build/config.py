"""The values a README needs from ``config``, read by the rules of the chosen mode."""

from typing import NamedTuple

from docgen.build import bash, compat
from docgen.build.compat import Quirks
from docgen.errors import Diagnostic, DocgenError
from docgen.read.records import Assignment, ConfigSource, ImageSource

_MAX_DEPTH = 8


class Resolver:
    """Evaluates config variables the way bash would, as far as that is possible without
    running anything: literals, ``$OTHER``, ``${X:=default}``. Command substitutions and
    unknown variables give None (the caller keeps them as written)."""

    def __init__(self, config: ConfigSource, image: ImageSource | None) -> None:
        self._config = config
        self._fixed = {}
        if image is not None:
            self._fixed = {"PLUGIN_IMAGE": image.repository, "PLUGIN_IMAGE_VERSION": image.tag}
        self._cache: dict[str, str | None] = {}

    def value(self, name: str, depth: int = 0) -> str | None:
        if name in self._fixed:
            return self._fixed[name]
        if name in self._cache:
            return self._cache[name]
        if depth > _MAX_DEPTH:
            return None
        self._cache[name] = None  # guards against A=$B B=$A
        assignment = self._config.last(name)
        result = None if assignment is None else self._scalar(assignment, depth)
        self._cache[name] = result
        return result

    def items(self, name: str) -> tuple[str, ...] | None:
        assignment = self._config.last(name)
        if assignment is None or assignment.raw_items is None:
            return None
        return bash.parse_array_items(assignment.raw_items)

    def _scalar(self, assignment: Assignment, depth: int) -> str | None:
        words = bash.parse_command(assignment.raw)
        if not words:
            return None
        split = bash.split_assignment(words[0])
        if split is None:
            return None
        _, word = split
        text = word.text
        for parameter in word.parameters:
            spelled = word.raw[parameter.start : parameter.end]
            replacement = self._parameter(parameter, depth)
            if replacement is None:
                if "$(" in spelled or "`" in spelled:
                    return None
                continue
            text = text.replace(spelled, replacement, 1)
        if "$(" in text or "`" in text:
            return None
        return text

    def _parameter(self, parameter: bash.Parameter, depth: int) -> str | None:
        current = self.value(parameter.name, depth + 1) if not parameter.subscript else None
        if parameter.operator in (":=", ":-") and not current:
            default = bash.unquote(parameter.argument)
            if default is None:
                return None
            return self.expand(default, depth + 1)
        return current

    def expand(self, text: str, depth: int = 0) -> str:
        """Free text with every resolvable ``$VAR`` / ``${VAR}`` / ``${ARRAY[i]}`` replaced."""
        if "$" not in text:
            return text
        parameters = bash.find_parameters(text)
        if parameters is None:
            return text

        def replacement(parameter: bash.Parameter) -> str | None:
            if parameter.subscript:
                items = self.items(parameter.name)
                if items is None:
                    return None
                if parameter.subscript in ("[@]", "[*]"):
                    return " ".join(items)
                position = parameter.subscript[1:-1]
                if position.isdigit() and int(position) < len(items):
                    return items[int(position)]
                return None
            if parameter.name[0].isdigit() or not bash.NAME.fullmatch(parameter.name):
                return None
            return self._parameter(parameter, depth)

        return bash.substitute(text, parameters, replacement)


class ConfigValues(NamedTuple):
    prefix: str
    variable: str
    alias: str | None
    scheme: str | None
    ports: tuple[str, ...]
    unimplemented: frozenset[str]
    config_options: str | None
    disable_pull_variable: str
    warnings: tuple[Diagnostic, ...]


def read_values(
    config: ConfigSource, image: ImageSource | None, quirks: Quirks
) -> tuple[ConfigValues, Resolver]:
    resolver = Resolver(config, image)
    warnings: list[Diagnostic] = []

    def scalar(name: str) -> str | None:
        value, found = compat.config_scalar(quirks, config, name, resolver.value)
        warnings.extend(found)
        return value

    prefix = scalar("PLUGIN_COMMAND_PREFIX")
    if not prefix:
        raise DocgenError(
            "PLUGIN_COMMAND_PREFIX is not set",
            path=config.path,
            hint='add export PLUGIN_COMMAND_PREFIX="name"',
        )
    variable = scalar("PLUGIN_VARIABLE")
    if not variable:
        variable = prefix.upper().replace("-", "_")
        warnings.append(
            Diagnostic(config.path, None, f"PLUGIN_VARIABLE is not set; using {variable}")
        )
    alias, scheme = scalar("PLUGIN_DEFAULT_ALIAS"), scalar("PLUGIN_SCHEME")
    for name, value in (("PLUGIN_DEFAULT_ALIAS", alias), ("PLUGIN_SCHEME", scheme)):
        if value is None:
            stop = compat.Stop(None, f"{name} is not set")
            warnings.extend(
                compat.stop_warnings(quirks, config.path, stop, f"leaves ${{{name}}} as written")
            )
    ports, found = compat.config_list(
        quirks, config, "PLUGIN_DATASTORE_PORTS", resolver.items, strip_quotes=False
    )
    warnings.extend(found)
    if not ports:
        warnings.append(
            Diagnostic(
                config.path,
                None,
                "PLUGIN_DATASTORE_PORTS is not set; ${PLUGIN_DATASTORE_PORTS[...]} stays as written",
            )
        )
    unimplemented, found = compat.config_list(
        quirks, config, "PLUGIN_UNIMPLEMENTED_SUBCOMMANDS", resolver.items, strip_quotes=True
    )
    warnings.extend(found)
    return (
        ConfigValues(
            prefix=prefix,
            variable=variable,
            alias=alias,
            scheme=scheme,
            ports=tuple(ports or ()),
            unimplemented=frozenset(unimplemented or ()),
            config_options=compat.config_options(quirks, config.lines, variable, resolver.value),
            disable_pull_variable=compat.disable_pull_variable(
                quirks, prefix, lambda: resolver.value("PLUGIN_DISABLE_PULL_VARIABLE")
            ),
            warnings=tuple(warnings),
        ),
        resolver,
    )
