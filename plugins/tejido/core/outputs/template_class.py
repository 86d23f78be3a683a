"""The classes of Tejido's compiled templates, their contexts and macros: costs of
Jinja's that Tejido's templates never need, left out.  The HTML is the same to the byte.

- **Imported modules.**  Jinja remakes an imported module when the importing page
  was given globals of its own, and checks for them on every import (a set
  difference over a ChainMap): a tenth of the template time.  Tejido never gives a
  page its own globals, so the module made once from the environment's globals is
  always the right one.
- **Escaping.**  Each `{{ value }}` of an autoescaping template calls markupsafe's
  `escape`, which since markupsafe 3 wraps its C core in Python and makes the result
  through `Markup.__new__`, asking the text again whether it has `__html__`: with
  about 190 values per page, a tenth of the template time.  `escape_html` gives the
  same result for the two common cases directly (text: escaped; markup: itself) and
  hands everything else to markupsafe.
- **Macro calls.**  A page calls about fifty macros (a link, a term, a fact); Jinja
  asks each time, twice, what the macro wants passed (`Context.call`), then matches
  arguments to parameters one by one (`Macro.__call__`).  Called as Tejido's
  templates call them (each argument by position, no `caller`), `TejidoContext` and
  `TejidoMacro` go straight to the macro's body; any other call takes Jinja's way.
- **Globals.**  A template keeps its globals as a ChainMap over the environment's,
  which every render and every include copies into a new context key by key (a
  card, rendered once per entry, paid it for a few names).  Tejido sets its
  environments' globals before loading a template and never after (as Jinja asks), so
  each template keeps them as one plain dict, copied at C speed.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import markupsafe
from jinja2 import Environment, Template
from jinja2.environment import TemplateModule
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, Macro
from jinja2.utils import pass_eval_context
from markupsafe import Markup

_escape_text = markupsafe._escape_inner  # type: ignore[attr-defined]  # its C function (or twin)
_as_markup = str.__new__


def escape_html(value: object) -> Markup:
    """`markupsafe.escape(value)`, quicker for a str or a Markup."""
    kind = type(value)
    if kind is str:
        return _as_markup(Markup, _escape_text(value))  # type: ignore[arg-type]
    if kind is Markup:
        return value  # type: ignore[return-value]
    return markupsafe.escape(value)


class TejidoMacro(Macro):
    """A macro called with its eval context and exactly its arguments, by position, runs
    its body at once."""

    @pass_eval_context
    def __call__(self, *args: Any, **kwargs: Any) -> str:
        if (not kwargs and len(args) == self._argument_count + 1
                and type(args[0]) is EvalContext and not self._environment.is_async
                and not (self.caller or self.catch_kwargs or self.catch_varargs)):
            html = self._func(*args[1:])
            return _as_markup(Markup, html) if args[0].autoescape else html
        return super().__call__(*args, **kwargs)


class TejidoContext(Context):
    """A template's context that hands a macro its eval context directly."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(__obj, Macro):
            return super().call(__obj, *args, **kwargs)
        kwargs.pop("_loop_vars", None)  # what Jinja's `call` drops for such a callable
        kwargs.pop("_block_vars", None)
        try:
            return __obj(__self.eval_ctx, *args, **kwargs)
        except StopIteration:  # as Jinja's `call` does
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception")


class TejidoTemplate(Template):
    """A template whose imported modules are made once, whose values are escaped by
    `escape_html` and whose macros are `TejidoMacro`s."""

    def _get_default_module(self, ctx: Context | None = None) -> TemplateModule:
        return super()._get_default_module(None)

    @classmethod
    def _from_namespace(cls, environment: Environment, namespace: MutableMapping[str, Any],
                        globals: MutableMapping[str, Any]) -> Template:
        # The compiled code looks `escape` up among its module's names at each call.
        namespace["escape"] = escape_html
        namespace["Macro"] = TejidoMacro
        return super()._from_namespace(environment, namespace, dict(globals))
