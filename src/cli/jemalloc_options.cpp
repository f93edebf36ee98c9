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
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:1,dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
