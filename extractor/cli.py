"""Command line: a thin click shell over the library (``extractor --help``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .batch import DuplicateSourceError, collect_inputs, process
from .models import Document
from .output import DirectoryWriter, JsonArrayWriter, JsonlWriter, Writer


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="extractor")
def cli() -> None:
    """Structured, checkable records from Chinese news articles.

    \b
    Examples:
      extractor extract corpus/ -o out.jsonl     # every *.txt under corpus/, JSONL
      extractor extract page.txt                 # JSONL on standard output
      extractor extract corpus/ -o out/          # one pretty JSON file per source
      extractor schema > document.schema.json    # the JSON Schema of a record
    """


def _is_directory_target(output: str) -> bool:
    return output.endswith(("/", "\\")) or Path(output).is_dir()


@cli.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Write here instead of standard output: a folder (ends with / or exists) gets one "
    "JSON file per source, mirroring the input layout; any other path is one file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json"]),
    default=None,
    help="jsonl: one document per line (the default for files and standard output); "
    "json: one JSON array.",
)
@click.option(
    "--segments",
    is_flag=True,
    help="Also write each article's paragraph and sentence spans.",
)
def extract(paths: tuple[Path, ...], output: str | None, fmt: str | None, segments: bool) -> None:
    """Extract records from PATHS (files, or folders searched recursively for *.txt).

    Each source file gives one document (docs/SPEC.md). A file that cannot be processed
    gives a document with an "error" field and a line on standard error; the others are
    still processed. Exit status: 0 all fine, 1 some file failed, 2 usage error.

    \b
    Examples:
      extractor extract corpus/ -o out.jsonl
      extractor extract corpus/ -o out.json --format json
      extractor extract corpus/000_cf4c8eff55ad11d1.txt --segments
      extractor extract corpus/ -o records/
    """
    try:
        inputs = collect_inputs(list(paths))
    except DuplicateSourceError as err:
        raise click.UsageError(str(err)) from None

    to_directory = output is not None and _is_directory_target(output)
    if to_directory and fmt == "jsonl":
        raise click.UsageError(
            "a folder output holds one JSON file per source; drop --format jsonl"
        )
    if output is not None and not to_directory:
        parent = Path(output).parent
        if not parent.is_dir():
            raise click.UsageError(f"cannot write {output}: folder {parent} does not exist")

    from . import load

    nlp = load()
    failed = 0
    stream = None
    writer: Writer
    if to_directory:
        assert output is not None
        writer = DirectoryWriter(Path(output))
    else:
        stream = open(output, "w", encoding="utf-8") if output else sys.stdout
        writer = JsonArrayWriter(stream) if fmt == "json" else JsonlWriter(stream)
    try:
        for document in process(nlp, inputs, segments=segments):
            writer.write(document)
            if document.error:
                failed += 1
                click.echo(f"extractor: {document.source}: {document.error}", err=True)
        writer.close()
    finally:
        if stream is not None and stream is not sys.stdout:
            stream.close()
    if failed:
        sys.exit(1)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of one output document (docs/SPEC.md)."""
    click.echo(
        json.dumps(Document.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2)
    )


def main() -> None:  # pragma: no cover
    cli()
