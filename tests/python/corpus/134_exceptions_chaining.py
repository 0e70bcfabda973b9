# Exception chaining: raise from, implicit context, from None, bare re-raise and re-wrapping.
class ConfigError(Exception):
    pass

def load(text):
    try:
        return int(text)
    except ValueError as err:
        raise ConfigError(f"bad setting {text!r}") from err

try:
    load("abc")
except ConfigError as err:
    print("error:", err)
    print("cause:", type(err.__cause__).__name__, err.__cause__)
    print("context is cause:", err.__context__ is err.__cause__)

try:
    try:
        {}["key"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as err:
    print("implicit context:", repr(err.__context__), err.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as err:
    print("from None:", err.__cause__, type(err.__context__).__name__)

def reraise():
    try:
        [].pop()
    except IndexError:
        print("logging and re-raising")
        raise

try:
    reraise()
except IndexError as err:
    print("re-raised:", err)

def convert_all(values):
    results = []
    for v in values:
        try:
            results.append(int(v))
        except ValueError as err:
            raise TypeError(f"cannot convert {v}") from err
    return results

try:
    convert_all(["1", "2", "three"])
except TypeError as err:
    print(err, "<-", err.__cause__)

def raise_same(err):
    raise err

caught = None
try:
    raise_same(KeyError("k"))
except KeyError as err:
    caught = err
try:
    raise caught
except KeyError as again:
    print("same object:", again is caught)

try:
    try:
        raise ValueError("first")
    finally:
        print("finally during propagation")
except ValueError as err:
    print("propagated:", err)

try:
    raise ConfigError("explicit cause") from KeyError("root")
except ConfigError as err:
    print(err, repr(err.__cause__))
print(ConfigError().__cause__, ConfigError().__context__)
