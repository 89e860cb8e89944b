"""assistant config: the effective settings and where they come from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.cli.base import (
    AsJson,
    _console,
    _print_json,
    _settings,
    app,
)

if TYPE_CHECKING:
    pass


@app.command("config")
def show_config(as_json: AsJson = False) -> None:
    """Show the effective settings (API keys masked) and where they come from; each stage's tuning
    numbers follow under their config.toml section ([retrieval], [evidence], ...)."""
    from assistant.settings import config_path
    from assistant.tuning import GROUPS

    settings = _settings()
    from assistant.urls import masked_url

    values = {
        name: (
            "***"
            if name == "api_key" and value is not None
            else masked_url(str(value))
            if name.endswith("_url") and value is not None
            else str(value)
            if value is not None
            else None
        )
        for name, value in settings.model_dump(exclude=set(GROUPS)).items()
    }
    groups = {group: getattr(settings, group).model_dump() for group in GROUPS}
    if as_json:
        _print_json(values | groups | {"config_file": str(config_path())})
        return
    console = _console()
    console.print(f"config file: {config_path()}", markup=False)
    for name, value in values.items():
        description = type(settings).model_fields[name].description or ""
        console.print(f"{name} = {value}", markup=False)
        console.print(
            f"    {description}  [env ASSISTANT_{name.upper()}]", style="dim", markup=False
        )
    for group, fields in groups.items():
        model = GROUPS[group]
        console.print(f"\n[{group}]  # {model.__doc__}", markup=False)
        for name, value in fields.items():
            description = model.model_fields[name].description or ""
            console.print(f"{name} = {value}", markup=False)
            env = f"ASSISTANT_{group.upper()}__{name.upper()}"
            console.print(f"    {description}  [env {env}]", style="dim", markup=False)
