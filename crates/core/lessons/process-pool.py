import concurrent.futures
import os
import time

SIDE = 96


def make_image(seed):
    return bytes((x * seed + y * 7) % 256 for y in range(SIDE) for x in range(SIDE))


def blur(image, passes=4):
    # Each pixel becomes the mean of the 3x3 square around it.
    pixels = list(image)
    for _ in range(passes):
        pixels = [
            sum(pixels[(y + dy) % SIDE * SIDE + (x + dx) % SIDE]
                for dy in (-1, 0, 1) for dx in (-1, 0, 1)) // 9
            for y in range(SIDE) for x in range(SIDE)
        ]
    return bytes(pixels)


if __name__ == "__main__":
    images = [make_image(seed) for seed in range(1, 9)]
    print(f"{len(images)} images of {SIDE}x{SIDE} pixels, {os.cpu_count()} cores")

    start = time.perf_counter()
    results = [blur(image) for image in images]
    print(f"one after another:      {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    # Each image travels to a worker process and back as bytes.
    with concurrent.futures.ProcessPoolExecutor() as executor:
        pooled = list(executor.map(blur, images))
    print(f"in a pool of processes: {time.perf_counter() - start:.2f} s")
    print(f"same results: {pooled == results}")
