# f-strings: alignment, fill, precision, thousands separators, bases, exponents, !r and =.
name, price, qty = "widget", 1234.5678, 42
print(f"|{name:>10}|{name:<10}|{name:^10}|")
print(f"|{name:*>10}|{name:-<10}|{name:.^11}|")
print(f"{price:.2f} {price:.0f} {price:10.3f}| {price:<10.1f}|")
print(f"{price:08.3f} {-price:08.1f} {3.14159:+.3f} {2.5: .1f}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f} {-9876543:,}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#o} {5:b} {5:#b} {5:08b}")
print(f"{1234.5:e} {0.000123:.2e} {1234.5:E} {12345678:.3e}")
print(f"{0.256:%} {0.256:.1%} {1:.0%} {-0.5:.2%}")
print(f"{qty:5d}|{qty:<5d}|{qty:^5d}|{qty:05d}|{-qty:05d}|{qty:+d}")
print(f"{name!r} {name!s} {[name]!s} {'quote' + chr(39)!r}")
value = 3 * 7
print(f"{value=} {name=} {price=:.1f} {value = }")
print(f"{value * 2} {value // 4} {'nested' if value > 20 else 'no'} {len(name)}")
width, precision = 12, 3
print(f"|{price:{width}.{precision}f}|{name:>{width}}|")
print(f"{{literal braces}} {{{value}}}")
data = {"a": 1, "b": 2}
print(f"{data['a']} {data} {[x * x for x in range(4)]}")
print(f"{'left':<6}|{'right':>6}|")
print(f"{3.0:g} {0.00001:g} {1e20:g} {123456789.0:g} {1.5:g}")
print(f"{True} {None} {True:d} {7.0} {7:.2f} {7:g}")
print(f"{'x':>3}{'y':>3}{'z':>3}")
items = [("apple", 0.5, 12), ("banana", 0.25, 6), ("cherry", 3.0, 100)]
print(f"{'item':<8}{'price':>8}{'qty':>5}{'total':>10}")
for item, unit, count in items:
    print(f"{item:<8}{unit:>8.2f}{count:>5}{unit * count:>10,.2f}")
print(f"{'=' * 31}")
print(f"{12:>+6} {12:=+6} {-12:=6} {12:^+7}")
print(f"{1e6:,.0f} {1e6:_.1f} {0.1 + 0.2:.17f} {2/3:.5}")
print(F"capital F {value}", rf"raw \n {value}")
