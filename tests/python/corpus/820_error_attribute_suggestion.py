# Uncaught AttributeError for a near-miss name: CPython 3.11 appends "Did you mean: ...?".
class Account:
    def __init__(self):
        self.balance = 10

account = Account()
print("balance", account.balance)
print(account.balanse)
