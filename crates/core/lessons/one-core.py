import threading

turns = []


def work(letter):
    for n in range(1_500_000):
        if n % 50_000 == 0:
            turns.append(letter)  # a mark every 50,000 steps


threads = [threading.Thread(target=work, args=(letter,)) for letter in "AB"]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

order = "".join(turns)
switches = sum(1 for a, b in zip(order, order[1:]) if a != b)
print(order)
print(f"{switches} switches between A and B")
