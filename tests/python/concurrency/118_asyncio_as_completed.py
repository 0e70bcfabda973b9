# asyncio.as_completed: results in completion order (printed sorted too), and a count.
import asyncio

async def delayed(value, delay):
    await asyncio.sleep(delay)
    return value

async def main():
    order = []
    coros = [delayed("c", 0.15), delayed("a", 0.03), delayed("b", 0.08)]
    for next_done in asyncio.as_completed(coros):
        order.append(await next_done)
    print("completion order:", order)
    print("sorted:", sorted(order), "| count:", len(order))
    try:
        for next_done in asyncio.as_completed([delayed("late", 0.5)], timeout=0.05):
            await next_done
    except TimeoutError:
        print("as_completed timed out")

asyncio.run(main())
