# json: `loads` and `dumps` for the values programs of this size exchange
# (what `Response.json()` reads), with CPython's formatting and errors.


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the position of the error."""

    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__(f"{msg}: line {lineno} column {colno} (char {pos})")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WHITESPACE = " \t\n\r"


class _Reader:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, msg, pos=None):
        raise JSONDecodeError(msg, self.text, self.pos if pos is None else pos)

    def skip(self):
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in _WHITESPACE:
            pos += 1
        self.pos = pos

    def value(self):
        self.skip()
        if self.pos >= len(self.text):
            self.fail("Expecting value")
        char = self.text[self.pos]
        if char == "{":
            return self.object()
        if char == "[":
            return self.array()
        if char == '"':
            self.pos += 1
            return self.string()
        for word, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        return self.number()

    def number(self):
        text, start = self.text, self.pos
        end = start
        while end < len(text) and text[end] in "+-0123456789.eE":
            end += 1
        token = text[start:end]
        if not token or token in "+-":
            self.fail("Expecting value")
        self.pos = end
        if any(c in token for c in ".eE"):
            return float(token)
        return int(token)

    def string(self):
        text, parts = self.text, []
        while True:
            if self.pos >= len(text):
                self.fail("Unterminated string starting at", self.pos - 1)
            char = text[self.pos]
            self.pos += 1
            if char == '"':
                return "".join(parts)
            if char != "\\":
                parts.append(char)
                continue
            escape = text[self.pos:self.pos + 1]
            if escape == "u":
                parts.append(chr(int(text[self.pos + 1:self.pos + 5], 16)))
                self.pos += 5
            elif escape in _ESCAPES:
                parts.append(_ESCAPES[escape])
                self.pos += 1
            else:
                self.fail("Invalid \\escape", self.pos - 1)

    def object(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text.startswith("}", self.pos):
            self.pos += 1
            return result
        while True:
            self.skip()
            if not self.text.startswith('"', self.pos):
                self.fail("Expecting property name enclosed in double quotes")
            self.pos += 1
            key = self.string()
            self.skip()
            if not self.text.startswith(":", self.pos):
                self.fail("Expecting ':' delimiter")
            self.pos += 1
            result[key] = self.value()
            self.skip()
            if self.text.startswith("}", self.pos):
                self.pos += 1
                return result
            if not self.text.startswith(",", self.pos):
                self.fail("Expecting ',' delimiter")
            self.pos += 1

    def array(self):
        self.pos += 1
        result = []
        self.skip()
        if self.text.startswith("]", self.pos):
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip()
            if self.text.startswith("]", self.pos):
                self.pos += 1
                return result
            if not self.text.startswith(",", self.pos):
                self.fail("Expecting ',' delimiter")
            self.pos += 1


def loads(s, **kwargs):
    """The value the JSON document `s` (str or bytes) holds."""
    if isinstance(s, bytes):
        s = s.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    reader = _Reader(s)
    value = reader.value()
    reader.skip()
    if reader.pos != len(s):
        reader.fail("Extra data")
    return value


def _quote(text):
    out = ['"']
    for char in text:
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) > 0x7e:
            code = ord(char)
            if code > 0xFFFF:
                code -= 0x10000
                out.append(f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _encode(value, indent, sort_keys, level, separators):
    item_sep, key_sep = separators
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(int(value))
    if isinstance(value, dict):
        items = sorted(value.items()) if sort_keys else list(value.items())
        if not items:
            return "{}"
        parts = []
        for key, item in items:
            if not isinstance(key, str):
                key = _encode(key, None, sort_keys, 0, separators).strip('"')
            parts.append(_quote(key) + key_sep + _encode(item, indent, sort_keys, level + 1, separators))
        return _wrap("{", parts, "}", indent, level, item_sep)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        parts = [_encode(item, indent, sort_keys, level + 1, separators) for item in value]
        return _wrap("[", parts, "]", indent, level, item_sep)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _wrap(open_, parts, close, indent, level, item_sep):
    if indent is None:
        return open_ + item_sep.join(parts) + close
    pad = " " * indent if isinstance(indent, int) else indent
    inner = "\n" + pad * (level + 1)
    return open_ + inner + (item_sep.rstrip() + inner).join(parts) + "\n" + pad * level + close


def dumps(obj, *, indent=None, sort_keys=False, separators=None, **kwargs):
    """The JSON text of `obj`."""
    if separators is None:
        separators = (", ", ": ") if indent is None else (",", ": ")
    return _encode(obj, indent, sort_keys, 0, separators)
