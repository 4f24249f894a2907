#include "util/freed_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace nas::util {

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

void returnFreedMemory() {
#if defined(__GLIBC__)
    (void)malloc_trim(0);
#endif
}

}  // namespace nas::util
