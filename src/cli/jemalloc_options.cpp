// jemalloc's options for leafpress, read by jemalloc when the process starts (its documented
// malloc_conf symbol), so no environment variable is needed.
//
// Why jemalloc and these options: a build touches tens of megabytes of fresh heap once (pages of
// glyph runs, fonts, content streams) and exits. On a virtual machine each 4 KiB page fault is
// dear (on the 2-core CI machine about 10 µs: with glibc's malloc a quarter of the real report's
// CPU time). glibc backs its heap with transparent huge pages only when asked through
// GLIBC_TUNABLES before the process starts; jemalloc takes the same request from here:
//   thp, metadata_thp  2 MiB pages for the heap and jemalloc's own tables, where the kernel
//                      grants them ("madvise" or "always" in /sys/kernel/mm/transparent_hugepage)
//   narenas:1          one arena for every thread (each thread keeps its own cache): an arena
//                      per thread would each start on a fresh huge page
//   *_decay_ms:-1      freed memory is kept for reuse, not handed back to the kernel
// Measured with bench/stress/run.sh on that machine (see docs/cli.md): the real report's three
// editions ~114 -> ~93 ms wall, 500 pages of prose ~426 -> ~327 ms, peak RSS 47 -> 57 MB.
#include <cstdlib>

extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:1,dirty_decay_ms:-1,muzzy_decay_ms:-1";
}

// jemalloc grows its one arena a mapping at a time (2, 2.5, 3, 3.5, 4 MiB, ...), each where the
// kernel finds room, most of them off the 2 MiB boundaries, so their ends are backed by 4 KiB
// pages, a page fault each (on the virtual machines this runs on, a few microseconds apiece).
// Asking for 6 MiB once, before anything else, and giving it back has jemalloc map 7 and then
// 8 MiB and carve the build's heap out of them: the booklet's page faults ~1,700 -> ~700, its CPU
// time -5 % (interleaved medians, see docs/architecture.md). Nothing of it is touched: it costs
// no memory until used. (Larger requests go to jemalloc's arena for oversize allocations and
// would not help.)
namespace {
[[gnu::constructor]] void reserve_heap() {
  void* volatile block = std::malloc(size_t{6} << 20);
  std::free(block);
}
}  // namespace
