#pragma once
// How the C library's allocator treats the large blocks LibTorch frees.

namespace nas::util {

// By default glibc hands a freed block above its mmap threshold straight back to the kernel, and
// trims the heap whenever more than 128 KiB lie free at its top. A training step frees and
// allocates maps of several MiB thousands of times, so nearly every one came back as fresh pages
// that the kernel had to fault in and zero: a DARTS search step here spent more time in the kernel
// than in LibTorch. This keeps blocks up to 32 MiB (glibc's ceiling) in the heap for reuse, and
// returns heap memory only when over 1 GiB of it lies free. Call it first thing in main(); it does
// nothing with another C library.
void keepFreedMemoryForReuse();

// Hands the free memory of every malloc arena back to the kernel. A long-lived process (the
// studio) calls it when a big job has ended: glibc keeps freed blocks in each thread's arena for
// reuse, and each new worker thread may get another arena, so without it a studio that ran a few
// searches would hold the memory of all of them.
void returnFreedMemory();

}  // namespace nas::util
