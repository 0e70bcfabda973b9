# Uncaught exception raised from another: the traceback shows both, the last line is the new one.
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as err:
        raise ConfigError(f"invalid port {text!r}") from err

print(parse_port("8080"))
print(parse_port("eighty"))
