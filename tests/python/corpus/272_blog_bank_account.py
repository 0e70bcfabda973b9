# A bank account class from a tutorial: validation with exceptions, history, class-level rates.
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount:.2f}; balance is {balance:.2f}")
        self.shortfall = amount - balance

class Account:
    interest_rate = 0.02
    _next_number = 1000

    def __init__(self, owner, opening=0.0):
        self.owner = owner
        self.number = Account._next_number
        Account._next_number += 1
        self._balance = 0.0
        self.history = []
        if opening:
            self.deposit(opening)

    @property
    def balance(self):
        return round(self._balance, 2)

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self._balance, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def add_interest(self):
        interest = self._balance * self.interest_rate
        self.deposit(interest)
        return interest

    def __repr__(self):
        return f"Account({self.owner!r}, #{self.number}, balance={self.balance})"

class SavingsAccount(Account):
    interest_rate = 0.05

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("only two withdrawals allowed")
        super().withdraw(amount)

checking = Account("ada", 100)
savings = SavingsAccount("ada", 1000)
checking.deposit(50.5)
checking.withdraw(20.25)
print(checking, savings)
for amount in [500, -5]:
    try:
        if amount > 0:
            checking.withdraw(amount)
        else:
            checking.deposit(amount)
    except InsufficientFunds as err:
        print("refused:", err, f"(short by {err.shortfall:.2f})")
    except ValueError as err:
        print("refused:", err)
print(f"interest: {checking.add_interest():.4f} and {savings.add_interest():.2f}")
for _ in range(3):
    try:
        savings.withdraw(10)
    except PermissionError as err:
        print("PermissionError:", err)
print(checking.balance, savings.balance)
for kind, amount in checking.history:
    print(f"  {kind:<9}{amount:>10.2f}")
total = sum(a.balance for a in (checking, savings))
print(f"total across accounts: {total:,.2f}")
