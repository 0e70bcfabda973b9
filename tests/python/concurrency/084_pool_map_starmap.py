# multiprocessing.Pool with spawn: map and starmap keep input order; imap too; the with-block.
import multiprocessing

def square(n):
    return n * n

def power(base, exponent):
    return base ** exponent

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(processes=2) as pool:
        print(pool.map(square, range(10)))
        print(pool.starmap(power, [(2, 10), (3, 3), (10, 0)]))
        print(list(pool.imap(square, [7, 8, 9])))
        print(pool.map(square, []))
    print("pool closed")
