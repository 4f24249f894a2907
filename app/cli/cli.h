#pragma once
// The command-line front end as a library: the executable's main() calls run(); tests call it
// in-process to see what a user would see, strategies registered by the test included.
#include <string>

namespace nas::cli {

// Runs one command line (argv[0] is the program) and returns the exit status.
int run(int argc, char** argv);
// The overall usage text, as `nas-studio-cli --help` prints it.
[[nodiscard]] std::string usage();

}  // namespace nas::cli
