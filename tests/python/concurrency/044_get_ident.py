# Thread identity: get_ident differs between live threads and matches Thread.ident inside the thread.
import threading

main_ident = threading.get_ident()
checks = []
gate = threading.Barrier(3)

def record():
    me = threading.current_thread()
    checks.append((me.ident == threading.get_ident(), threading.get_ident() != main_ident))
    gate.wait()

threads = [threading.Thread(target=record) for _ in range(2)]
for t in threads:
    t.start()
gate.wait()
idents = {t.ident for t in threads}
for t in threads:
    t.join()
print(checks)
print("two live threads have two idents:", len(idents) == 2)
print("main ident matches:", threading.main_thread().ident == main_ident, isinstance(main_ident, int))
print("ident before start:", threading.Thread().ident)
