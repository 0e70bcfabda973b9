# A traffic-light state machine and a tiny tokenizer: dict dispatch, enums by hand, while loops.
TRANSITIONS = {"green": ("yellow", 3), "yellow": ("red", 1), "red": ("green", 4)}

def run_lights(start, ticks):
    state, remaining = start, TRANSITIONS[start][1]
    timeline = []
    for _ in range(ticks):
        timeline.append(state[0].upper())
        remaining -= 1
        if remaining == 0:
            state = TRANSITIONS[state][0]
            remaining = TRANSITIONS[state][1]
    return "".join(timeline)

print(run_lights("green", 16))

def tokenize(source):
    tokens, i = [], 0
    while i < len(source):
        ch = source[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            start = i
            while i < len(source) and source[i].isdigit():
                i += 1
            tokens.append(("NUM", int(source[start:i])))
        elif ch in "+-*/()":
            tokens.append(("OP", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected {ch!r} at {i}")
    return tokens

def evaluate(tokens):
    position = 0
    def peek():
        return tokens[position] if position < len(tokens) else (None, None)
    def take():
        nonlocal position
        position += 1
        return tokens[position - 1]
    def factor():
        kind, value = take()
        if value == "(":
            result = expr()
            take()
            return result
        if value == "-":
            return -factor()
        return value
    def term():
        result = factor()
        while peek()[1] in ("*", "/"):
            op = take()[1]
            result = result * factor() if op == "*" else result / factor()
        return result
    def expr():
        result = term()
        while peek()[1] in ("+", "-"):
            op = take()[1]
            result = result + term() if op == "+" else result - term()
        return result
    return expr()

for source in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - -2", "2 * (3 + 4) * 5"]:
    print(source, "=", evaluate(tokenize(source)))
try:
    tokenize("2 $ 3")
except SyntaxError as err:
    print("SyntaxError:", err)
