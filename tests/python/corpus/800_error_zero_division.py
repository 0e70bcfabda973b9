# Uncaught ZeroDivisionError after some output: the traceback's last line is compared.
def average(values):
    return sum(values) / len(values)

print("average of [2, 4]:", average([2, 4]))
print("average of []:")
print(average([]))
