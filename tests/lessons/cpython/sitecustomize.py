"""Makes CPython on Linux run the lessons as the lab does.

- Processes start by `spawn` (CPython's default on Windows and macOS, and the
  lab's only method), not by Linux's `fork`.
- Relative resource URLs (`io/resource/3?latency=200`), which the lab resolves
  against its own address, go to the harness's resource server
  (`LESSONS_BASE_URL`) when `requests` uses them.
"""

import importlib.abc
import os
import sys

import multiprocessing

multiprocessing.set_start_method("spawn", force=True)

BASE_URL = os.environ.get("LESSONS_BASE_URL", "")


def absolute(url):
    if BASE_URL and "://" not in str(url):
        return BASE_URL.rstrip("/") + "/" + str(url).lstrip("/")
    return url


class _PatchRequests(importlib.abc.MetaPathFinder):
    """Wraps `requests.Session.request` as soon as `requests.sessions` loads."""

    def find_spec(self, name, path=None, target=None):
        if name != "requests.sessions":
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        run = spec.loader.exec_module

        def exec_and_patch(module):
            run(module)
            request = module.Session.request

            def resolved(self, method, url, *args, **kwargs):
                return request(self, method, absolute(url), *args, **kwargs)

            module.Session.request = resolved

        spec.loader.exec_module = exec_and_patch
        return spec


sys.meta_path.insert(0, _PatchRequests())
