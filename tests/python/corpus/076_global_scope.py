# global statements, module-level state, shadowing, and the LEGB lookup order.
counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)

def create_global():
    global created
    created = "made inside a function"
create_global()
print(created)

x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)

def reads_global():
    return x.upper()
print(reads_global())

len_backup = len
def len(obj):
    return "shadowed builtin"
print(len([1, 2, 3]))
del len
print(len([1, 2, 3]), len is len_backup)

config = {"debug": False}
def enable_debug():
    config["debug"] = True
enable_debug()
print(config)

def nested():
    def inner():
        global counter
        counter = 100
    inner()
nested()
print(counter)

def assign_without_global():
    counter = -1
    return counter
print(assign_without_global(), counter)
print(__name__)
