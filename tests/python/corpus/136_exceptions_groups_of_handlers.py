# except (A, B) as e, handler order, catching base classes, and exceptions raised in handlers.
def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return "a" + 1
    if kind == "attr":
        return None.upper()
    if kind == "name":
        return undefined_name
    return "fine"

for kind in ["key", "index", "zero", "type", "attr", "name", "none"]:
    try:
        print("result:", risky(kind))
    except (KeyError, IndexError) as err:
        print("lookup problem:", type(err).__name__, err)
    except (ZeroDivisionError, TypeError) as err:
        print("math or type problem:", type(err).__name__, err)
    except Exception as err:
        print("other:", type(err).__name__, err)

try:
    int("x")
except Exception:
    print("broad handler first")
try:
    raise KeyError("k")
except LookupError as err:
    print("base class caught", type(err).__name__)

try:
    try:
        raise ValueError("original")
    except ValueError:
        raise KeyError("from handler")
except KeyError as err:
    print("handler raised:", err, "| context:", err.__context__)

handled = []
for exc in [ValueError("v"), KeyError("k"), TypeError("t")]:
    try:
        try:
            raise exc
        except ValueError:
            handled.append("inner ValueError")
    except Exception as err:
        handled.append("outer " + type(err).__name__)
print(handled)
kinds = (ValueError, KeyError)
try:
    raise KeyError("dynamic tuple")
except kinds as err:
    print("caught by a tuple in a variable:", err)

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as err:
    print("AssertionError:", err)
try:
    assert False
except AssertionError as err:
    print("bare AssertionError args:", err.args)
try:
    raise ValueError
except ValueError as err:
    print("raised a class:", repr(err))
try:
    raise 42
except TypeError as err:
    print("TypeError:", err)
