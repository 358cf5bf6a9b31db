"""Static evaluation of ``$(...)``: what a substitution of literal stages prints."""

from __future__ import annotations

from tree_sitter import Node

from forethought.review.shell.decode import run_stages, text_of
from forethought.review.shell.model import MAX_DEPTH, Word
from forethought.review.shell.source import Ctx
from forethought.review.shell.unwrap import program_name
from forethought.review.shell.words import Evaluated


class StaticEvaluation:
    """Mixed into the walker: evaluates substitutions whose stages are all literal."""

    eval_depth: int
    eval_cache: dict[tuple[int, int, int], Evaluated | None]

    def evaluate(self, node: Node, ctx: Ctx) -> Evaluated | None:
        key = (id(ctx.source), node.start_byte, node.end_byte)
        if key in self.eval_cache:
            return self.eval_cache[key]
        if self.eval_depth >= MAX_DEPTH:
            return None
        self.eval_depth += 1
        try:
            result = self._evaluate(node, ctx)
        finally:
            self.eval_depth -= 1
        self.eval_cache[key] = result
        return result

    def _evaluate(self, node: Node, ctx: Ctx) -> Evaluated | None:
        named = [c for c in node.children if c.is_named]
        if len(named) != 1:
            return None
        body = named[0]
        stage_nodes = (
            [c for c in body.children if c.is_named] if body.type == "pipeline" else [body]
        )
        stages: list[tuple[list[str], str | None]] = []
        for stage in stage_nodes:
            stdin: str | None = None
            if stage.type == "redirected_statement":
                for child in stage.children:
                    if child.type == "herestring_redirect":
                        named_children = [c for c in child.children if c.is_named]
                        if named_children:
                            word = ctx.resolver.word(named_children[0])
                            if word.dynamic:
                                return None
                            stdin = word.value
                    elif child.type == "heredoc_redirect":
                        stdin = next(
                            (
                                ctx.source.span(c)
                                for c in child.children
                                if c.type == "heredoc_body"
                            ),
                            "",
                        )
                stage = stage.child_by_field_name("body") or stage
            if stage.type != "command":
                return None
            words: list[Word] = []
            for child in stage.children:
                if child.type == "command_name":
                    words.extend(ctx.resolver.word(p) for p in child.children)
                elif child.type == "herestring_redirect":
                    named_children = [c for c in child.children if c.is_named]
                    word = ctx.resolver.word(named_children[0]) if named_children else Word("", "")
                    stdin = word.value
                    if word.dynamic:
                        return None
                elif child.type in ("file_redirect", "variable_assignment"):
                    return None
                elif child.is_named:
                    words.append(ctx.resolver.word(child))
            if not words or any(w.dynamic for w in words):
                return None
            argv = [w.value for w in words]
            argv[0] = program_name(argv[0])
            stages.append((argv, stdin))
        output = run_stages(stages)
        if output is None:
            return None
        return Evaluated(text_of(output.data).rstrip("\n"), output.decoded, output.how)
