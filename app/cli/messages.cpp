#include "messages.h"

#include <cstdio>

namespace nas::cli {
namespace {

std::string g_command;

std::string hex(unsigned value, int digits) {
    static const char* kDigits = "0123456789ABCDEF";
    std::string text(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, value >>= 4)
        text[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
    return text;
}

// Code points that reorder or hide the text around them: marks, embeddings, overrides, isolates.
bool isDirectionControl(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

// Length of the UTF-8 sequence starting at `text[i]` and its code point; 0 when it is not one.
std::size_t decodeUtf8(const std::string& text, std::size_t i, char32_t& code) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    if (lead < 0x80) {
        code = lead;
        return 1;
    }
    if ((lead & 0xE0) == 0xC0)
        length = 2, code = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0)
        length = 3, code = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0)
        length = 4, code = lead & 0x07;
    else
        return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static const char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0;
    return length;
}

}  // namespace

void setCommandName(const std::string& name) { g_command = name; }

void printError(const std::string& message) {
    std::fprintf(stderr, "nas-studio-cli%s%s: error: %s\n", g_command.empty() ? "" : " ",
                 g_command.c_str(), message.c_str());
}

std::string shellQuoted(const std::string& word) {
    bool plain = !word.empty();
    for (const char c : word) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') ||
                          std::string("_-./+:@%,=").find(c) != std::string::npos;
        plain = plain && safe;
    }
    if (plain) return word;
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string terminalSafe(const std::string& text) {
    std::string safe;
    for (std::size_t i = 0; i < text.size();) {
        char32_t code = 0;
        const std::size_t length = decodeUtf8(text, i, code);
        if (length == 0) {
            safe += "\\x" + hex(static_cast<unsigned char>(text[i]), 2);
            ++i;
            continue;
        }
        if (code < 0x20 || code == 0x7F || (code >= 0x80 && code < 0xA0)) {
            safe += "\\x" + hex(code, 2);
        } else if (isDirectionControl(code)) {
            safe += "\\u{" + hex(code, 4) + "}";
        } else if (code == '\\') {
            safe += "\\\\";  // so an escape in the output always means an escaped character
        } else {
            safe.append(text, i, length);
        }
        i += length;
    }
    return safe;
}

}  // namespace nas::cli
