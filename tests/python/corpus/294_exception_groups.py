# ExceptionGroup without asyncio: repr, str, split, isinstance, and its traceback when uncaught.
def check():
    return ExceptionGroup
eg = ExceptionGroup("several", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions)
print(check() is ExceptionGroup, BaseExceptionGroup.__name__)
raise eg
