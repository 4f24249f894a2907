#pragma once
// What to tell a user about an exception from the engine. Torch-free header, so front ends that
// include no torch can still say LibTorch's errors well.
#include <exception>
#include <string>

namespace nas::engine {

// The exception's message; for LibTorch's errors without the C++ backtrace they carry (a user needs
// the first line, not 25 frames), and an allocation failure said in words.
[[nodiscard]] std::string errorText(const std::exception& error);
// Whether `error` says memory ran out: an allocation failure on the host, or LibTorch's allocator
// (CPU or GPU) refusing a tensor.
[[nodiscard]] bool isOutOfMemory(const std::exception& error);

}  // namespace nas::engine
