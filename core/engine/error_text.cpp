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

}  // namespace nas::engine
