"""Command line: a thin click shell over the library (``extractor --help``)."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO

import click

from . import __version__
from .batch import process, resolve_jobs
from .budget import DEFAULT_TIMEOUT
from .destination import Destination, DestinationError, open_destination
from .extraction import SourceTexts, documents_counted, stdin_document
from .extras import MissingExtraError
from .formats import FORMATS, FormatError, output_format
from .inputs import (
    DuplicateSourceError,
    Input,
    Scan,
    SourceRootError,
    collect_inputs,
    escape_name,
    scan_inputs,
)
from .models import Document
from .output import CsvWriter, DirectoryWriter, JsonArrayWriter, JsonlWriter, Writer
from .progress import Progress
from .resume import folder_done, prepare_resume
from .stopping import BROKEN_PIPE, Stopped, one_line_logging, silence_stdout, stop_on_signals


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


ref_date_option = click.option(
    "--ref-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Reference date for years not written: fills the 'resolved' field of dates in articles "
    "whose dateline gives no year; a month later than its month takes the year before.",
)
"""The --ref-date option of extract and evaluate (SPEC §4 ``resolved``)."""


def _is_directory_target(output: str) -> bool:
    return output.endswith(("/", "\\")) or Path(output).is_dir()


@cli.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, allow_dash=True, path_type=Path),
)
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Write here instead of standard output: a folder (ends with / or exists) gets one "
    "JSON file per source, mirroring the input layout; any other path is one file, in the "
    "format its name says (.jsonl, .json, .csv, .xlsx; JSONL for any other name).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default=None,
    help="jsonl: one document per line; json: one JSON array; csv: one row per fact; "
    "cases-csv: one row per case; xlsx: a workbook with Facts, Cases and Articles sheets "
    "(pip install 'extractor[xlsx]'). Default: from the -o name, else jsonl.",
)
@click.option(
    "--excel",
    is_flag=True,
    help="With csv or cases-csv: start with a UTF-8 byte-order mark, so spreadsheet programs "
    "read the Chinese text (or write --format xlsx).",
)
@click.option(
    "--source-name",
    metavar="NAME",
    default="-",
    show_default=True,
    help="With PATH '-' (standard input): the source name of its document.",
)
@click.option(
    "--source-root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Name every source by its path relative to this folder (default: relative to the "
    "folder given; by the path as given when two inputs would share a name).",
)
@click.option(
    "--segments",
    is_flag=True,
    help="Also write each article's paragraph and sentence spans.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes (0: all cores). The output is the same for any number.",
)
@click.option(
    "--backend",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine (--jobs processes); dask: a Dask distributed cluster "
    "(pip install 'extractor[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --backend dask: the scheduler to use (tcp://host:8786); without it a "
    "LocalCluster of --jobs workers (at least 2) is started.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=10_000_000,
    show_default=True,
    help="A larger file becomes an error document instead of being read (never more than "
    "this many bytes + 1 are read: devices, FIFOs and standard input too).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Time budget per file: a file still running after it becomes an error document "
    "'time budget exceeded' and the run goes on (0: no budget; not with --backend dask).",
)
@click.option(
    "--resume",
    is_flag=True,
    help="With -o OUT.jsonl: skip the sources already in OUT (after dropping a partial last "
    "line and the error documents, which are tried again) and append the rest; with -o DIR/: "
    "skip the sources whose JSON file is there without an error.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress and no summary line (errors still shown)."
)
@ref_date_option
def extract(
    paths: tuple[Path, ...],
    output: str | None,
    fmt: str | None,
    excel: bool,
    source_name: str,
    source_root: Path | None,
    segments: bool,
    jobs: int,
    backend: str,
    scheduler: str | None,
    max_bytes: int,
    timeout: float,
    resume: bool,
    quiet: bool,
    ref_date: datetime | None,
) -> None:
    """Extract records from PATHS (files, or folders searched recursively for *.txt).

    Each source file gives one document (docs/SPEC.md). A file that cannot be processed
    gives a document with an "error" field and a line on standard error; the others are
    still processed. Exit status: 0 all fine, 1 some file or folder failed or the output
    could not be written, 2 usage error (also: -o is an input, unwritable, or locked by
    another run; no *.txt found), 130 Ctrl-C, 143 SIGTERM, 141 standard output closed.

    \b
    Examples:
      extractor extract corpus/ -o out.jsonl
      extractor extract corpus/ -o out.jsonl --jobs 0      # every core
      extractor extract corpus/ -o out.jsonl --resume      # after an interrupted run
      extractor extract corpus/ -o out.jsonl --backend dask --scheduler tcp://host:8786
      extractor extract corpus/ -o out.json               # one JSON array
      extractor extract corpus/ -o facts.csv              # one row per fact
      extractor extract corpus/ -o cases.csv --format cases-csv --excel
      extractor extract corpus/ -o corpus.xlsx            # Facts, Cases, Articles sheets
      extractor extract 2023/ 2024/ -o out.jsonl          # sources 2023/page1.txt, …
      cat page.txt | extractor extract - --source-name page.txt
      extractor extract corpus/000_cf4c8eff55ad11d1.txt --segments
      extractor extract corpus/ -o records/
      extractor extract page.txt --ref-date 2020-12-31    # resolve years not written
    """
    stdin = any(str(p) == "-" for p in paths)
    if stdin and len(paths) > 1:
        raise click.UsageError("'-' (standard input) cannot be given with other paths")
    try:
        scan = Scan([]) if stdin else scan_inputs(list(paths), source_root=source_root)
    except (DuplicateSourceError, SourceRootError) as err:
        raise click.UsageError(str(err)) from None
    for note in scan.skipped:
        click.echo(f"extractor: {escape_name(note.path)}: {note.reason}", err=True)
    inputs = scan.inputs
    if not stdin and not inputs:
        raise click.UsageError(
            "no *.txt file found in " + " ".join(escape_name(str(p)) for p in paths)
        )
    to_directory = output is not None and _is_directory_target(output)
    try:
        chosen = output_format(output, fmt, to_directory=to_directory)
    except FormatError as err:
        raise click.UsageError(str(err)) from None
    _check_extract_options(output, to_directory, chosen, excel, backend, scheduler, resume)
    if stdin and resume:
        raise click.UsageError("--resume reads files; it cannot be used with '-'")
    destination = None
    if output is not None:
        try:
            destination = open_destination(
                Path(output), inputs, folder=to_directory, whole=chosen not in ("jsonl", "folder")
            )
        except DestinationError as err:
            raise click.UsageError(str(err)) from None
    try:
        failed = _run_extract(
            inputs,
            destination,
            stdin=stdin,
            chosen=chosen,
            excel=excel,
            source_name=source_name,
            segments=segments,
            jobs=jobs,
            backend=backend,
            scheduler=scheduler,
            max_bytes=max_bytes,
            resume=resume,
            quiet=quiet,
            reference=ref_date.date() if ref_date else None,
            timeout=timeout,
        )
    finally:
        if destination is not None:
            destination.release()
    if failed or any(note.failed for note in scan.skipped):
        sys.exit(1)


def _run_extract(
    inputs: list[Input],
    destination: Destination | None,
    *,
    stdin: bool,
    chosen: str,
    excel: bool,
    source_name: str,
    segments: bool,
    jobs: int,
    backend: str,
    scheduler: str | None,
    max_bytes: int,
    resume: bool,
    quiet: bool,
    reference: date | None,
    timeout: float,
) -> int:
    """Write the run's documents to ``destination`` (standard output when None); returns
    how many failed. A stop, a closed pipe or a write error ends the process here, with its
    exit status and one line saying what was kept."""
    texts = SourceTexts(inputs)
    if stdin:
        documents = _stdin_documents(source_name, texts, segments, reference, max_bytes)
        total = 1
    else:
        if resume:
            assert destination is not None
            inputs = _resume(destination.target, inputs, quiet, folder=destination.folder)
        workers = resolve_jobs(jobs) if backend == "local" else max(2, resolve_jobs(jobs))
        documents = documents_counted(
            inputs,
            jobs=workers,
            segments=segments,
            ref_date=reference,
            max_bytes=max_bytes,
            backend=backend,
            scheduler=scheduler,
            timeout=timeout or None,
            on_progress=lambda source, done, all_: progress.within(source, done, all_),
        )
        total = len(inputs)
    progress = Progress(total, quiet=quiet)  # the workers report into it while it is read
    written = _Tally(documents)
    stream = None
    writer: Writer | None = None
    where = str(destination.target) if destination is not None else "standard output"
    try:
        with stop_on_signals(), one_line_logging():
            if chosen in ("folder", "xlsx"):
                assert destination is not None
                writer = _file_writer(destination.write_path, chosen)
            else:
                if destination is None:
                    stream = sys.stdout
                else:
                    mode = "a" if resume else "w"
                    stream = open(destination.write_path, mode, encoding="utf-8", newline="")
                writer = _stream_writer(stream, chosen, excel)
            failed = _write_all(written, writer, progress, texts)
            if stream is not None:
                stream.flush()
            if stream is not None and stream is not sys.stdout:
                stream.close()
            if destination is not None:
                destination.commit()
        return failed
    except Stopped as stop:
        _close_quietly(stream, writer, chosen, finish_json=destination is None)
        if destination is not None:
            destination.discard()
        click.echo(
            f"extractor: stopped by {stop} after {written.count} of {total} file(s); "
            + _what_was_kept(destination, chosen),
            err=True,
        )
        sys.exit(stop.code)
    except BrokenPipeError:
        silence_stdout()
        if destination is not None:
            destination.discard()
        sys.exit(BROKEN_PIPE)
    except OSError as err:
        if destination is None:
            silence_stdout()
        _close_quietly(stream, writer, chosen, finish_json=False)
        if destination is not None:
            destination.discard()
        click.echo(
            f"extractor: cannot write {where} ({err.strerror or err}) after {written.count} of "
            f"{total} file(s); " + _what_was_kept(destination, chosen),
            err=True,
        )
        sys.exit(1)


class _Tally:
    """The run's documents, counted as they are written."""

    def __init__(self, documents: Iterator[tuple[Document, int]]) -> None:
        self.documents = documents
        self.count = 0

    def __iter__(self) -> Iterator[tuple[Document, int]]:
        for item in self.documents:
            yield item
            self.count += 1


def _close_quietly(
    stream: IO[str] | None, writer: Writer | None, chosen: str, *, finish_json: bool
) -> None:
    """After a stop: end a JSON array on standard output (valid JSON, the exit status says
    it is short) and close the file, ignoring a second write error."""
    with contextlib.suppress(OSError, ValueError):
        if finish_json and chosen == "json" and writer is not None:
            writer.close()
        if stream is not None and stream is not sys.stdout:
            stream.close()


def _what_was_kept(destination: Destination | None, chosen: str) -> str:
    """The resume hint of a run that stopped early."""
    if destination is None:
        return "standard output holds the documents written so far"
    if destination.special:
        return f"{destination.target} holds the documents written so far"
    if chosen in ("jsonl", "folder"):
        return (
            f"the documents written are kept in {destination.target}: run the same command "
            "with --resume to do the rest"
        )
    return (
        f"{destination.target} was not written (it is written whole or not at all): run "
        "the command again, or write JSONL (-o OUT.jsonl) to be able to --resume"
    )


def _stdin_documents(
    name: str, texts: SourceTexts, segments: bool, reference: date | None, max_bytes: int
) -> Iterator[tuple[Document, int]]:
    """The one document of standard input (``extract -``); its text is kept for the tables."""
    from . import load

    data = sys.stdin.buffer.read(max_bytes + 1)  # --max-bytes bounds what is read
    document, text = stdin_document(
        data, name, nlp=load(), segments=segments, ref_date=reference, max_bytes=max_bytes
    )
    if text is not None:
        texts.hold(name, text)
    yield document, len(text or "")


def _file_writer(output: Path, chosen: str) -> Writer:
    if chosen == "folder":
        return DirectoryWriter(output)
    from .xlsx import XlsxWriter

    try:
        return XlsxWriter(output)
    except MissingExtraError as err:
        raise click.ClickException(str(err)) from None


def _check_extract_options(
    output: str | None,
    to_directory: bool,
    fmt: str | None,
    excel: bool,
    backend: str,
    scheduler: str | None,
    resume: bool,
) -> None:
    """Usage errors of ``extract``'s options (``fmt`` the format chosen), each as a
    :class:`click.UsageError`."""
    if excel and fmt not in ("csv", "cases-csv"):
        raise click.UsageError("--excel goes with --format csv or cases-csv")
    if scheduler is not None and backend != "dask":
        raise click.UsageError("--scheduler goes with --backend dask")
    if resume and (output is None or fmt not in ("jsonl", "folder")):
        raise click.UsageError("--resume needs -o OUT.jsonl (a JSONL file) or -o DIR/ (a folder)")
    if output is not None and not to_directory:
        parent = Path(output).parent
        if not parent.is_dir():
            raise click.UsageError(f"cannot write {output}: folder {parent} does not exist")


def _resume(output: Path, inputs: list[Input], quiet: bool, *, folder: bool) -> list[Input]:
    """The inputs an interrupted run into ``output`` has not written yet (and what was done)."""
    state = folder_done(output, inputs) if folder else prepare_resume(output)
    todo = [item for item in inputs if item.source not in state.done]
    if not quiet:
        click.echo(
            f"extractor: resuming: {len(state.done)} done, {len(todo)} to do"
            + (", a partial line dropped" if state.dropped_partial else "")
            + (f", {len(state.retried)} error document(s) retried" if state.retried else ""),
            err=True,
        )
    return todo


def _stream_writer(stream: IO[str], fmt: str | None, excel: bool) -> Writer:
    if fmt == "csv":
        return CsvWriter.facts(stream, excel=excel)
    if fmt == "cases-csv":
        return CsvWriter.cases(stream, excel=excel)
    if fmt == "json":
        return JsonArrayWriter(stream)
    return JsonlWriter(stream)


def _write_all(
    documents: Iterator[tuple[Document, int]],
    writer: Writer,
    progress: Progress,
    texts: SourceTexts | None = None,
) -> int:
    """Write every document with progress; one line on standard error per failed file.
    Returns how many failed."""
    failed = 0
    for document, chars in documents:
        wanted = writer.wants_text and texts is not None and not document.error
        writer.write(document, texts.get(document.source) if wanted and texts else None)
        progress.update(document, chars)
        if document.error:
            failed += 1
            click.echo(f"extractor: {document.source}: {document.error}", err=True)
    writer.close()
    progress.close()
    return failed


@cli.group()
def gold() -> None:
    """Build and check the hand-labelled gold files (gold/README.md)."""


@gold.command("build")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Gold file to write (default: standard output).",
)
def gold_build(source: Path, draft: Path, output: Path | None) -> None:
    """Place a labelling DRAFT's items in SOURCE and write the gold file with spans.

    Every fact text, article first words and case first/last words is searched in SOURCE
    with line breaks removed. Anything not found, or found more than once where the draft
    gives no occurrence, is reported and nothing is written (exit 1).

    \b
    Example:
      extractor gold build corpus/d01.txt gold/drafts/d01.draft.json -o gold/d01.json
    """
    from .gold.build import build_gold
    from .gold.check import load_model
    from .gold.draft import Draft
    from .output import review_json
    from .reading import ReadError, read_source

    loaded = load_model(draft, Draft, str(draft))
    if isinstance(loaded, list):
        for problem in loaded:
            click.echo(str(problem), err=True)
        sys.exit(1)
    try:
        text = read_source(source).text
    except ReadError as err:
        raise click.UsageError(f"{source}: {err}") from None
    document, errors = build_gold(text, loaded)
    if document is None:
        for error in errors:
            click.echo(f"{draft}:{error}", err=True)
        sys.exit(1)
    rendered = review_json(document)
    if output is None:
        click.echo(rendered, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(rendered, encoding="utf-8")
        facts = sum(len(a.facts) for a in document.articles)
        cases = sum(len(a.cases) for a in document.articles)
        click.echo(
            f"{output}: {len(document.articles)} articles, {facts} facts, {cases} cases", err=True
        )


@gold.command("check")
@click.argument(
    "gold_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the source texts (default: the repository's corpus/).",
)
def gold_check(gold_dir: Path | None, corpus_dir: Path | None) -> None:
    """Validate every gold file in GOLD_DIR against its source text (default: the gold/ and
    corpus/ of the repository, found from the working folder upwards).

    Checks the models (fields, enums, value <= high), spans inside the text, `text` equal
    to the source under SPEC's text rule, facts and cases inside their article, no two
    facts of one kind overlapping, TIMEX3 values, values consistent with the text where
    they can be read off (1500余万元 → 15000000, 43.9% → 43.9), case amounts among the
    case's money facts, and a gold file for every corpus file. Prints each problem as
    file:article:field: message and exits 1 if there is any.

    \b
    Example:
      extractor gold check gold/ --corpus corpus/
    """
    from .gold.check import check_gold

    gold_dir = gold_dir or _data_folder("gold", "extractor gold check")
    corpus_dir = corpus_dir or _data_folder("corpus", "extractor gold check")
    problems, documents = check_gold(gold_dir, corpus_dir)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        click.echo(f"{len(problems)} problem(s)", err=True)
        sys.exit(1)
    articles = sum(len(d.articles) for d in documents)
    facts = sum(len(a.facts) for d in documents for a in d.articles)
    cases = sum(len(a.cases) for d in documents for a in d.articles)
    click.echo(
        f"ok: {len(documents)} gold files, {articles} articles, {facts} facts, {cases} cases"
    )


def _data_folder(name: str, command: str) -> Path:
    """The repository's ``corpus/`` or ``gold/`` (:mod:`extractor.repository`), or a usage
    error saying which folder ``command`` needs."""
    from .repository import DataNotFoundError, find_data

    try:
        return find_data(name, command)
    except DataNotFoundError as err:
        raise click.UsageError(str(err)) from None


@gold.command("export")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["label-studio"]),
    required=True,
    help="label-studio: Label Studio tasks (JSON) with pre-annotations, and its labelling config.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The tasks file to write (tasks.json).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the labelling config XML (default: OUTPUT with .xml).",
)
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Pre-annotate with these gold files (to correct gold) instead of the extractor's output.",
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Pre-annotate with these records (extract's JSONL or JSON array).",
)
@ref_date_option
def gold_export(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path,
    config_path: Path | None,
    gold_dir: Path | None,
    pred: Path | None,
    ref_date: datetime | None,
) -> None:
    """Write Label Studio tasks for the sources in PATHS, pre-annotated with the
    extractor's output (or --pred records, or --gold files): one task per source, a region
    per article, fact (labelled with its kind) and case, their fields as per-region
    fields; and the labelling config to create the project with.

    \b
    Examples:
      extractor gold export --format label-studio corpus/police/ -o tasks.json
      extractor gold export --format label-studio corpus/ --gold gold/ -o tasks.json
    """
    from .labelstudio.config import label_config
    from .labelstudio.tasks import task
    from .reading import ReadError, read_source
    from .review.site import gold_for

    if gold_dir is not None and pred is not None:
        raise click.UsageError("--gold and --pred are two sources of records: give one")
    try:
        inputs = collect_inputs(list(paths))
    except DuplicateSourceError as err:
        raise click.UsageError(str(err)) from None
    if not output.parent.is_dir():
        raise click.UsageError(f"cannot write {output}: folder {output.parent} does not exist")
    config_path = config_path or output.with_suffix(".xml")
    documents: dict[str, Document] = {}
    if gold_dir is None:
        documents = _records(inputs, pred, ref_date)
    tasks, failed = [], 0
    for item in inputs:
        if gold_dir is not None:
            found, note, problems = gold_for(gold_dir, item.source)
            for line in problems:
                click.echo(line, err=True)
            document = found
            reason = note or ("invalid gold file" if problems else None)
        else:
            document = documents.get(item.source)
            reason = "no record in --pred" if document is None else document.error
        try:
            text = read_source(item.path, item.source).text
        except ReadError as err:
            document, reason = None, str(err)
        if document is None or reason:
            click.echo(f"extractor: {item.source}: {reason}; no task written", err=True)
            failed += 1
            continue
        tasks.append(task(document, text))
    output.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config_path.write_text(label_config(), encoding="utf-8")
    click.echo(f"{output}: {len(tasks)} tasks; {config_path}: labelling config", err=True)
    if failed:
        sys.exit(1)


@gold.command("import")
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The gold folder to write into (gold/<source>.json).",
)
def gold_import(export: Path, output: Path) -> None:
    """Turn a Label Studio JSON export (tasks written by gold export, annotated) into
    SPEC gold files: each task's latest submitted annotation, offsets kept exactly, every
    field validated. Each region that cannot be mapped is reported (task, region, span,
    text, why) and nothing is written (exit 1).

    \b
    Example:
      extractor gold import project-1-at-2026-12-04.json -o gold/
    """
    from .labelstudio.importing import ImportProblem, import_export, read_export
    from .output import output_path, review_json

    tasks = read_export(export)
    if isinstance(tasks, ImportProblem):
        click.echo(str(tasks), err=True)
        sys.exit(1)
    documents, problems = import_export(tasks, export.name)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s); nothing written", err=True)
        sys.exit(1)
    for document in documents:
        path = output_path(output, document.source)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(review_json(document), encoding="utf-8")
    facts = sum(len(a.facts) for d in documents for a in d.articles)
    cases = sum(len(a.cases) for d in documents for a in d.articles)
    click.echo(f"{output}: {len(documents)} gold files, {facts} facts, {cases} cases", err=True)


@cli.command()
@click.argument(
    "corpus_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.argument(
    "gold_dir", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score these predictions (JSONL or a JSON array) instead of running the extractor.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the scores as JSON (strict micro-F1 at facts.all.strict.f1).",
)
@click.option(
    "--misses", is_flag=True, help="Also list missed, spurious and wrong facts with their sentence."
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 1),
    help="Exit 1 when the strict micro-F1 of facts is below this.",
)
@click.option(
    "--sources",
    "patterns",
    multiple=True,
    metavar="GLOB",
    help="Score only the documents whose source matches this pattern (repeatable; '*' also "
    "matches '/': 'police/*', '*/*' for every file in a sub-folder).",
)
@click.option(
    "--by-folder",
    is_flag=True,
    help="Also score each top-level folder of the sources (a genre of corpus/) on its own.",
)
@click.option("--markdown", is_flag=True, help="Print the tables as Markdown.")
@ref_date_option
def evaluate(
    corpus_dir: Path | None,
    gold_dir: Path | None,
    pred: Path | None,
    as_json: bool,
    misses: bool,
    fail_under: float | None,
    patterns: tuple[str, ...],
    by_folder: bool,
    markdown: bool,
    ref_date: datetime | None,
) -> None:
    """Score the extractor on CORPUS_DIR against GOLD_DIR (default: the corpus/ and gold/ of
    the repository, found from the working folder upwards).

    Scoring is SPEC §6: facts matched one to one by overlap within a kind (exact, partial,
    strict; subject, action, change and basis accuracy over strict matches), cases by
    half-overlap (detection and fields), articles by count and title. Documents present on
    one side only are reported and scored as empty.

    \b
    Examples:
      extractor evaluate                                  # corpus/ against gold/
      extractor evaluate --misses                         # …and list every error
      extractor evaluate --by-folder                      # …and one row per genre folder
      extractor evaluate --sources 'police/*'             # only corpus/police/
      extractor evaluate --pred out.jsonl --json          # score saved predictions
      extractor evaluate --fail-under 0.80                # for CI
    """
    from fnmatch import fnmatchcase

    from .evaluation.loading import load_gold_dir, load_predictions, sentence_finder
    from .evaluation.report import format_folders, format_misses, format_table
    from .evaluation.scoring import evaluate as score
    from .evaluation.scoring import evaluate_by_folder

    def selected(source: str) -> bool:
        return not patterns or any(fnmatchcase(source, p) for p in patterns)

    gold_dir = gold_dir or _data_folder("gold", "extractor evaluate")
    if corpus_dir is None and (pred is None or misses):
        corpus_dir = _data_folder("corpus", "extractor evaluate")

    gold_documents, problems = load_gold_dir(gold_dir, corpus_dir)
    if problems:
        for line in problems:
            click.echo(line, err=True)
        raise click.UsageError(f"{gold_dir} holds invalid gold files (run extractor gold check)")
    gold_documents = [d for d in gold_documents if selected(d.source)]
    if pred is not None:
        predicted = load_predictions(pred)
        if isinstance(predicted, str):
            raise click.UsageError(predicted)
        predicted = [d for d in predicted if selected(d.source)]
    else:
        from . import load

        assert corpus_dir is not None
        inputs = [i for i in collect_inputs([corpus_dir]) if selected(i.source)]
        nlp = load()
        reference = ref_date.date() if ref_date else None
        predicted = list(process(nlp, inputs, ref_date=reference))
    if not gold_documents and not predicted:
        raise click.UsageError(f"no document matches --sources {' '.join(patterns)}")
    result = score(predicted, gold_documents)
    folders = evaluate_by_folder(predicted, gold_documents) if by_folder else {}
    if as_json:
        scores = result.to_dict()
        if by_folder:
            scores["folders"] = {
                name: {k: v for k, v in r.to_dict().items() if k != "files"}
                for name, r in folders.items()
            }
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result, markdown=markdown), nl=False)
        if by_folder:
            click.echo("")
            click.echo(format_folders(folders, result, markdown=markdown), nl=False)
    if misses:
        click.echo("")
        assert corpus_dir is not None
        click.echo(format_misses(result, sentence_finder(corpus_dir)), nl=False)
    if fail_under is not None and result.strict_f1 < fail_under:
        click.echo(f"strict micro-F1 {result.strict_f1:.4f} is below {fail_under}", err=True)
        sys.exit(1)


def _records(
    inputs: list[Input], pred: Path | None, ref_date: datetime | None
) -> dict[str, Document]:
    """The records of ``inputs`` by source: read from ``pred`` (extract's JSONL or JSON
    array), else made by running the extractor."""
    if pred is not None:
        from .evaluation.loading import load_predictions

        loaded = load_predictions(pred)
        if isinstance(loaded, str):
            raise click.UsageError(loaded)
        return {d.source: d for d in loaded}
    from . import load

    reference = ref_date.date() if ref_date else None
    return {d.source: d for d in process(load(), inputs, ref_date=reference)}


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
    required=True,
    metavar="OUT",
    help="The page to write (review.html) for one file; a folder (review/) for a folder or "
    "several files: index.html and one page per source.",
)
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Compare with the gold files here (gold/<source>.json): missed, spurious, wrong "
    "and wrong-subject facts marked and listed, with the file's scores.",
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Draw these records (extract's JSONL or JSON array) instead of running the extractor.",
)
@ref_date_option
def render(
    paths: tuple[Path, ...],
    output: str,
    gold_dir: Path | None,
    pred: Path | None,
    ref_date: datetime | None,
) -> None:
    """Draw the records of PATHS over their text as a self-contained HTML review page.

    Every fact is highlighted by kind (hover or focus it for its fields), every case is a
    card beside its span, each article has a summary row. With --gold the differences
    from gold are marked, listed at the top with the file's scores, and n / p step
    through them.

    \b
    Examples:
      extractor render corpus/d01.txt -o review.html
      extractor render corpus/ -o review/ --gold gold/          # review/index.html
      extractor render corpus/ -o review/ --pred out.jsonl      # a run made before
    """
    from .review.site import collect_reviewed, render_page, write_folder

    try:
        inputs = collect_inputs(list(paths))
    except DuplicateSourceError as err:
        raise click.UsageError(str(err)) from None
    to_folder = _is_directory_target(output) or any(p.is_dir() for p in paths)
    if not to_folder and len(inputs) != 1:
        raise click.UsageError("several sources make one page each: give -o a folder (review/)")
    if not _is_directory_target(output) and to_folder and Path(output).suffix:
        raise click.UsageError(
            f"a folder input makes a folder of pages: give -o {output!r} as a folder"
        )
    if not to_folder and not Path(output).parent.is_dir():
        parent = Path(output).parent
        raise click.UsageError(f"cannot write {output}: folder {parent} does not exist")
    documents = _records(inputs, pred, ref_date)
    items, problems = collect_reviewed(inputs, documents, gold_dir)
    if problems:
        for line in problems:
            click.echo(line, err=True)
        raise click.UsageError(f"{gold_dir} holds invalid gold files (run extractor gold check)")
    if to_folder:
        written = write_folder(items, Path(output), with_gold=gold_dir is not None)
        click.echo(f"{written[0]}: {len(items)} pages", err=True)
    else:
        target = Path(output)
        target.write_text(render_page(items[0]), encoding="utf-8")
        click.echo(f"{target}: 1 page", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the rules as JSON.")
def rules(as_json: bool) -> None:
    """List the number grammar's rules in the order they run: each stage's rules by
    priority (rules of one priority compete by position), its passes, and the unit rules
    that decide a number's kind; each with what it matches and an example.

    \b
    Examples:
      extractor rules
      extractor rules --json
    """
    from .numbers.rule_index import index

    stage_rules, passes, unit_rules = index()
    rows = [
        *(("rule", r.stage, r.priority, r.name, r.matches, r.example) for r in stage_rules),
        *(("pass", p.stage, p.order, p.name, p.matches, p.example) for p in passes),
        *(("unit", "quantity", u.priority, u.name, u.matches, u.example) for u in unit_rules),
    ]
    if as_json:
        keys = ("type", "stage", "priority", "name", "matches", "example")
        click.echo(
            json.dumps(
                [dict(zip(keys, row, strict=True)) for row in rows], ensure_ascii=False, indent=2
            )
        )
        return
    for kind, stage, priority, name, matches, example in rows:
        click.echo(f"{kind:<4}  {stage:<8}  {priority:>3}  {name:<26}  {matches}")
        click.echo(f"{'':<46}e.g. {example}")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of one output document (docs/SPEC.md)."""
    click.echo(
        json.dumps(Document.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2)
    )


def main() -> None:  # pragma: no cover
    cli()
