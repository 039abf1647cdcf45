"""keras.ops on Python scalars. Like the real ops, where() receives both branches already computed."""
import math


def cast(x, dtype):
    return float(x)


def convert_to_tensor(x):
    return x


def floor(x):
    return float(math.floor(x))


def floor_divide(a, b):
    return a // b


def cos(x):
    return math.cos(x)


def exp(x):
    return math.exp(x)


def log(x):
    if x > 0:
        return math.log(x)
    return -math.inf if x == 0 else math.nan


def power(a, b):
    a = float(a)
    if a < 0 and b != math.floor(b):
        return math.nan  # like numpy, not Python's complex result
    return a ** b


def minimum(a, b):
    return min(a, b)


def maximum(a, b):
    return max(a, b)


def where(condition, x, y):
    return x if condition else y


def logical_and(a, b):
    return bool(a) and bool(b)


def cond(pred, true_fn, false_fn):
    return true_fn() if pred else false_fn()


def sqrt(x):
    return math.sqrt(x) if x >= 0 else math.nan  # like numpy, not an exception
