"""The user's search syntax, turned into a safe FTS5 MATCH expression.

Users write words, "exact phrases", prefix*, AND / OR / NOT (also "AND NOT"), and parentheses.
Words with punctuation inside ("Jong-un", "75.000", "B-52") are quoted so FTS5 reads them as
phrases instead of failing; column filters and NEAR are not offered. Anything unbalanced is a
:class:`QuerySyntaxError` with a one-line message.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"(?P<pstar>\*?)|(?P<open>\()|(?P<close>\))|(?P<word>[^\s()"]+)')
_OPERATORS = {"AND", "OR", "NOT"}
_PLAIN = re.compile(r"^\w+\*?$")
MAX_QUERY_CHARS = 1000


class QuerySyntaxError(ValueError):
    """The query cannot be read; the message says why in one line."""


def to_fts(query: str) -> str:
    """The FTS5 expression for a user query."""
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"query longer than {MAX_QUERY_CHARS} characters")
    if query.count('"') % 2:
        raise QuerySyntaxError("unbalanced double quote")
    parts: list[str] = []
    depth = 0
    for match in _TOKEN.finditer(query):
        if match["open"]:
            depth += 1
            parts.append("(")
        elif match["close"]:
            depth -= 1
            if depth < 0:
                raise QuerySyntaxError("closing parenthesis without an opening one")
            parts.append(")")
        elif match["phrase"] is not None:
            parts.append(_phrase(match["phrase"]) + match["pstar"])
        else:
            parts.append(_word(match["word"]))
    if depth:
        raise QuerySyntaxError("unbalanced parenthesis")
    expression = " ".join(p for p in parts if p)
    expression = re.sub(r"\bAND NOT\b", "NOT", expression)
    _check_operators(expression)
    return expression


def _phrase(text: str) -> str:
    words = re.findall(r"\w+", text)
    return '"' + " ".join(words) + '"' if words else ""


def _word(word: str) -> str:
    if word in _OPERATORS:
        return word
    if _PLAIN.match(word):
        return word
    star = "*" if word.endswith("*") else ""
    return _phrase(word.rstrip("*")) + star


def _check_operators(expression: str) -> None:
    tokens = re.findall(r'"[^"]*"\*?|\(|\)|[^\s()]+', expression)
    if not tokens or all(t in _OPERATORS or t in "()" for t in tokens):
        raise QuerySyntaxError("the query has no search words")
    previous = "("
    for token in [*tokens, ")"]:
        if token in _OPERATORS and (previous in _OPERATORS or previous == "("):
            raise QuerySyntaxError(f"operator {token} needs a word before it")
        if token == ")" and previous in _OPERATORS:
            raise QuerySyntaxError(f"operator {previous} needs a word after it")
        previous = token
