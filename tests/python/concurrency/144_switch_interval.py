# sys.getswitchinterval and setswitchinterval: the GIL's switch interval, 5 ms by default.
import sys

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.getswitchinterval() == 0.005)
try:
    sys.setswitchinterval(0)
except ValueError as err:
    print("ValueError:", err)
try:
    sys.setswitchinterval(-1)
except ValueError as err:
    print("ValueError:", err)
