# Uncaught TypeError from calling something that is not callable.
handlers = {"greet": "hello"}
print("handler:", handlers["greet"])
handlers["greet"]()
