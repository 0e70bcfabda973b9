# try/except/else/finally: which blocks run, in which order, and what a function returns.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("  except: division by zero")
        return None
    else:
        print("  else: no error")
        return result
    finally:
        print("  finally: always")

print(divide(10, 4))
print(divide(1, 0))

def finally_wins():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")

print(finally_wins())

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

print(finally_overrides())

def swallow():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError("one")
            print("loop", i)
        except ValueError as err:
            print("caught", err, "and continue")
            continue
        finally:
            print("finally", i)

swallow()

def nested():
    try:
        try:
            raise KeyError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except KeyError as err:
        print("outer caught", repr(err))

nested()

for value in ["42", "x", None]:
    try:
        number = int(value)
    except ValueError as err:
        print("ValueError:", err)
    except TypeError as err:
        print("TypeError:", err)
    else:
        print("parsed", number)

try:
    [1, 2][5]
except LookupError as err:
    print(type(err).__name__, "is a LookupError:", err)

try:
    {"a": 1}["b"]
except Exception as err:
    print(type(err).__name__, err, err.args)

err_ref = None
try:
    raise RuntimeError("temporary")
except RuntimeError as err:
    err_ref = err
print(err_ref, err_ref.args)
try:
    print(err)
except NameError as name_err:
    print("NameError:", name_err)

try:
    pass
except Exception:
    print("never")
else:
    print("else runs when nothing is raised")
finally:
    print("and finally too")

def count_finally(n):
    attempts = 0
    while True:
        try:
            attempts += 1
            if attempts == n:
                break
        finally:
            print("attempt", attempts)
    return attempts

print(count_finally(3))
