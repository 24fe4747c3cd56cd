"""Run a piece of work in a forked child whose address space is capped, as an attacker's upload
would meet a worker with little memory to spare: MemoryError (or death) there is the failure."""

import multiprocessing
import resource
import traceback


def _vm_size() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize")


def run_capped(work, *, headroom: int):
    """work() in a child allowed `headroom` bytes more address space than it starts with.
    Returns ("ok", result) or ("failed", traceback text)."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child():
        try:
            limit = _vm_size() + headroom
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            send.send(("ok", work()))
        except BaseException:  # noqa: B036 - report whatever went wrong to the parent
            try:
                send.send(("failed", traceback.format_exc()))
            except BaseException:  # noqa: B036
                pass

    process = ctx.Process(target=child)
    process.start()
    outcome = receive.recv() if receive.poll(120) else ("failed", "no answer from the child")
    process.join(30)
    return outcome
