#include "engine/error_text.h"

#include <c10/util/Exception.h>

#include <new>

namespace nas::engine {

std::string errorText(const std::exception& error) {
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&error))
        return torchError->what_without_backtrace();
    if (dynamic_cast<const std::bad_alloc*>(&error))
        return "out of memory: lower the batch size, channels or layers";
    return error.what();
}

bool isOutOfMemory(const std::exception& error) {
    if (dynamic_cast<const std::bad_alloc*>(&error)) return true;
    const auto* torchError = dynamic_cast<const c10::Error*>(&error);
    if (!torchError) return false;
    // CUDA: "CUDA out of memory"; CPU: "DefaultCPUAllocator: can't allocate memory" or "not enough
    // memory".
    const std::string text = torchError->what_without_backtrace();
    for (const char* sign : {"out of memory", "can't allocate memory", "not enough memory"})
        if (text.find(sign) != std::string::npos) return true;
    return false;
}

}  // namespace nas::engine
