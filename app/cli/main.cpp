// nas-studio-cli: run, resume, list, show, export, train and inspect architecture searches.
#include "cli.h"
#include "util/freed_memory.h"

int main(int argc, char** argv) {
    nas::util::keepFreedMemoryForReuse();
    return nas::cli::run(argc, argv);
}
