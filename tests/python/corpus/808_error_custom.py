# Uncaught custom exception with a message: the last line names the class and the message.
class InventoryError(Exception):
    pass

def take(stock, n):
    if n > stock:
        raise InventoryError(f"asked for {n}, only {stock} left")
    return stock - n

stock = take(10, 3)
print("stock now", stock)
take(stock, 20)
