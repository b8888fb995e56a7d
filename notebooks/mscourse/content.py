"""Each lesson's teaching text, read from ``content/lessonNN.toml``.

The science lives in these plain-text files, not in drawing code: storyboard
step titles and captions, explorer notes, quiz questions with their feedback,
claim and trial tables, other prose the diagrams show, and the lesson's
numbered references. An instructor edits them without touching Python; each
storyboard step says what its picture shows as named fields of the lesson's
state dataclass, which the module draws.

File layout (every part optional except what the lesson module asks for)::

    [storyboard.journey]            # a storyboard, by the name the module uses
    heading = "A signal's journey"
    [[storyboard.journey.step]]
    id = "travels"
    state = { signal_at = "midway" }  # fields of the module's state class (Content.steps)
    title = "It travels along the axon"
    caption = "The spike's current opens the Na⁺ channels just ahead ... [1]"

    [explorer.rescue]
    heading = "Which part does what?"
    notes = { full = "...", cells_only = "..." }

    [text]                          # other named prose: text.intensity_says_cy = "..."
    [[table.trials]]                # a table: a list of rows with the same keys

    [quiz.self_check]
    heading = "Self-check"
    [[quiz.self_check.question]]
    prompt = "Which sequence ...?"
    multiple = false                # true: tick every correct option
    [[quiz.self_check.question.option]]
    text = "Mobilisation, collection, ..."
    correct = true
    feedback = "Yes. ..."

    [[reference]]
    n = 1
    text = "Muraro PA, ... Nat Rev Neurol. 2017;13(7):391-405."
    doi = "10.1038/nrneurol.2017.81"
    kind = "article"                # see REFERENCE_KINDS

Text is wrapped where it is drawn, so write each paragraph as one string.
Citations are written ``[3]`` or ``[3, 5]`` and must resolve to this file's
reference list; the notebook's reference list is generated from it.
"""

import dataclasses
import pathlib
import re
import tomllib
import typing
from dataclasses import dataclass
from functools import lru_cache

CONTENT_DIR = pathlib.Path(__file__).with_name("content")

# Kinds of source, and how a reference list labels the ones that are not peer-reviewed papers.
REFERENCE_KINDS = {
    "article": "",
    "review": "",
    "guideline": "",
    "book": "",
    "abstract": "Conference abstract",
    "preprint": "Preprint, not peer-reviewed",
    "company": "Company announcement, not peer-reviewed",
    "registry": "Trial registry entry",
    "web": "Web page",
    "regulator": "Regulator document",
}
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
CITATION_PATTERN = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class Reference:
    n: int
    text: str
    doi: str = ""
    kind: str = "article"

    def markdown(self):
        label = REFERENCE_KINDS[self.kind]
        out = f"{self.n}. {self.text}"
        if label:
            out += f" ({label}.)"
        if self.doi:
            out += f" doi:[{self.doi}](https://doi.org/{self.doi})"
        return out


def cited_numbers(text):
    """Every reference number cited in ``text``: ``[3]``, ``[3, 5]``, ``[3–5]``."""
    numbers = set()
    for group in CITATION_PATTERN.findall(text):
        for part in re.split(r"\s*,\s*", group):
            ends = re.split(r"\s*[–-]\s*", part)
            if len(ends) == 2:
                numbers.update(range(int(ends[0]), int(ends[1]) + 1))
            else:
                numbers.add(int(ends[0]))
    return numbers


class Content:
    """One lesson's content file, validated as it is read."""

    def __init__(self, path):
        self.path = pathlib.Path(path)
        self.source = self.path.read_text(encoding="utf-8")
        try:
            self.data = tomllib.loads(self.source)
        except tomllib.TOMLDecodeError as error:
            raise ContentError(f"{self.path.name}: {error}") from None
        self.references = self._references()

    # -- errors that say where ------------------------------------------------

    def line_of(self, needle):
        for number, line in enumerate(self.source.splitlines(), 1):
            if needle in line:
                return number
        return 0

    def error(self, message, near=""):
        """``near``: a text on the line to name, or the line's number."""
        line = near if isinstance(near, int) else self.line_of(near) if near else 0
        where = f"{self.path.name}, line {line}" if line else self.path.name
        return ContentError(f"{where}: {message}")

    def _section(self, kind, name):
        section = self.data.get(kind, {}).get(name)
        if section is None:
            raise self.error(f"no [{kind}.{name}] section (the lesson module asks for it)")
        return section

    def _field(self, table, key, where, near):
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{where} needs a non-empty {key} = \"...\"", near)
        return " ".join(value.split())  # paragraphs are one line; wrapped where drawn

    # -- what lesson modules ask for -------------------------------------------

    def heading(self, kind, name):
        return self._field(self._section(kind, name), "heading", f"[{kind}.{name}]",
                           f"[{kind}.{name}]")

    def steps(self, name, states):
        """The storyboard's steps, in file order, each with the state it draws.

        ``states`` is the lesson's state dataclass: each step's ``state = { ... }``
        table in the content file gives that step's fields by name (see
        ``step_states``). A dict ``{step id: state}`` is also accepted, for states
        built in code.
        """
        from .widgets import Step

        rows = self._step_rows(name)
        if isinstance(states, type):
            by_id = self.step_states(name, states)
        else:
            by_id = states
            unknown = [row["id"] for row in rows if row["id"] not in by_id]
            if unknown:
                raise self.error(f"storyboard {name!r}: step id {unknown[0]!r} has no state in "
                                 f"the lesson module (known: {', '.join(by_id)})",
                                 f'"{unknown[0]}"')
        return tuple(
            Step(self._field(row, "title", f"step {row['id']!r}", f'"{row["id"]}"'),
                 self._field(row, "caption", f"step {row['id']!r}", f'"{row["id"]}"'),
                 by_id[row["id"]])
            for row in rows)

    def step_states(self, name, cls):
        """``{step id: cls(**state)}`` for the storyboard's steps, in file order.

        Each step's ``state = { field = value, ... }`` names fields of the dataclass
        ``cls``; fields left out keep their defaults. A field typed ``Literal[...]``
        takes one of the listed values; a ``tuple`` field is written as a list. If
        ``cls`` has a field ``step``, it receives the step's id (descriptions may key
        their text by it). Unknown fields and wrong values are errors that name the
        file and line.
        """
        fields = {f.name: f for f in dataclasses.fields(cls)}
        hints = typing.get_type_hints(cls)
        out = {}
        for row in self._step_rows(name):
            step = row["id"]
            where = f"step {step!r}"
            given = row.get("state", {})
            if not isinstance(given, dict):
                raise self.error(f"{where}: state must be a table: state = {{ field = value }}",
                                 near=self._step_line(step, "state"))
            values = {}
            for key, value in given.items():
                near = self._step_line(step, key)
                if key not in fields or key == "step":
                    names = ", ".join(f for f in fields if f != "step")
                    raise self.error(f"{where}: {cls.__name__} has no field {key!r} "
                                     f"(fields: {names})", near)
                values[key] = self._state_value(hints[key], value, f"{where}: {key}", near)
            if "step" in fields:
                values["step"] = step
            try:
                out[step] = cls(**values)
            except (TypeError, ValueError) as error:
                raise self.error(f"{where}: {error}", self._step_line(step, "state")) from None
        return out

    def _state_value(self, kind, value, where, near):
        """``value`` checked against the field's type (TOML lists become tuples)."""
        if typing.get_origin(kind) is typing.Literal:
            allowed = typing.get_args(kind)
            if not any(value == a and type(value) is type(a) for a in allowed):
                raise self.error(f"{where} must be one of {', '.join(map(repr, allowed))}, "
                                 f"not {value!r}", near)
            return value
        if kind is tuple or typing.get_origin(kind) is tuple:
            if not isinstance(value, list):
                raise self.error(f"{where} must be a list [...], not {value!r}", near)
            return tuple(value)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if kind in (bool, int, float, str) and not (
                isinstance(value, kind) and (kind is bool or not isinstance(value, bool))):
            names = {bool: "true or false", int: "a whole number", float: "a number",
                     str: 'text in "quotes"'}
            raise self.error(f"{where} must be {names[kind]}, not {value!r}", near)
        return value

    def _step_rows(self, name):
        rows = self._section("storyboard", name).get("step", [])
        if not rows:
            raise self.error(f"storyboard {name!r} has no [[storyboard.{name}.step]]")
        ids = [row.get("id", "") for row in rows]
        missing = next((i for i, step in enumerate(ids) if not isinstance(step, str) or not step),
                       None)
        if missing is not None:
            raise self.error(f"storyboard {name!r}: step {missing + 1} needs an id = \"...\"",
                             f"[[storyboard.{name}.step]]")
        if len(set(ids)) != len(ids):
            twice = next(i for i in ids if ids.count(i) > 1)
            raise self.error(f"storyboard {name!r}: step id {twice!r} is used twice", f'"{twice}"')
        return rows

    def _step_line(self, step, needle):
        """The number of the first line holding the word ``needle`` within the step whose
        id is ``step`` (the id's line if there is none)."""
        lines = self.source.splitlines()
        pattern = re.compile(rf'^\s*id\s*=\s*"{re.escape(step)}"')
        start = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
        if start is None:
            return self.line_of(f'"{step}"')
        word = re.compile(rf"\b{re.escape(needle)}\b")
        for i in range(start, len(lines)):
            if i > start and lines[i].lstrip().startswith("[["):
                break
            if word.search(lines[i]):
                return i + 1
        return start + 1

    def notes(self, name):
        notes = self._section("explorer", name).get("notes", {})
        return {key: " ".join(value.split()) for key, value in notes.items()}

    def text(self, key):
        value = self.data.get("text", {}).get(key)
        if not isinstance(value, str):
            raise self.error(f"no text.{key} (the lesson module asks for it)")
        return " ".join(value.split())

    def table(self, name):
        rows = self.data.get("table", {}).get(name)
        if not rows:
            raise self.error(f"no [[table.{name}]] rows (the lesson module asks for them)")
        keys = set(rows[0])
        for row in rows:
            if set(row) != keys:
                raise self.error(f"table {name!r}: every row needs the same keys "
                                 f"({', '.join(sorted(keys))})", str(next(iter(row.values()))))
        return [{k: " ".join(v.split()) if isinstance(v, str) else v for k, v in row.items()}
                for row in rows]

    def questions(self, name="self_check"):
        from .widgets import Option, Question

        questions = []
        for q in self._section("quiz", name).get("question", []):
            prompt = self._field(q, "prompt", "a question", "prompt")
            options = tuple(
                Option(self._field(o, "text", f"an option of {prompt!r}", prompt),
                       bool(o.get("correct", False)),
                       self._field(o, "feedback", f"an option of {prompt!r}", prompt))
                for o in q.get("option", []))
            try:
                questions.append(Question(prompt, options, multiple=bool(q.get("multiple", False)),
                                          topic=q.get("topic", "")))
            except ValueError as error:
                raise self.error(str(error), prompt[:40]) from None
        if not questions:
            raise self.error(f"quiz {name!r} has no questions")
        return tuple(questions)

    # -- references -----------------------------------------------------------

    def _references(self):
        refs = []
        for row in self.data.get("reference", []):
            n = row.get("n")
            near = f"n = {n}"
            if not isinstance(n, int):
                raise self.error("every [[reference]] needs a number n = 1, 2, ...", "[[reference]]")
            if row.get("kind", "article") not in REFERENCE_KINDS:
                raise self.error(f"reference {n}: kind must be one of {', '.join(REFERENCE_KINDS)}",
                                 near)
            doi = row.get("doi", "")
            if doi and not DOI_PATTERN.match(doi):
                raise self.error(f"reference {n}: {doi!r} is not a DOI (10.xxxx/...)", f'"{doi}"')
            refs.append(Reference(n, self._field(row, "text", f"reference {n}", near), doi,
                                  row.get("kind", "article")))
        numbers = [r.n for r in refs]
        if numbers != list(range(1, len(refs) + 1)):
            raise self.error(f"references must be numbered 1 to {len(refs)} in order; found {numbers}")
        return tuple(refs)

    def references_markdown(self):
        return "\n".join(r.markdown() for r in self.references)

    def cited(self):
        """Reference numbers cited anywhere in this file's teaching text."""
        return cited_numbers(" ".join(_strings({k: v for k, v in self.data.items()
                                                 if k != "reference"})))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@lru_cache(maxsize=None)
def load(lesson):
    """The content of a lesson: ``load("lesson03")`` or ``load("03")``."""
    name = lesson if str(lesson).startswith("lesson") else f"lesson{lesson}"
    path = CONTENT_DIR / f"{name}.toml"
    if not path.exists():
        raise ContentError(f"no content file {path.name} in {CONTENT_DIR}")
    return Content(path)


def for_module(module_name):
    """The content of the lesson module named ``module_name`` (its ``__name__``)."""
    return load(module_name.rsplit(".", 1)[-1])


# -- the notebook side: one reference list, one "last checked" line ------------------

REFERENCES_HEADING = "## References\n\n"
NEXT_HEADING = "\n\n## Next"


def notebook_markdown(path):
    """A notebook's Markdown cells, joined: what a reader of the notebook reads."""
    import json

    cells = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def synced_notebook(path, content):
    """The notebook's JSON text with its reference list and currency line taken from
    ``content`` and ``currency``; equal to the file when the notebook is current."""
    import json

    from . import currency

    nb = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        new = text
        if new.startswith("# "):
            new = currency.stamp_markdown(new)
        if REFERENCES_HEADING in new and content.references:
            head, rest = new.split(REFERENCES_HEADING, 1)
            tail = rest[rest.index(NEXT_HEADING):] if NEXT_HEADING in rest else ""
            new = head + REFERENCES_HEADING + content.references_markdown() + tail
        if new != text:
            lines = new.split("\n")
            cell["source"] = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
