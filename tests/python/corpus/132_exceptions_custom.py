# Custom exception classes: hierarchies, extra attributes, args, str and repr of exceptions.
class AppError(Exception):
    pass

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field

class NotFound(AppError):
    def __init__(self, key):
        self.key = key
    def __str__(self):
        return f"nothing stored under {self.key!r}"

def check(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be an integer")
    if age < 0:
        raise ValidationError("age", f"must be positive, got {age}")
    return age

for value in [30, -1, "x"]:
    try:
        print("ok", check(value))
    except ValidationError as err:
        print(f"invalid {err.field}: {err}")

try:
    raise NotFound("user:7")
except AppError as err:
    print(type(err).__name__, "|", err, "|", err.key, "|", err.args)

e = ValueError("bad value", 42)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(KeyError("k")), repr(KeyError("k")))
print(str(Exception("one")), repr(Exception("one")), str(Exception(1, 2)), repr(AppError("x")))
print(repr(ValidationError("f", "m")), ValidationError("f", "m").args)
print(issubclass(ValidationError, AppError), issubclass(AppError, Exception), issubclass(Exception, BaseException))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(isinstance(NotFound("k"), AppError), NotFound.__name__, NotFound("k").__class__.__name__)

class RetryableError(Exception):
    def __init__(self, message, attempts=1):
        super().__init__(message)
        self.attempts = attempts

try:
    raise RetryableError("network down", attempts=3)
except RetryableError as err:
    print(err, err.attempts, err.args)

errors = []
for exc_type in (ValueError, TypeError, AppError, NotFound):
    try:
        raise exc_type("boom") if exc_type is not NotFound else exc_type("id")
    except (ValueError, TypeError) as err:
        errors.append(f"builtin {type(err).__name__}")
    except AppError as err:
        errors.append(f"app {type(err).__name__}: {err}")
print(errors)
print(Exception("x") == Exception("x"), Exception("x").args == Exception("x").args)
