# Scoping gotchas: UnboundLocalError, class bodies, loop variables, and comprehension scope.
count = 10
def broken_increment():
    count += 1
    return count
try:
    broken_increment()
except UnboundLocalError as err:
    print("UnboundLocalError:", err)

def conditional_assign(flag):
    if flag:
        message = "set"
    return message
print(conditional_assign(True))
try:
    conditional_assign(False)
except UnboundLocalError as err:
    print("UnboundLocalError:", err)

class Config:
    base = 10
    doubled = base * 2
    names = ["a", "b"]
    upper = [n.upper() for n in names]
print(Config.doubled, Config.upper)

def loop_leak():
    for i in range(3):
        pass
    return i
print(loop_leak())
[leaked for leaked in range(2)]
try:
    print(leaked)
except NameError as err:
    print("NameError:", err)

def outer():
    value = "enclosing"
    def show():
        return value
    value = "rebound later"
    return show()
print(outer())

def shadowing_param(list):
    return list + [0]
print(shadowing_param([1]), list("ab"))

x = "module"
def read_then_shadow():
    try:
        print(x)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)
    x = "local"
    return x
print(read_then_shadow())

def counter_factory():
    counts = {"n": 0}
    def bump():
        counts["n"] += 1
        return counts["n"]
    return bump
bump = counter_factory()
bump()
print(bump())
