"""Walk a shell command with tree-sitter and list every simple command it would run.

The walk is iterative (an explicit stack), so deep trees cannot exhaust Python's recursion
limit; nested shells, substitutions and decoded payloads count towards ``MAX_DEPTH``.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from functools import lru_cache

from tree_sitter import Node, Tree

from forethought.review.shell.evaluate import StaticEvaluation
from forethought.review.shell.interpreters import SHELLS, language_of
from forethought.review.shell.model import (
    MAX_COMMAND_BYTES,
    MAX_DEPTH,
    FunctionDef,
    Issue,
    Payload,
    ShellAnalysis,
    SimpleCommand,
    Word,
)
from forethought.review.shell.nested import (
    DECODING_WRITERS,
    INTERACTIVE,
    PACKAGE_SCRIPTS,
    REMOTE_RUNNERS,
    RUNNERS,
    WRITERS,
    NestedScripts,
)
from forethought.review.shell.paths import normalise, scope_of
from forethought.review.shell.source import KIND_NAMES, Ctx, Source, check_size, thread_parser
from forethought.review.shell.unwrap import WRAPPERS, FindCommand, parse_find, unwrap
from forethought.review.shell.words import PLAIN_WORDS, Evaluated, WordResolver, plain_word

# All nested sources of one command together, and the commands listed, are capped, and so is
# the time tree-sitter may spend: its error recovery is quadratic on some garbage.
MAX_TOTAL_BYTES = 1_000_000
MAX_COMMANDS = 10_000
PARSE_BUDGET_S = 0.5
# Texts this short are parsed without the budget's callbacks (tree-sitter then reads the bytes
# directly, about 2 µs a parse less): the worst garbage found of twice this length (`a=(`
# repeated, random runs of quotes, brackets and keywords) parses in under 20 ms, far inside it.
UNTIMED_BYTES = 512

_PARSER_SAFE_BYTES = bytes.maketrans(b"\0" + bytes(range(0x80, 0x100)), b" " + b"x" * 0x80)
_LEAVES = frozenset(
    {
        "word",
        "raw_string",
        "string_content",
        "ansi_c_string",
        "number",
        "heredoc_body",
        "heredoc_start",
        "heredoc_end",
        "comment",
        "variable_name",
        "special_variable_name",
        "file_descriptor",
        "test_operator",
        "regex",
        "extglob_pattern",
    }
)
_ALWAYS_TRUE = ("true", ":", "[ 1 ]", "((1))", "[[ 1 ]]")
_LOOPS = frozenset({"while_statement", "until_statement", "for_statement", "c_style_for_statement"})
# Unquoted expansions whose value is split into words.
_SPLIT_KINDS = frozenset({"simple_expansion", "expansion", "command_substitution"})
# Commands that follow() hands to run_nested, record_written_file and note_transcript (with
# the interpreters language_of knows); any other command has nothing for them to do.
_NESTING = (
    SHELLS
    | RUNNERS
    | PACKAGE_SCRIPTS
    | REMOTE_RUNNERS
    | {"sudo", "doas", "su", "eval", "source", "."}
)
_TRANSCRIBED = SHELLS | INTERACTIVE
# Commands after which follow() updates the walk's state.
_STATEFUL = frozenset({"cd", "pushd", "alias", "read", "mapfile", "readarray"})
# Names for which follow() has something to do whatever the command's context (beside programs
# in language_of, a name from a variable, an alias, a wrapper or a parent command).
_FOLLOWED = _STATEFUL | _NESTING | WRITERS | DECODING_WRITERS | _TRANSCRIBED | {"find"}
# `{rm,-rf,/}` and `pre{a,b}post`: brace expansion turns one word into several.
_BRACES = re.compile(r"([^{}]*)\{([^{}]*,[^{}]*)\}([^{}]*)", re.S)


# Word nodes whose parts (in the grammar: string_content, raw strings, words, numbers, brace
# and arithmetic expressions, expansions, substitutions) include nothing the walk acts on
# unless their text has an expansion (`$`) or a substitution (`` ` ``, `<(`, `>(`).
_INERT_UNLESS_EXPANDED = frozenset({"string", "concatenation"})


def _walk_word(node: Node, kind: str, text: str) -> bool:
    """Whether the walk must descend into an argument node (that has children) of this text."""
    return (
        kind not in _INERT_UNLESS_EXPANDED
        or node.has_error
        or "$" in text
        or "`" in text
        or "<(" in text
        or ">(" in text
    )


def _wrapped_program(args: list[Word]) -> str | None:
    """The program a command named by a variable runs, when its first argument is one the
    reviewer knows (``$SUDO apt-get install x``); None otherwise."""
    if not args or args[0].dynamic:
        return None
    from forethought.review.shell.uncertainty import known_program

    name = args[0].value.rsplit("/", 1)[-1]
    return name if known_program(name) else None


class _Walker(NestedScripts, StaticEvaluation):
    """One walk over a command and every payload found in it, tracking variables, aliases and
    the working directory in source order."""

    def __init__(self, command: str) -> None:
        self.analysis = ShellAnalysis(command)
        self.variables: dict[str, Word] = {}
        self.aliases: dict[str, str] = {}
        self.cwd: str | None = None
        # (None is the directory the command starts in until a `cd` goes somewhere unknown)
        self.cwd_unknown = False
        self.pipeline_ids = itertools.count()
        self.stack: list[tuple[Node, Ctx] | tuple[None, Ctx, list[Word], str]] = []
        self.total_bytes = 0
        self.eval_depth = 0
        self.eval_cache: dict[tuple[int, int, int], Evaluated | None] = {}
        self.issue_keys: set[tuple[str, str]] = set()
        self.stopped = False
        self.deadline = time.perf_counter() + PARSE_BUDGET_S
        self.find_cache: dict[int, FindCommand] = {}
        self.resolvers: list[WordResolver] = []

    # -- driving -------------------------------------------------------------------------

    def run(self, data: bytes | None = None) -> ShellAnalysis:
        """Walk the command (``data``: its UTF-8 bytes, when the caller has them already)."""
        self.push_source(self.analysis.source, "", "", 0, None, data)
        stack = self.stack
        handlers = _HANDLERS_BY_KIND
        push_children = self.push_children
        try:
            while stack and not self.stopped:
                item = stack.pop()
                node = item[0]
                if node is None:
                    _, ctx, words, text = item  # type: ignore[misc]
                    self.emit(words, {}, list(ctx.redirects), None, ctx, text)
                    continue
                handler = handlers[node.kind_id]  # visit the node
                if handler is None:
                    push_children(node, item[1])
                else:
                    handler(self, node, item[1])
        finally:
            # Each resolver's evaluate closure refers to its Ctx, which refers to the resolver:
            # break those cycles so that a finished walk is freed by reference counting rather
            # than left to the cyclic garbage collector (which then scans every live object).
            for resolver in self.resolvers:
                resolver.evaluate = _walk_finished
            stack.clear()
        return self.analysis

    def issue(self, kind: str, detail: str, evidence: str, origin: str = "") -> None:
        key = (kind, evidence)
        if key not in self.issue_keys:
            self.issue_keys.add(key)
            self.analysis.issues.append(Issue(kind, detail, evidence, origin))

    def push_source(
        self,
        text: str,
        how: str,
        anchor: str,
        depth: int,
        parent: int | None,
        data: bytes | None = None,
    ) -> None:
        if depth > MAX_DEPTH:
            self.issue(
                "too_deep", f"nested more than {MAX_DEPTH} levels deep", anchor or text[:200]
            )
            return
        self.total_bytes += len(text)
        if self.total_bytes > MAX_TOTAL_BYTES:
            self.issue(
                "too_large", "expands to more text than the reviewer reads", anchor or text[:200]
            )
            return
        top = not how
        origin = "" if top or text in self.analysis.source else how
        if origin:
            self.analysis.payloads.append(Payload(text, how, anchor))
        if data is None:
            data = text.encode("utf-8", "surrogatepass")
        source = Source(text, data, len(data) == len(text), origin, anchor if origin else "", top)
        tree = self.parse(data)
        if tree is None:
            self.issue(
                "too_large", "too complex to parse in the time allowed", anchor or text[:200]
            )
            return
        resolver = WordResolver(
            source.span, self.variables, lambda n: self.evaluate(n, ctx), source.range
        )
        self.resolvers.append(resolver)
        ctx = Ctx(source, resolver, depth, parent=parent)
        root = tree.root_node
        if root.has_error:
            self.issue("parse_error", "could not fully parse", (anchor or text)[:200], origin)
        if root.type in _HANDLERS:
            self.stack.append((root, ctx))
        else:  # what popping it would do (the root is a `program`): push its children
            self.push_children(root, ctx)

    def parse(self, data: bytes) -> Tree | None:
        # The parser sees a same-length ASCII copy; spans are still cut from the original bytes,
        # so evidence keeps every character. NUL ends input for tree-sitter's lexer and sends its
        # error recovery quadratic. Non-ASCII bytes become "x": tree-sitter-bash's scanner calls
        # isdigit() on code points past the C table's end (after `{`), which reads wild memory
        # and intermittently segfaults; to bash every non-ASCII character is a word character,
        # as "x" is, so the structure of the command does not change.
        buffer = data.translate(_PARSER_SAFE_BYTES)
        parser = thread_parser()
        if len(buffer) <= UNTIMED_BYTES:
            return parser.parse(buffer)

        def read(offset: int, _point: object) -> bytes:
            return buffer[offset : offset + 65536]

        def out_of_time(*_state: object) -> bool:
            return time.perf_counter() > self.deadline

        try:
            return parser.parse(read, progress_callback=out_of_time)
        except ValueError:  # tree-sitter halted by the progress callback
            parser.reset()
            return None

    def push_children(self, node: Node, ctx: Ctx) -> None:
        # pushed last child first, so that they are walked in source order
        stack = self.stack
        base = ctx.replace(text_end=None) if ctx.text_end is not None else ctx
        # in a redirected list, only its last command keeps the redirects
        list_redirects = bool(ctx.redirects) and KIND_NAMES[node.kind_id] == "list"
        later_named = False  # a named child comes after this one
        background = False  # the child right after this one is `&`
        for child in reversed(node.children):
            if not child.is_named:
                background = KIND_NAMES[child.kind_id] == "&"
                continue
            child_ctx = base
            if background:
                child_ctx = child_ctx.replace(background=True)
            if list_redirects and later_named:
                child_ctx = child_ctx.replace(redirects=(), stdin=None)
            stack.append((child, child_ctx))
            later_named = True
            background = False

    # -- nodes ---------------------------------------------------------------------------

    def leaf(self, node: Node, ctx: Ctx) -> None:
        return

    def standalone_assignment(self, node: Node, ctx: Ctx) -> None:
        self.assignment(node, ctx, standalone=True)

    def unset(self, node: Node, ctx: Ctx) -> None:
        words = [ctx.resolver.word(c) for c in node.children if c.is_named]
        self.emit([Word("unset", "unset"), *words], {}, [], None, ctx, ctx.source.span(node))

    def error(self, node: Node, ctx: Ctx) -> None:
        text = ctx.source.span(node)
        self.issue("parse_error", "could not fully parse", text[:200], ctx.source.origin)
        m = _BRACES.fullmatch(text.strip())
        if m and not m.group(1):
            words = [Word(p + m.group(3), text) for p in m.group(2).split(",")[:64] if p]
            self.emit(words, {}, list(ctx.redirects), ctx.stdin, ctx, text)
            return
        self.push_children(node, ctx)

    def pipeline(self, node: Node, ctx: Ctx, first_stage: int = 0) -> None:
        pid = next(self.pipeline_ids)
        stages: list[tuple[Node, tuple[tuple[str, Word], ...]]] = []
        pending: list[tuple[Node, tuple[tuple[str, Word], ...]]] = [
            (c, ()) for c in node.children if c.is_named
        ]
        while pending:
            # `a | b 2>&1 | c` parses as a pipeline inside a redirected statement inside a
            # pipeline: flatten it, giving the redirect to the inner pipeline's last stage
            child, extra = pending.pop(0)
            kind = KIND_NAMES[child.kind_id]
            body = child.child_by_field_name("body") if kind == "redirected_statement" else None
            if kind == "pipeline":
                inner: list[tuple[Node, tuple[tuple[str, Word], ...]]] = [
                    (c, ()) for c in child.children if c.is_named
                ]
                if inner:
                    inner[-1] = (inner[-1][0], extra)
                pending[:0] = inner
            elif (
                body is not None
                and body.type == "pipeline"
                and all(
                    c.type == "file_redirect"
                    for c in child.children
                    if c.is_named and c.id != body.id
                )
            ):
                redirects = tuple(
                    self.redirect(c, ctx) for c in child.children if c.type == "file_redirect"
                )
                pending.insert(0, (body, redirects + extra))
            else:
                stages.append((child, extra))
        items = []
        last = first_stage + len(stages) - 1
        for stage, (child, extra) in enumerate(stages, start=first_stage):
            if stage != last:
                redirects = extra
            elif extra:
                redirects = ctx.redirects + extra
            else:
                redirects = ctx.redirects
            stdin = ctx.stdin if stage == first_stage else None
            items.append((child, ctx.for_stage(pid, stage, redirects, stdin)))
        self.stack.extend(reversed(items))

    def redirect(self, node: Node, ctx: Ctx) -> tuple[str, Word]:
        destination: Node | None = None
        op = []
        for i, child in enumerate(node.children):
            field = node.field_name_for_child(i)
            if field == "destination":
                if destination is None:
                    destination = child
            elif child.type != "heredoc_body":
                op.append(ctx.source.span(child))
        word = ctx.resolver.word(destination) if destination is not None else Word("", "")
        if destination is not None and destination.child_count:
            self.stack.append((destination, ctx.replace(text_end=None, redirects=(), stdin=None)))
        return "".join(op).replace(" ", ""), word

    def redirected(self, node: Node, ctx: Ctx) -> None:
        body = node.child_by_field_name("body")
        redirects: list[tuple[str, Word]] = []
        stdin = ctx.stdin
        continuation: list[Node] = []
        descriptor = ""
        last_arg = body.children[-1] if body is not None and body.type == "command" else None
        for child in node.children:
            if body is not None and child.id == body.id:
                continue
            if child.type == "file_redirect":
                op, target = self.redirect(child, ctx)
                if (
                    not redirects
                    and last_arg is not None
                    and last_arg.end_byte == child.start_byte
                    and ctx.source.span(last_arg).isdigit()
                ):
                    descriptor = ctx.source.span(last_arg)  # `sh 0</tmp/p`
                    op = descriptor + op
                redirects.append((op, target))
            elif child.type == "herestring_redirect":
                word = self.herestring(child, ctx)
                stdin = word.value
                redirects.append(("<<<", word))
            elif child.type == "heredoc_redirect":
                stdin = self.heredoc(child, ctx, redirects, continuation)
        inherited = ctx.redirects + tuple(redirects)
        if body is None:
            self.emit([], {}, list(inherited), stdin, ctx, ctx.source.span(node))
            return
        body_ctx = ctx.replace(
            redirects=inherited,
            stdin=stdin,
            text_end=node.end_byte if body.type == "command" else None,
            last_word_is_descriptor=bool(descriptor),
        )
        pipe = next((c for c in continuation if c.type == "pipeline"), None)
        if pipe is not None and pipe.children and pipe.children[0].type in ("|", "|&"):
            # `cat <<EOF | sh`: tree-sitter hangs the rest of the pipeline off the here-doc
            pid = next(self.pipeline_ids)
            self.pipeline(pipe, ctx.replace(pipeline=pid, stdin=None, redirects=()), first_stage=1)
            self.renumber_pipeline(pid)
            body_ctx = body_ctx.replace(pipeline=pid, stage=0)
            continuation = [c for c in continuation if c.id != pipe.id]
        for extra in reversed(continuation):
            self.stack.append((extra, ctx.replace(redirects=(), stdin=None, text_end=None)))
        self.stack.append((body, body_ctx))

    def renumber_pipeline(self, pid: int) -> None:
        """The pipeline just pushed got a fresh id; give its stages ``pid`` instead."""
        fresh = None
        for i in range(len(self.stack) - 1, -1, -1):
            item = self.stack[i]
            if item[0] is None:
                continue
            ctx = item[1]
            if fresh is None:
                fresh = ctx.pipeline
            if ctx.pipeline != fresh:
                break
            self.stack[i] = (item[0], ctx.replace(pipeline=pid))

    def herestring(self, node: Node, ctx: Ctx) -> Word:
        for child in node.children:
            if child.is_named:
                if child.child_count:
                    self.stack.append((child, ctx.replace(text_end=None, redirects=(), stdin=None)))
                return ctx.resolver.word(child)
        return Word("", "")

    def heredoc(
        self, node: Node, ctx: Ctx, redirects: list[tuple[str, Word]], continuation: list[Node]
    ) -> str:
        body = ""
        for child in node.children:
            if child.type == "heredoc_body":
                body = ctx.source.span(child)
            elif child.type == "file_redirect":
                redirects.append(self.redirect(child, ctx))
            elif child.type == "herestring_redirect":
                redirects.append(("<<<", self.herestring(child, ctx)))
            elif child.is_named and child.type not in ("heredoc_start", "heredoc_end"):
                continuation.append(child)
        redirects.append(("<<", Word(body, body)))
        return body

    def loop(self, node: Node, ctx: Ctx) -> None:
        infinite = False
        if node.type in ("while_statement", "until_statement"):
            condition = node.child_by_field_name("condition")
            text = ctx.source.span(condition).strip().rstrip(";").strip() if condition else ""
            # tree-sitter-bash parses `until` as a while_statement that starts with `until`
            until = node.type == "until_statement" or (
                node.child_count > 0 and node.children[0].type == "until"
            )
            infinite = text in (("false", "! true", "! :") if until else _ALWAYS_TRUE)
        elif node.type == "c_style_for_statement":
            infinite = not any(
                c.type in ("binary_expression", "word", "number")
                for c in node.children
                if c.is_named and c.type != "do_group"
            )
        elif node.type == "for_statement":
            variable = node.child_by_field_name("variable")
            if variable is not None:
                name = ctx.source.span(variable)
                values = [ctx.resolver.word(c) for c in node.children_by_field_name("value")]
                if values and not any(v.dynamic for v in values):
                    # a static reading cannot run the body once per value: it stands for the
                    # value that reaches furthest (a glob for every path it matches:
                    # `for p in /proc/[0-9]*` makes `$p/environ` read /proc/[0-9]*/environ)
                    self.variables[name] = max(values, key=lambda v: scope_of(v.value))
                else:
                    self.variables.pop(name, None)
        self.push_children(
            node,
            ctx.replace(
                in_loop=True, background=False, infinite_loop=ctx.infinite_loop or infinite
            ),
        )

    def function(self, node: Node, ctx: Ctx) -> None:
        name_node = node.child_by_field_name("name")
        name = ctx.source.span(name_node) if name_node is not None else ""
        self.analysis.functions[name] = FunctionDef(name, ctx.source.span(node), ctx.source.origin)
        body = node.child_by_field_name("body")
        if body is not None:
            self.stack.append((body, ctx.replace(function=name, text_end=None)))

    def substitution(self, node: Node, ctx: Ctx) -> None:
        depth = ctx.depth + 1
        text = ctx.source.span(node)
        if depth > MAX_DEPTH:
            self.issue(
                "too_deep",
                f"substitutions nested more than {MAX_DEPTH} deep",
                (ctx.source.anchor or text)[:200],
                ctx.source.origin,
            )
            return
        inner = ctx.replace(
            depth=depth,
            pipeline=-1,
            stage=0,
            redirects=(),
            stdin=None,
            in_substitution=True,
            text_end=None,
            background=False,
        )
        named = [c for c in node.children if c.is_named]
        if len(named) == 1 and named[0].type == "file_redirect":  # $(<file) reads the file
            _, word = self.redirect(named[0], inner)
            self.emit([Word("cat", "<"), word], {}, [], None, inner, text)
            return
        self.push_children(node, inner)

    def assignment(self, node: Node, ctx: Ctx, standalone: bool) -> Word:
        name_node = node.child_by_field_name("name")
        value_node = node.child_by_field_name("value")
        name = ctx.source.span(name_node) if name_node is not None else ""
        if value_node is None:
            value = Word("", "")
        elif value_node.type == "array":
            value = Word(ctx.source.span(value_node), ctx.source.span(value_node), dynamic=True)
        else:
            value = ctx.resolver.word(value_node)
        if any(c.type == "+=" for c in node.children) and name in self.variables:
            old = self.variables[name]
            value = Word(
                old.value + value.value,
                value.span,
                old.dynamic or value.dynamic,
                old.substitutions + value.substitutions,
                old.decoded or value.decoded,
            )
        if name:
            self.variables[name] = value
        if value_node is not None and value_node.child_count:
            self.stack.append((value_node, ctx.replace(text_end=None, redirects=(), stdin=None)))
        if standalone:
            self.emit([], {name: value.value}, [], None, ctx, ctx.source.span(node))
        return value

    def declaration(self, node: Node, ctx: Ctx) -> None:
        words: list[Word] = []
        for child in node.children:
            if child.type == "variable_assignment":
                value = self.assignment(child, ctx, standalone=False)
                name_node = child.child_by_field_name("name")
                name = ctx.source.span(name_node) if name_node is not None else ""
                words.append(
                    Word(
                        f"{name}={value.value}",
                        ctx.source.span(child),
                        value.dynamic,
                        value.substitutions,
                        value.decoded,
                    )
                )
            elif not child.is_named:
                text = ctx.source.span(child)
                if not words:
                    words.append(Word(text, text))
            else:
                words.append(ctx.resolver.word(child))
        self.emit(words, {}, [], None, ctx, ctx.source.span(node))

    def command(self, node: Node, ctx: Ctx) -> None:
        words: list[Word] = []
        env: dict[str, str] = {}
        redirects = list(ctx.redirects)
        stdin = ctx.stdin
        walk: list[Node] = []
        previous: Node | None = None
        word_of_kind = ctx.resolver.word_of_kind
        span = ctx.source.span
        ascii_text = ctx.source.text if ctx.source.ascii else None  # then spans are slices of it
        kinds = KIND_NAMES
        for child in node.children:
            kind = kinds[child.kind_id]
            if kind == "word":  # most arguments: word_of_kind's first case, inline
                if ascii_text is None:
                    text = span(child)
                else:
                    text = ascii_text[child.start_byte : child.end_byte]
                word = PLAIN_WORDS.get(text) or plain_word(text)
                value = word.value
                if "{" in value and "," in value:
                    words.extend(self.expand(child, word))
                else:
                    words.append(word)  # what expand would give back
                if child.child_count:
                    walk.append(child)
            elif kind == "variable_assignment":
                name_node = child.child_by_field_name("name")
                value_node = child.child_by_field_name("value")
                assigned = ctx.resolver.word(value_node) if value_node is not None else Word("", "")
                env[ctx.source.span(name_node) if name_node is not None else ""] = assigned.value
                if value_node is not None and value_node.child_count:
                    walk.append(value_node)
            elif kind == "command_name":
                for part in child.children:
                    part_kind = kinds[part.kind_id]
                    if part_kind == "word" and ascii_text is not None:  # as above
                        text = ascii_text[part.start_byte : part.end_byte]
                        word = PLAIN_WORDS.get(text) or plain_word(text)
                    else:
                        word = word_of_kind(part, part_kind)
                    value = word.value
                    if (part_kind in _SPLIT_KINDS and not word.dynamic) or (
                        "{" in value and "," in value
                    ):
                        words.extend(self.expand(part, word))
                    else:
                        words.append(word)  # what expand would give back
                    if part.child_count and _walk_word(part, part_kind, word.span):
                        walk.append(part)
            elif kind == "file_redirect":
                op, target = self.redirect(child, ctx)
                if (
                    previous is not None
                    and previous.end_byte == child.start_byte
                    and previous.type in ("word", "number")
                    and words
                    and words[-1].value.isdigit()
                ):
                    op = words.pop().value + op  # `sh 0</tmp/p`: the digits are a descriptor
                redirects.append((op, target))
            elif kind == "herestring_redirect":
                word = self.herestring(child, ctx)
                stdin = word.value
                redirects.append(("<<<", word))
            elif child.is_named:
                word = word_of_kind(child, kind)
                value = word.value
                if (kind in _SPLIT_KINDS and not word.dynamic) or ("{" in value and "," in value):
                    words.extend(self.expand(child, word))
                else:
                    words.append(word)  # what expand would give back
                if child.child_count and _walk_word(child, kind, word.span):
                    walk.append(child)
            previous = child
        if ctx.last_word_is_descriptor and len(words) > 1:
            words.pop()
        if (
            words
            and len(words[0].span) > 2
            and words[0].span[0] == "$"
            and words[0].span[1] in " \t"
        ):
            name = words[0].span[1:].strip()  # a pasted prompt: `$ ls`
            words[0] = Word(name, words[0].span)
        end_byte = node.end_byte
        end = ctx.text_end if ctx.text_end is not None else end_byte
        text = ctx.source.range(node.start_byte, end)
        index = self.emit(words, env, redirects, stdin, ctx, text, end_byte)
        if walk and index is not None:
            sub_ctx = ctx.inside(index)
            self.stack.extend((n, sub_ctx) for n in reversed(walk))

    def expand(self, node: Node, word: Word) -> list[Word]:
        """Word splitting of unquoted expansions and brace expansion, as bash does them."""
        if node.type in _SPLIT_KINDS and not word.dynamic:
            ifs = self.variables.get("IFS")
            separators = ifs.value if ifs is not None and not ifs.dynamic else " \t\n"
            if separators and any(c in word.value for c in separators):
                pieces = re.split("[" + re.escape(separators) + "]+", word.value.strip(separators))
                return [Word(p, word.span, False, (), word.decoded) for p in pieces[:256] if p]
        if "{" in word.value and "," in word.value and word.span[:1] not in ("'", '"', "$"):
            m = _BRACES.fullmatch(word.value)
            if m:
                head, body, tail = m.groups()
                return [
                    Word(head + p + tail, word.span, word.dynamic, word.substitutions, word.decoded)
                    for p in body.split(",")[:64]
                ]
        return [word]

    # -- one simple command --------------------------------------------------------------

    def emit(
        self,
        words: list[Word],
        env: dict[str, str],
        redirects: list[tuple[str, Word]],
        stdin: str | None,
        ctx: Ctx,
        text: str,
        end_byte: int | None = None,
    ) -> int | None:
        commands = self.analysis.commands
        index = len(commands)
        if index >= MAX_COMMANDS:
            self.issue("too_large", f"more than {MAX_COMMANDS} commands", text[:200])
            self.stopped = True
            return None
        inner: list[Word]
        wrappers: list[str]
        if not words:
            inner, wrappers = [], []
        elif "/" in words[0].value or words[0].value in WRAPPERS:
            unwrapped = unwrap(words)
            inner, wrappers = unwrapped.words, unwrapped.wrappers
            if unwrapped.env:
                env = {**env, **unwrapped.env}
        else:
            # nothing to unwrap (no path to shorten, no wrapper): what unwrap would return; the
            # callers' env dicts are their own
            inner, wrappers = list(words), []
        source = ctx.source
        # positional: this is the walk's hottest constructor (fields in declaration order)
        cmd = SimpleCommand(
            [w.value for w in inner],  # argv
            [(op, w.value) for op, w in redirects] if redirects else [],  # redirects
            text,
            ctx.depth,
            inner,  # words
            wrappers,
            env,
            ctx.pipeline,
            ctx.stage,
            ctx.background,
            source.origin,
            source.anchor,
            ctx.in_substitution,
            ctx.parent,
            stdin,
            ctx.in_loop,
            ctx.infinite_loop,
            ctx.function,
            self.cwd,
            index,
        )
        commands.append(cmd)
        if inner:
            self.follow(cmd, ctx, end_byte)
        return index

    def nested(self, text: str, how: str, cmd: SimpleCommand, ctx: Ctx) -> None:
        anchor = cmd.anchor or cmd.text
        self.push_source(text, how, anchor, ctx.depth + 1, cmd.index)

    def follow(self, cmd: SimpleCommand, ctx: Ctx, end_byte: int | None) -> None:
        """What this command implies beyond itself: nested shells, state, written files."""
        head = cmd.words[0]
        name = head.value  # cmd.name
        if (
            name not in _FOLLOWED
            and not head.dynamic
            and not cmd.wrappers
            and cmd.parent is None
            and not self.aliases
            and language_of(name) is None
        ):
            return  # each step below would find nothing to do (most commands)
        if head.dynamic:
            basename = name.rsplit("/", 1)[-1]
            if "$" in basename or "`" in basename or not basename:
                wrapped = _wrapped_program(cmd.words[1:])
                if wrapped:
                    # `"$HELPER" sudo systemctl ...`: the variable wraps a program the reviewer
                    # knows; what follows is reviewed as the command it runs
                    self.issue(
                        "unresolved_wrapper",
                        f"runs `{wrapped}` through `{head.span}`, a command named at run time",
                        cmd.text,
                        cmd.origin,
                    )
                    self.nested(
                        " ".join(w.span for w in cmd.words[1:]),
                        f"the command `{head.span}` runs",
                        cmd,
                        ctx,
                    )
                else:
                    self.issue(
                        "unresolved_command",
                        f"runs a command named by `{head.span}`",
                        cmd.text,
                        cmd.origin,
                    )
            elif "/" in name:
                name = basename  # an unknown directory, but a known program: ${DIR}/bin/rm is rm
                cmd.argv[0] = cmd.name = name
                cmd.words[0] = Word(name, head.span, True, head.substitutions, head.decoded)
        args = cmd.words[1:]
        if name in _STATEFUL:
            if name in ("cd", "pushd"):
                self.change_directory(args)
            elif name == "alias":
                for word in args:
                    if "=" in word.value:
                        alias, value = word.value.split("=", 1)
                        self.aliases[alias] = value
            else:  # read, mapfile, readarray
                for word in args:
                    if not word.value.startswith("-"):
                        self.variables.pop(word.value, None)
        if name in self.aliases and name != "alias":
            expansion = " ".join([self.aliases[name], *(w.span for w in args)])
            self.nested(expansion, f"the expansion of alias `{name}`", cmd, ctx)
        xargs = bool(cmd.wrappers) and cmd.wrappers[-1] == "xargs"
        if name == "find":
            found = parse_find(args)
            if not xargs:  # xargs adds words below; note_find_roots then parses them again
                self.find_cache[cmd.index] = found
            if found.exec_commands:
                child_ctx = ctx.replace(parent=cmd.index, text_end=None, redirects=(), stdin=None)
                for words in reversed(found.exec_commands):
                    if words:
                        self.stack.append((None, child_ctx, list(words), cmd.text))
        if xargs:
            fed = self.piped_text(cmd)
            if fed is not None and not any(w.value in ("-I", "-i", "-0") for w in cmd.words):
                extra = fed.split()[:256]
                cmd.argv.extend(extra)
                cmd.words.extend(Word(v, cmd.text) for v in extra)
        if xargs or cmd.parent is not None:  # (a find with neither has no feeder to note)
            self.note_find_roots(cmd)
        if name in _NESTING or language_of(name) is not None:  # else run_nested does nothing
            self.run_nested(cmd, ctx, name, args)
        # the check record_written_file starts with (name is cmd.name)
        if name in WRITERS or (name in DECODING_WRITERS and cmd.redirects):
            self.record_written_file(cmd, ctx)
        if (
            name in _TRANSCRIBED  # the check note_transcript starts with
            and ctx.source.top
            and end_byte is not None
            and ctx.pipeline < 0
            and not cmd.redirects
        ):
            self.note_transcript(cmd, ctx, end_byte)

    def note_find_roots(self, cmd: SimpleCommand) -> None:
        parent = self.analysis.commands[cmd.parent] if cmd.parent is not None else None
        feeder = None
        if parent is not None and parent.name == "find" and not cmd.in_substitution:
            feeder = parent
        elif cmd.wrappers and cmd.wrappers[-1] == "xargs":
            feeder = next((c for c in self.analysis.upstream(cmd) if c.name == "find"), None)
        if feeder is not None:
            found = self.find_cache.get(feeder.index)
            if found is None:
                found = self.find_cache[feeder.index] = parse_find(feeder.words[1:])
            cmd.find_roots = tuple(normalise(r, feeder.cwd) for r in found.roots)
            cmd.find_filtered = found.filtered
            between = feeder.pipeline >= 0 and cmd.stage - feeder.stage > 1
            if feeder is not parent and (between or found.exec_commands):
                cmd.find_filtered = "strong"  # grep/sed/-exec tests between find and xargs

    def change_directory(self, args: list[Word]) -> None:
        operands = [w for w in args if not w.value.startswith("-") or w.value == "-"]
        if not operands:
            self.cwd = "~"
            return
        target = operands[0]
        if target.dynamic or target.value == "-":
            self.cwd = None
            self.cwd_unknown = True
        elif target.value.startswith(("/", "~")):
            self.cwd = normalise(target.value)
            self.cwd_unknown = False
        elif self.cwd is not None:
            self.cwd = normalise(target.value, self.cwd)
        elif not self.cwd_unknown:
            # relative to where the command starts (the project): `cd .. && rm -rf my-project`
            # deletes ../my-project, outside it
            self.cwd = normalise(target.value)


def _walk_finished(node: Node) -> Evaluated | None:
    raise RuntimeError("the walk is over: its word resolvers cannot evaluate any more")


_Handler = Callable[[_Walker, Node, Ctx], None]
# What the walk does with each kind of node; any other kind: walk its named children.
_HANDLERS: dict[str, _Handler] = {
    "command": _Walker.command,
    "redirected_statement": _Walker.redirected,
    "pipeline": _Walker.pipeline,
    "variable_assignment": _Walker.standalone_assignment,
    "declaration_command": _Walker.declaration,
    "unset_command": _Walker.unset,
    "function_definition": _Walker.function,
    "command_substitution": _Walker.substitution,
    "process_substitution": _Walker.substitution,
    "ERROR": _Walker.error,
    **{kind: _Walker.loop for kind in _LOOPS},
    **{kind: _Walker.leaf for kind in _LEAVES},
}


class _HandlersByKind(dict[int, "_Handler | None"]):
    """``_HANDLERS.get(node.type)`` by ``node.kind_id`` (no name made for the look-up)."""

    def __missing__(self, kind_id: int) -> _Handler | None:
        handler = self[kind_id] = _HANDLERS.get(KIND_NAMES[kind_id])
        return handler


_HANDLERS_BY_KIND = _HandlersByKind()


@lru_cache(maxsize=256)
def analyze(command: str) -> ShellAnalysis:
    """Read ``command`` as bash and list every simple command it would run (nothing is run).

    Raises ValueError for a command over ``MAX_COMMAND_BYTES``. Results are cached (the shell
    and self-protection reviewers read the same command): treat them as read-only.
    """
    data = command.encode("utf-8", "surrogatepass")  # check_size's, then the walk's
    if len(data) > MAX_COMMAND_BYTES:
        check_size(command)  # (raises)
    return _Walker(command).run(data)


__all__ = ["analyze", "check_size"]
