"""``frontwatch territory ...``: import and fetch control maps; measure ground gained and lost."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import ConfigError, FrontwatchError
from .app import app
from .common import DbOption, JsonOption, emit_json, emit_table, err, out

if TYPE_CHECKING:
    from ..models import AreaChange
    from ..territory.importer import ImportReport

territory_app = typer.Typer(
    help="Territorial control: import maps, measure change, series and records.", no_args_is_help=True
)
app.add_typer(territory_app, name="territory")

SourceOption = Annotated[
    str | None,
    typer.Option(
        "--source",
        help="Map source to measure (deepstate, isw, cyterat, ...), or 'all' for every source side by side with "
        "the snapshots each used; default: the source with most snapshots.",
    ),
]
LayerOption = Annotated[
    str, typer.Option("--layer", help="Layer or sum of layers, e.g. occupied or occupied+contested.")
]
TzOption = Annotated[str, typer.Option("--tz", help="Time zone in which a date ends (CONTRACTS: default UTC).")]


def json_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """With ``--json``, an error is the JSON error body on stdout (``FrontwatchError.to_dict``, the API's shape)
    as well as the one line on stderr, and exit 1: a script reading stdout gets JSON whatever happens."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except FrontwatchError as exc:
            if not kwargs.get("json_"):
                raise
            emit_json(exc.to_dict())
            sys.stderr.write(f"error: {exc}\n")
            raise typer.Exit(1) from exc

    return wrapper


def _line(text: str) -> None:
    """One line on stderr as it is: no wrapping at the terminal's width, no rich markup read in paths."""
    sys.stderr.write(text + "\n")


@territory_app.command("import")
@json_errors
def import_(
    paths: Annotated[
        list[Path], typer.Argument(help="Snapshot files, folders or archives (.tar, .tar.gz, .tar.xz, .zip).")
    ],
    source: Annotated[str, typer.Option("--source", help="deepstate, isw, cyterat, geojson or auto.")] = "auto",
    time: Annotated[
        str | None, typer.Option("--time", help="Snapshot time (ISO 8601) for files that do not carry one.")
    ] = None,
    layer_map: Annotated[
        Path | None, typer.Option("--layer-map", help="JSON file mapping property values or colours to layers.")
    ] = None,
    plausibility: Annotated[
        bool,
        typer.Option("--plausibility-check/--no-plausibility-check",
                     help="Refuse snapshots mostly in unknown colours or jumping far beyond any real day."),
    ] = True,
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Import control-map snapshots; already-imported snapshots are skipped.

    Exit status 1 when every input failed (nothing imported or already stored); failures are listed either way.
    """
    from ..store import open_store
    from ..territory.importer import import_paths

    with open_store(db) as store:
        report = import_paths(store, paths, source=source, time=time, layer_map=layer_map, progress=not json_,
                              plausibility=plausibility)
    _report_import(report, json_)


def _report_import(report: ImportReport, json_: bool) -> None:
    """An import's or a fetch's report as JSON or lines; exit 1 when every input failed (none imported or kept)."""
    if json_:
        emit_json(report.to_dict())
    else:
        _line(f"imported {report.imported}, skipped {report.skipped}, failed {len(report.failed)}")
        for failure in report.failed:
            _line(f"  failed: {failure.path}: {failure.error}")
    if report.failed and not report.imported and not report.skipped:
        raise typer.Exit(1)


@territory_app.command("fetch")
@json_errors
def fetch(
    provider: Annotated[str, typer.Argument(help="deepstate or isw.")],
    url: Annotated[str | None, typer.Option("--url", help="Override the service address (e.g. a mirror).")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only snapshots on or after this date (deepstate).")
    ] = None,
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Download snapshots from DeepStateMap's API or ISW's ArcGIS layers and import them.

    Exit status 1 when every snapshot offered failed (nothing imported or already stored); each failure is listed.
    """
    from ..store import open_store
    from ..territory.fetch import fetch_source

    with open_store(db) as store:
        report = fetch_source(store, provider, url=url, since=since)
    _report_import(report, json_)


@territory_app.command("change")
@json_errors
def change(
    period: Annotated[str | None, typer.Option("--period", help="A month, YYYY-MM.")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="Start date, YYYY-MM-DD.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="End date, YYYY-MM-DD.")] = None,
    layer: LayerOption = "occupied",
    source: SourceOption = None,
    by_region: Annotated[bool, typer.Option("--by-region", help="Split by Ukraine's oblasts.")] = False,
    settlements: Annotated[bool, typer.Option("--settlements", help="List settlements that changed hands.")] = False,
    geojson: Annotated[
        Path | None, typer.Option("--geojson", help="Write the gained and lost ground as GeoJSON.")
    ] = None,
    tz: TzOption = "UTC",
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Ground gained and lost by a layer between two dates or over a month."""
    from ..store import open_store
    from ..territory.changes import change as compute_change
    from ..territory.periods import resolve_period

    start, end = resolve_period(period=period, start=from_, end=to)
    if source == "all":
        if geojson is not None:
            raise ConfigError("--geojson writes one source's ground: give --source deepstate or isw, not all")
        _change_all(db, layer=layer, start=start, end=end, by_region=by_region, settlements=settlements, tz=tz,
                    json_=json_)
        return
    with open_store(db, read_only=True) as store:
        result = compute_change(
            store,
            layer=layer,
            start=start,
            end=end,
            source=source,
            by_region=by_region,
            settlements=settlements,
            tz=tz,
            geometry=geojson is not None,
        )
    if geojson is not None:
        from ..territory.output import write_change_geojson

        write_change_geojson(result, geojson)
    if json_:
        emit_json(result.to_dict())
        return
    _print_change(result)


def _change_all(db: str | None, *, json_: bool, **options: Any) -> None:
    from ..territory.side_by_side import change_all

    def title(result: dict[str, Any]) -> str:
        return f"{result['layer']}: {result['from']} -> {result['to']}, every source"

    _every_source(db, change_all, options, json_=json_, title=title,
                  columns=["gained km2", "lost km2", "net km2"],
                  cells=lambda r: [r["gained_km2"], r["lost_km2"], r["net_km2"]])


def _every_source(db: str | None, compute: Callable[..., dict[str, Any]], options: dict[str, Any], *, json_: bool,
                  title: Callable[[dict[str, Any]], str], columns: list[str],
                  cells: Callable[[dict[str, Any]], list[Any]]) -> None:
    """A side-by-side result of every source: JSON, or a table (source, cadence, states, then ``columns``)."""
    from ..store import open_store

    with open_store(db, read_only=True) as store:
        result = compute(store, **options)
    if json_:
        emit_json(result)
        return
    emit_table(title(result), ["source", "cadence", "from state (gap d)", "to state (gap d)", *columns],
               [[r["source"], r["cadence"], _state_cell(r["from"]), _state_cell(r["to"]), *cells(r)]
                for r in result["sources"]])
    _print_notes(result)


def _state_cell(state: dict[str, Any]) -> str:
    return f"{state['snapshot_date']} ({-state['gap_days']:+d})" if state["gap_days"] else state["snapshot_date"]


def _print_notes(result: dict[str, Any]) -> None:
    for row in result["sources"]:
        if row.get("note"):
            out.print(f"note: {row['note']}.")
        if row.get("layer_description"):
            out.print(f"{row['source']} layers: {row['layer_description']}.")
    for failure in result["failed"]:
        out.print(f"{failure['source']}: {failure['error']}")


def _print_change(result: AreaChange) -> None:
    d = result.to_dict()
    emit_table(
        f"{d['layer']} ({d['source']}): {d['from']['date']} -> {d['to']['date']}",
        ["from snapshot", "to snapshot", "gained km2", "lost km2", "net km2"],
        [[d["from"]["snapshot_time"], d["to"]["snapshot_time"], d["gained_km2"], d["lost_km2"], d["net_km2"]]],
    )
    if d["regions"]:
        emit_table(
            "by region",
            ["region", "iso", "gained km2", "lost km2", "net km2"],
            [[r["name"], r["iso"], r["gained_km2"], r["lost_km2"], r["net_km2"]] for r in d["regions"]],
        )
    if d["settlements"]:
        emit_table(
            "settlements that changed hands",
            ["name", "admin1", "change", "lat", "lon"],
            [[s["name"], s["admin1"], s["change"], s["lat"], s["lon"]] for s in d["settlements"]],
        )


@territory_app.command("series")
@json_errors
def series(
    freq: Annotated[str, typer.Option("--freq", help="day, week or month.")] = "week",
    from_: Annotated[str | None, typer.Option("--from", help="First date, YYYY-MM-DD.")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Last date, YYYY-MM-DD.")] = None,
    window: Annotated[int | None, typer.Option("--window", help="Rolling window in days (one row per day).")] = None,
    layer: LayerOption = "occupied",
    source: SourceOption = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Write a PNG chart of the series.")] = None,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write the series as CSV.")] = None,
    tz: TzOption = "UTC",
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Gained, lost and net ground per day, week or month, or over a rolling window."""
    from ..store import open_store
    from ..territory.series import series as compute_series

    if source == "all":
        if chart is not None:
            raise ConfigError("--chart draws one source: for two side by side use `frontwatch territory compare "
                              "--chart FILE`")
        _series_all(db, freq=freq, start=_date(from_), end=_date(to), window=window, layer=layer, tz=tz,
                    csv=csv, json_=json_)
        return
    with open_store(db, read_only=True) as store:
        points = compute_series(
            store, freq=freq, start=_date(from_), end=_date(to), window=window, layer=layer, source=source, tz=tz
        )
    if chart is not None:
        from ..territory.output import write_series_chart

        write_series_chart(points, chart, title=f"{layer}: net change per {freq if not window else f'{window} days'}")
    if csv is not None:
        from ..territory.output import write_series_csv

        write_series_csv(points, csv)
    if json_:
        emit_json([p.to_dict() for p in points])
        return
    emit_table(
        f"{layer} per {freq if not window else f'{window}-day window'}",
        ["start", "end", "gained km2", "lost km2", "net km2"],
        [[p.start, p.end, p.gained_km2, p.lost_km2, p.net_km2] for p in points],
    )


def _series_all(db: str | None, *, csv: Path | None, json_: bool, **options: Any) -> None:
    from ..store import open_store
    from ..territory.side_by_side import series_all

    with open_store(db, read_only=True) as store:
        rows = series_all(store, **options)
    if csv is not None:
        from ..territory.compare import write_rows_csv

        write_rows_csv(rows, csv)
    if json_:
        emit_json(rows)
        return
    per = f"{options['window']}-day window" if options["window"] else options["freq"]
    emit_table(
        f"{options['layer']} per {per}, every source",
        ["source", "start", "end", "from state (gap d)", "to state (gap d)", "gained km2", "lost km2", "net km2"],
        [[r["source"], r["start"], r["end"], _state_cell(r["from"]), _state_cell(r["to"]),
          _blank(r["gained_km2"]), _blank(r["lost_km2"]), _blank(r["net_km2"])] for r in rows],
    )
    if any(r["net_km2"] is None for r in rows):
        out.print("blank: no new state of that source in the window (it publishes less often than the windows)")


def _blank(value: float | None) -> object:
    return "" if value is None else value


@territory_app.command("record")
@json_errors
def record(
    at: Annotated[str, typer.Option("--at", help="Last day of the window, YYYY-MM-DD.")],
    window: Annotated[int, typer.Option("--window", help="Window length in days.")] = 7,
    layer: LayerOption = "occupied",
    source: SourceOption = None,
    tz: TzOption = "UTC",
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """How the net change of the window ending at a date ranks: largest since when."""
    from ..store import open_store
    from ..territory.periods import parse_date
    from ..territory.records import record as compute_record

    day = parse_date(at)  # an empty --at is refused in one line here, not deep in the ranking
    if source == "all":
        _record_all(db, window=window, at=day, layer=layer, tz=tz, json_=json_)
        return
    with open_store(db, read_only=True) as store:
        result = compute_record(store, window=window, at=day, layer=layer, source=source, tz=tz)
    if json_:
        emit_json(result.to_dict())
        return
    d = result.to_dict()
    since = "on record" if d["largest_on_record"] else f"since the window ending {d['largest_since']}"
    if d["previous_larger"]:
        prev = d["previous_larger"]
        since += f" ({prev['net_km2']:+.1f} km² over {prev['start']}..{prev['end']})"
    out.print(
        f"{d['net_km2']:+.1f} km² of {d['layer']} ({d['source']}) over the {window} days {d['start']}..{d['end']}: "
        f"the largest {since}; rank {d['rank_in_last_365_days']} of {d['windows_in_last_365_days']} "
        f"{window}-day windows in the last 365 days"
    )


def _record_all(db: str | None, *, json_: bool, **options: Any) -> None:
    from ..territory.side_by_side import record_all

    def title(result: dict[str, Any]) -> str:
        return f"{result['layer']}: the {result['window_days']} days ending {result['at']}, every source"

    _every_source(db, record_all, options, json_=json_, title=title,
                  columns=["net km2", "largest since", "rank in 365 d"],
                  cells=lambda r: [r["net_km2"], r["largest_since"],
                                   f"{r['rank_in_last_365_days']} of {r['windows_in_last_365_days']}"])


@territory_app.command("compare")
def compare_cmd(
    a: Annotated[str, typer.Option("--a", help="First source.")] = "deepstate",
    b: Annotated[str, typer.Option("--b", help="Second source.")] = "isw",
    layer: Annotated[str | None, typer.Option(
        "--layer", help="Layer of both sides (default: each source's headline layer: DeepState occupied, "
        "ISW occupied+contested, i.e. assessed control + advances).")] = None,
    layer_a: Annotated[str | None, typer.Option("--layer-a", help="Layer of the first source.")] = None,
    layer_b: Annotated[str | None, typer.Option("--layer-b", help="Layer of the second source.")] = None,
    from_: Annotated[str | None, typer.Option("--from", help="First date, YYYY-MM-DD (default: overlap).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Last date, YYYY-MM-DD (default: overlap).")] = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Write a PNG chart of both weekly nets.")] = None,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write one row per week as CSV.")] = None,
    top: Annotated[int, typer.Option("--top", help="How many of the largest divergences to list.")] = 10,
    tz: TzOption = "UTC",
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Weekly (Sunday to Sunday) net change of two sources side by side: correlation and largest divergences."""
    from ..store import open_store
    from ..territory.compare import compare, write_compare_chart, write_rows_csv

    with open_store(db, read_only=True) as store:
        result = compare(store, source_a=a, source_b=b, layer=layer, layer_a=layer_a, layer_b=layer_b,
                         start=_date(from_), end=_date(to), tz=tz)
    if chart is not None:
        write_compare_chart(result, chart)
    if csv is not None:
        write_rows_csv([w.to_dict() for w in result.weeks], csv)
    if json_:
        emit_json(result.to_dict())
        return
    stats = result.stats()
    emit_table(
        f"weekly net change: {a} {result.layer_a} vs {b} {result.layer_b}",
        ["weeks compared", "without a new state", f"sum {a} km2", f"sum {b} km2", "Pearson r", "Spearman rho",
         "r of 4-week sums", "mean |diff| km2"],
        [[stats["weeks_compared"], stats["weeks_without_a_new_state"], stats["sum_net_km2_a"], stats["sum_net_km2_b"],
          stats["pearson_r"], stats["spearman_rho"], stats["pearson_r_4_week_sums"], stats["mean_abs_diff_km2"]]],
    )
    emit_table(
        "largest divergences",
        ["week", f"{a} net km2", f"{b} net km2", "diff km2", f"{a} states", f"{b} states"],
        [[f"{w.start}..{w.end}", round(w.net_a, 1), round(w.net_b, 1), round(w.diff, 1),  # type: ignore[arg-type]
          f"{w.states_a[0]['snapshot_date']}..{w.states_a[1]['snapshot_date']}",
          f"{w.states_b[0]['snapshot_date']}..{w.states_b[1]['snapshot_date']}"] for w in result.divergences(top)],
    )


regions_app = typer.Typer(help="Administrative regions used by change --by-region.", no_args_is_help=True)
territory_app.add_typer(regions_app, name="regions")


@territory_app.command("index")
@json_errors
def index_cmd(
    source: Annotated[str | None, typer.Option("--source", help="Map source to index; default: every source.")] = None,
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Build the atom index of a source's maps, so that a change between ANY two dates is a lookup (~1 ms)
    instead of a geometric overlay (~40 ms); figures agree with the overlay's to about 1e-4. It costs about
    as much CPU as the import once; later imports keep it up to date. A source whose maps are redrawn
    everywhere at every snapshot (ISW) is declined: its changes keep using the overlay."""
    from ..store import open_store
    from ..territory.atom_refresh import atom_index_for, refresh_atoms

    rows = []
    with open_store(db) as store:
        sources = [source] if source else store.sources()
        known = set(store.sources())
        for name in sources:
            if name not in known:
                raise ConfigError(f"no source {name!r} in the store: it holds {', '.join(sorted(known)) or 'none'}")
            cells = refresh_atoms(store, name, build=True)
            rows.append({"source": name, "cells": cells, "indexed": atom_index_for(store, name) is not None})
    if json_:
        emit_json(rows)
        return
    for row in rows:
        state = f"{row['cells']} cells indexed" if row["indexed"] else "declined (its maps change everywhere at " \
            "every snapshot; changes use the exact overlay)"
        err.print(f"{row['source']}: {state}")


@regions_app.command("import")
@json_errors
def regions_import(
    path: Annotated[Path, typer.Argument(help="Boundary file (GeoJSON, GeoPackage, Shapefile), e.g. geoBoundaries.")],
    name_field: Annotated[str, typer.Option("--name-field", help="Property holding the region's name.")] = "shapeName",
    iso_field: Annotated[str, typer.Option("--iso-field", help="Property holding its ISO 3166-2 code.")] = "shapeISO",
    db: DbOption = ...,  # type: ignore[assignment]
    json_: JsonOption = False,
) -> None:
    """Store the regions of a boundary file (replacing any stored before) for --by-region."""
    from ..store import open_store
    from ..territory.regions import import_regions

    with open_store(db) as store:
        count = import_regions(store, path, name_field=name_field, iso_field=iso_field)
    if json_:
        emit_json({"regions": count, "path": str(path)})
    else:
        err.print(f"stored {count} regions from {path}")


@regions_app.command("list")
@json_errors
def regions_list(db: DbOption = ..., json_: JsonOption = False) -> None:  # type: ignore[assignment]
    """List the regions --by-region uses: those imported, else the bundled oblasts."""
    from ..store import open_store
    from ..territory.regions import region_rows

    with open_store(db, read_only=True) as store:
        found, origin = region_rows(store)
    rows = [{"name": n, "iso": i} for n, i, _ in found]
    if json_:
        emit_json(rows)
        return
    emit_table(f"regions ({origin})", ["name", "iso"], [[r["name"], r["iso"]] for r in rows])


def _date(value: str | None) -> date | None:
    from ..territory.periods import parse_date

    return parse_date(value) if value else None
