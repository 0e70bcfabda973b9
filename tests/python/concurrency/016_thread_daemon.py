# Daemon threads: the daemon flag, inheritance from the creating thread, and exit without joining.
import threading
import time

def forever():
    while True:
        time.sleep(0.05)

def child_reports():
    inner = threading.Thread(target=lambda: None)
    print("thread created inside a daemon is a daemon:", inner.daemon)

d = threading.Thread(target=forever, daemon=True)
print("daemon flag:", d.daemon, "| default:", threading.Thread(target=forever).daemon)
d.start()
helper = threading.Thread(target=child_reports, daemon=True)
helper.start()
helper.join()
late = threading.Thread(target=forever)
late.daemon = True
late.start()
try:
    late.daemon = False
except RuntimeError as err:
    print("RuntimeError:", err)
print("main thread ends while daemons still run:", d.is_alive() and late.is_alive())
