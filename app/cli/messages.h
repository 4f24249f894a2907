#pragma once
// What the tool prints about itself: errors in one form, words quoted for pasting into a shell,
// and stored text (run names, errors) made safe to print on a terminal.
#include <string>

namespace nas::cli {

// The exit statuses, as the README lists them.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // an error, or a search that failed (it stays resumable)
inline constexpr int kExitUsage = 2;   // a usage slip or an invalid configuration: nothing ran
inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C or SIGTERM; resumable

// The command the errors are about ("search"); empty before one is known.
void setCommandName(const std::string& name);
// "nas-studio-cli <command>: error: <message>" on stderr: every error the tool reports has this
// form.
void printError(const std::string& message);

// `word` as one shell word: as it is when it needs no quoting, else in single quotes.
[[nodiscard]] std::string shellQuoted(const std::string& word);

// `text` with what a terminal would act on instead of showing escaped: control characters (C0, DEL,
// C1), Unicode direction overrides and isolates (which can make a name read backwards or hide text
// after it), and bytes that are not UTF-8, as \xNN or \u{NNNN}. Other text is left as it is.
[[nodiscard]] std::string terminalSafe(const std::string& text);

}  // namespace nas::cli
