"""copy: shallow and deep copies."""


class Error(Exception):
    pass


error = Error


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, tuple, frozenset, type, range, bytes) or x is None:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if isinstance(x, list):
        result = cls.__new__(cls)
        result.extend(x)
        result.__dict__.update(x.__dict__)
        return result
    if isinstance(x, dict):
        result = cls.__new__(cls)
        dict.update(result, x)
        result.__dict__.update(x.__dict__)
        return result
    if hasattr(x, "__dict__"):
        result = cls.__new__(cls)
        result.__dict__.update(x.__dict__)
        return result
    return x


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, str, type, range, bytes) or x is None or callable(x) and not hasattr(x, "__dict__"):
        return x
    copier = getattr(cls, "__deepcopy__", None)
    if copier is not None:
        y = copier(x, memo)
    elif cls is list or isinstance(x, list):
        y = [] if cls is list else cls.__new__(cls)
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
    elif cls is dict or isinstance(x, dict):
        y = {} if cls is dict else cls.__new__(cls)
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(item, memo) for item in x)
    elif hasattr(x, "__dict__"):
        y = cls.__new__(cls)
        memo[d] = y
        for key, value in x.__dict__.items():
            object.__setattr__(y, key, deepcopy(value, memo))
    else:
        y = x
    memo[d] = y
    return y
