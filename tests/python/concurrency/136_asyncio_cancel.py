# Task.cancel: CancelledError inside the task, cleanup in finally, cancelled() and a swallowed cancel.
import asyncio

async def long_job(log):
    try:
        log.append("job started")
        await asyncio.sleep(5)
        log.append("never")
    except asyncio.CancelledError:
        log.append("job saw CancelledError")
        raise
    finally:
        log.append("job cleanup")

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        return "refused to be cancelled"

async def main():
    log = []
    task = asyncio.create_task(long_job(log))
    await asyncio.sleep(0.02)
    print("cancel requested:", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError")
    print(log, task.cancelled(), task.done())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    s.cancel()
    print(await s, s.cancelled())
    print("cancel a finished task:", s.cancel())
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))

asyncio.run(main())
