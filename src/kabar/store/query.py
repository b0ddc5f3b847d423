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
    """The FTS5 expression for a user query (adjacent terms joined with an explicit AND)."""
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"query longer than {MAX_QUERY_CHARS} characters")
    if query.count('"') % 2:
        raise QuerySyntaxError("unbalanced double quote")
    tokens = _merge_and_not([t for t in (_token(m) for m in _TOKEN.finditer(query)) if t])
    _check(tokens)
    out: list[str] = []
    for token in tokens:
        if out and _ends_operand(out[-1]) and _starts_operand(token):
            out.append("AND")
        out.append(token)
    return " ".join(out)


def _merge_and_not(tokens: list[str]) -> list[str]:
    merged: list[str] = []
    for token in tokens:
        if token == "NOT" and merged and merged[-1] == "AND":
            merged[-1] = "NOT"
        else:
            merged.append(token)
    return merged


def _token(match: re.Match[str]) -> str:
    if match["open"]:
        return "("
    if match["close"]:
        return ")"
    if match["phrase"] is not None:
        phrase = _phrase(match["phrase"])
        return phrase + match["pstar"] if phrase else ""
    return _word(match["word"])


def _ends_operand(token: str) -> bool:
    return token not in _OPERATORS and token != "("


def _starts_operand(token: str) -> bool:
    return token not in _OPERATORS and token != ")"


def _check(tokens: list[str]) -> None:
    if not any(t not in _OPERATORS and t not in "()" for t in tokens):
        raise QuerySyntaxError("the query has no search words")
    depth, previous = 0, "("
    for token in tokens:
        if token in _OPERATORS and previous in (*_OPERATORS, "("):
            raise QuerySyntaxError(f"operator {token} needs a word before it")
        if token == ")" and previous in (*_OPERATORS, "("):
            raise QuerySyntaxError("empty parentheses, or an operator with no word after it")
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth < 0:
            raise QuerySyntaxError("closing parenthesis without an opening one")
        previous = token
    if previous in _OPERATORS:
        raise QuerySyntaxError(f"operator {previous} needs a word after it")
    if depth:
        raise QuerySyntaxError("unbalanced parenthesis")


def _phrase(text: str) -> str:
    words = re.findall(r"\w+", text)
    return '"' + " ".join(words) + '"' if words else ""


def _word(word: str) -> str:
    if word in _OPERATORS:
        return word
    if _PLAIN.match(word) and word.rstrip("*") not in _OPERATORS:  # "AND*" is a prefix, not AND
        return word
    star = "*" if word.endswith("*") else ""
    phrase = _phrase(word.rstrip("*"))
    return phrase + star if phrase else ""
